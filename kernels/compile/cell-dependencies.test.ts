import { describe, expect, it } from 'vitest';
import { cellDependencies } from './cell-dependencies';

const sorted = (code: string) => {
  const { defines, reads } = cellDependencies(code);
  return { defines: [...defines].sort(), reads: [...reads].sort() };
};

describe('cellDependencies of a TypeScript cell', () => {
  it('defines its top-level declarations and reads the free names', () => {
    expect(sorted('const b = a + 1')).toEqual({ defines: ['b'], reads: ['a'] });
    expect(sorted('b * 2')).toEqual({ defines: [], reads: ['b'] });
    expect(
      sorted(
        'import { mean } from "m"\nfunction f(x) { return x + k }\nclass C {}\nlet { p, q: [r] } = o',
      ),
    ).toEqual({ defines: ['C', 'f', 'mean', 'p', 'r'], reads: ['k', 'o'] });
  });

  it('does not read names bound where they are used, property names or labels', () => {
    const code = [
      'const total = items.reduce((sum, item) => sum + item.price, 0)',
      'for (const row of rows) { let local = row.a; console.log(local, { key: row, shift }) }',
      'try { risky() } catch (e) { report(e) }',
      'outer: for (var i = 0; i < n; i++) { break outer }',
      'const g = function named() { return named.length + arguments.length }',
    ].join('\n');
    expect(sorted(code)).toEqual({
      // A `var` in a top-level loop stays the cell's own: only top-level statements publish.
      defines: ['g', 'total'],
      reads: ['console', 'items', 'n', 'report', 'risky', 'rows', 'shift'],
    });
  });

  it('reads nothing from types', () => {
    expect(
      sorted('type T = Customer\ninterface I extends Base {}\nconst x: Row = y as Other<Z>'),
    ).toEqual({ defines: ['x'], reads: ['y'] });
  });

  it('defines free names it assigns and reads them when it updates them', () => {
    expect(sorted('count += 1\nlast = now()\nfunction bump() { hits++ }')).toEqual({
      defines: ['bump', 'count', 'hits', 'last'],
      reads: ['count', 'hits', 'now'],
    });
  });

  it('reads and makes the tables of its sql templates and registrations', () => {
    expect(
      sorted(
        'const big = await sql`select * from Orders where n > ${limit}`\nawait sql`create table t as select 1`\nregister("Frames", df)',
      ),
    ).toEqual({
      defines: ['big', 'frames', 't'],
      reads: ['df', 'limit', 'orders', 'sql', 'register'].sort(),
    });
  });
});

describe('cellDependencies of a SQL cell', () => {
  it('defines its tables and its binding, and reads its tables', () => {
    expect(sorted('%%sql byPlan\ncreate table Plans as select * from customers')).toEqual({
      defines: ['byPlan', 'plans'],
      reads: ['customers'],
    });
  });

  it('is empty for a malformed %%sql line', () => {
    expect(cellDependencies('%%sqlx\nselect 1')).toEqual({ defines: [], reads: [] });
  });
});
