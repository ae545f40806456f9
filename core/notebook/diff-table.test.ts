import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { DEFAULT_TOLERANCE } from './diff';
import { diffTable } from './diff-table';

type Field = { name: string; type: string };

/** A table as kernels/display/table-bundle.ts writes it. */
function table(fields: Field[], rows: JsonObject[], totalRows = rows.length, resultId?: string) {
  return {
    schema: { fields },
    data: rows,
    quarry: {
      total_rows: totalRows,
      source_types: fields.map((f) => (f.type === 'number' ? 'Float64' : 'Utf8')),
      ...(resultId ? { result_id: resultId } : {}),
    },
  };
}

const fields: Field[] = [
  { name: 'region', type: 'string' },
  { name: 'rate', type: 'number' },
];
const rows = (rates: (number | null)[]) => rates.map((rate, i) => ({ region: `r${i}`, rate }));
const tol = DEFAULT_TOLERANCE;

describe('diffTable', () => {
  it('is null for the same data, whatever the kernel named the result', () => {
    const a = table(fields, rows([0.1, 0.2]), 2, 'result-1');
    const b = table(fields, rows([0.1, 0.2]), 2, 'result-7');
    expect(diffTable(a, b, tol, 1)).toBeNull();
  });

  it('takes values within the tolerance as the same and reports those outside it', () => {
    const a = table(fields, rows([0.25, 0.5, 0.75, 1]));
    const within = table(fields, rows([0.25 + 1e-14, 0.5, 0.75, 1]));
    expect(diffTable(a, within, tol, 1)).toBeNull();
    const outside = table(fields, rows([0.25, 0.52, 0.75, 0.99]));
    const change = diffTable(a, outside, tol, 3);
    expect(change).toMatchObject({
      kind: 'table',
      output: 3,
      schema: null,
      rows: { baseline: 4, current: 4 },
      rowsHeld: { baseline: 4, current: 4 },
    });
    expect(change?.values.compared).toBe(8);
    expect(change?.values.changed).toBe(2);
    expect(change?.values.maxAbs).toBeCloseTo(0.02, 12);
    expect(change?.values.maxRel).toBeCloseTo(0.04, 12);
    expect(change?.values.examples).toEqual([
      { row: 2, column: 'rate', baseline: 0.5, current: 0.52 },
      { row: 4, column: 'rate', baseline: 1, current: 0.99 },
    ]);
    expect(diffTable(a, outside, { rtol: 0.05, atol: 0 }, 3)).toBeNull();
  });

  it('treats nulls (the kernel writes NaN as null) as equal to nulls and changed against numbers', () => {
    const a = table(fields, rows([null, 1]));
    expect(diffTable(a, table(fields, rows([null, 1])), tol, 1)).toBeNull();
    const change = diffTable(a, table(fields, rows([0, 1])), tol, 1);
    expect(change?.values.changed).toBe(1);
    expect(change?.values.maxAbs).toBeNull();
  });

  it('reports columns added, removed, retyped and reordered, and compares the shared ones', () => {
    const a = table(
      [
        { name: 'a', type: 'integer' },
        { name: 'b', type: 'number' },
        { name: 'gone', type: 'string' },
      ],
      [{ a: 1, b: 2, gone: 'x' }],
    );
    const b = table(
      [
        { name: 'b', type: 'number' },
        { name: 'a', type: 'string' },
        { name: 'new', type: 'boolean' },
      ],
      [{ b: 2, a: '1', new: true }],
    );
    const change = diffTable(a, b, tol, 1);
    expect(change?.schema).toEqual({
      added: ['new'],
      removed: ['gone'],
      retyped: [{ column: 'a', baseline: 'integer', current: 'string' }],
      reordered: true,
    });
    expect(change?.values.compared).toBe(2);
    expect(change?.values.changed).toBe(1); // 1 against '1'
  });

  it('reports a changed row count, comparing the rows both hold', () => {
    const change = diffTable(table(fields, rows([1, 2, 3])), table(fields, rows([1, 2])), tol, 1);
    expect(change?.rows).toEqual({ baseline: 3, current: 2 });
    expect(change?.values.compared).toBe(4);
    expect(change?.values.changed).toBe(0);
  });

  it('takes the row count of a cut table from quarry.total_rows, and compares the rows held', () => {
    const held = rows(Array.from({ length: 500 }, (_, i) => i));
    const all = rows(Array.from({ length: 10_000 }, (_, i) => i));
    // The kernel's 500 of 10,000 rows against another tool's file holding all of them.
    expect(diffTable(table(fields, held, 10_000), table(fields, all), tol, 1)).toBeNull();
    const longer = diffTable(table(fields, held, 10_000), table(fields, held, 10_001), tol, 1);
    expect(longer?.rows).toEqual({ baseline: 10_000, current: 10_001 });
    expect(longer?.values.compared).toBe(1000);
  });

  it('reads a table from another tool leniently: no quarry block, no schema', () => {
    const a = { data: [{ x: 1 }, { x: 2 }] };
    const b = { data: [{ x: 1 }, { x: 3 }] };
    expect(diffTable(a, b, tol, 1)?.values.examples).toEqual([
      { row: 2, column: 'x', baseline: 2, current: 3 },
    ]);
    expect(diffTable('not a table', { data: [] }, tol, 1)).toBeNull();
  });
});
