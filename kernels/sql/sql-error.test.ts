import { describe, expect, it } from 'vitest';
import { SqlError, withSqlErrors } from './sql-error';

describe('SqlError', () => {
  it('splits DuckDB’s kind, message and excerpt', () => {
    const error = new SqlError(
      'Parser Error: syntax error at or near "frm"\n\nLINE 2:   2 frm x\n                ^',
    );
    expect(error.name).toBe('ParserError');
    expect(error.message).toBe('syntax error at or near "frm"');
    expect(error.queryLine).toBe(2);
    expect(error.report).toEqual([
      'Parser Error: syntax error at or near "frm"',
      '',
      'LINE 2:   2 frm x',
      '                ^',
    ]);
  });

  it('drops an excerpt DuckDB repeats', () => {
    const excerpt = 'LINE 1: select * from nosuch\n                      ^';
    const error = new SqlError(
      `Catalog Error: Table with name nosuch does not exist!\n\n${excerpt}\n\n${excerpt}`,
    );
    expect(error.name).toBe('CatalogError');
    expect(error.report.filter((l) => l.startsWith('LINE'))).toHaveLength(1);
  });

  it('a message without a kind or line', () => {
    const error = new SqlError('something odd');
    expect(error).toMatchObject({ name: 'SqlError', message: 'something odd', queryLine: null });
    expect(error.report).toEqual(['something odd']);
  });
});

describe('withSqlErrors', () => {
  it('turns thrown errors into SqlErrors and passes results through', () => {
    expect(withSqlErrors(() => 5)).toBe(5);
    expect(() =>
      withSqlErrors(() => {
        throw new Error('Binder Error: no column x');
      }),
    ).toThrow(expect.objectContaining({ name: 'BinderError', message: 'no column x' }));
    const original = new SqlError('IO Error: gone');
    expect(() =>
      withSqlErrors(() => {
        throw original;
      }),
    ).toThrow(original);
  });
});
