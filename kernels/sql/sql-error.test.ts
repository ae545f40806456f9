import { describe, expect, it } from 'vitest';
import { parseDuckDbError, SqlError, sqlErrorOf, withSqlErrors } from './sql-error';

describe('parseDuckDbError', () => {
  it('reads DuckDB’s JSON errors: kind, message and byte position', () => {
    expect(
      parseDuckDbError(
        '{"exception_type":"Binder","exception_message":"Referenced column \\"x\\" not found!\\nCandidate bindings: \\"range\\"","name":"x","position":"25"}',
      ),
    ).toEqual({
      name: 'BinderError',
      message: 'Referenced column "x" not found!\nCandidate bindings: "range"',
      position: 25,
    });
  });

  it('reads a JSON error behind a kind prefix, and one without a position', () => {
    expect(
      parseDuckDbError(
        'Parser Error: {"exception_type":"Parser","exception_message":"syntax error at or near \\"x\\"","position":"18"}',
      ),
    ).toEqual({ name: 'ParserError', message: 'syntax error at or near "x"', position: 18 });
    expect(
      parseDuckDbError('{"exception_type":"Invalid Input","exception_message":"bad\\n"}'),
    ).toEqual({ name: 'InvalidInputError', message: 'bad', position: null });
  });

  it('reads plain-text errors, with or without a kind', () => {
    expect(parseDuckDbError('IO Error: gone\nreally')).toEqual({
      name: 'IOError',
      message: 'gone\nreally',
      position: null,
    });
    expect(parseDuckDbError('Invalid column type encountered for argument 0')).toEqual({
      name: 'SqlError',
      message: 'Invalid column type encountered for argument 0',
      position: null,
    });
    expect(parseDuckDbError('{not json')).toMatchObject({ message: '{not json' });
  });
});

describe('withSqlErrors', () => {
  it('turns thrown errors into SqlErrors and passes results through', () => {
    expect(withSqlErrors(() => 5)).toBe(5);
    expect(() =>
      withSqlErrors(() => {
        throw new Error('{"exception_type":"Catalog","exception_message":"no table x"}');
      }),
    ).toThrow(expect.objectContaining({ name: 'CatalogError', message: 'no table x' }));
    const original = new SqlError('IOError', 'gone');
    expect(sqlErrorOf(original)).toBe(original);
    expect(sqlErrorOf('odd')).toMatchObject({ name: 'SqlError', message: 'odd', location: null });
  });
});
