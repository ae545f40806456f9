import { describe, expect, it } from 'vitest';
import { parseSqlCell, SqlMagicError } from './sql-cell';

describe('parseSqlCell', () => {
  it('TypeScript cells are not SQL cells', () => {
    expect(parseSqlCell('const x = 1')).toBeNull();
    expect(parseSqlCell('')).toBeNull();
    expect(parseSqlCell(' %%sql\nselect 1')).toBeNull();
    expect(parseSqlCell('// %%sql\nselect 1')).toBeNull();
  });

  it('%%sql with and without a name', () => {
    expect(parseSqlCell('%%sql\nselect 1\nfrom t')).toEqual({
      query: 'select 1\nfrom t',
      bindTo: null,
    });
    expect(parseSqlCell('%%sql churn_by_plan\nselect 1')).toEqual({
      query: 'select 1',
      bindTo: 'churn_by_plan',
    });
    expect(parseSqlCell('%%sql   $r_2  \t\nselect 1')).toEqual({
      query: 'select 1',
      bindTo: '$r_2',
    });
    expect(parseSqlCell('%%sql')).toEqual({ query: '', bindTo: null });
    expect(parseSqlCell('%%sql   \nselect 1')).toEqual({ query: 'select 1', bindTo: null });
  });

  it('a malformed magic line is a UsageError', () => {
    for (const source of [
      '%%sqlx\nselect 1',
      '%%sql 1abc\nselect 1',
      '%%sql a b\nselect 1',
      '%%sql a-b',
      '%%sql class',
      '%%sql let\nselect 1',
    ]) {
      expect(() => parseSqlCell(source)).toThrow(SqlMagicError);
    }
    expect(() => parseSqlCell('%%sqlx')).toThrow('"%%sqlx": write %%sql or %%sql NAME');
    expect(() => parseSqlCell('%%sql 1abc')).toThrow(
      expect.objectContaining({
        name: 'UsageError',
        message: expect.stringMatching(/NAME must be a TypeScript identifier/),
      }),
    );
  });
});
