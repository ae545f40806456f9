import { describe, expect, it } from 'vitest';
import { DIALECTS } from './sql-dialect';

describe('DIALECTS', () => {
  it('quotes names and strings by doubling the quote', () => {
    for (const dialect of Object.values(DIALECTS)) {
      expect(dialect.quoteIdentifier('say "hi"')).toBe('"say ""hi"""');
      expect(dialect.quoteString("it's \\ fine")).toBe("'it''s \\ fine'");
    }
  });

  it('prints finite numbers as doubles and refuses the others', () => {
    expect(DIALECTS.duckdb.number(0.1)).toBe('CAST(1e-1 AS DOUBLE)');
    expect(DIALECTS.postgres.number(-2.5e-10)).toBe('CAST(-2.5e-10 AS DOUBLE PRECISION)');
    expect(() => DIALECTS.duckdb.number(Number.NaN)).toThrow(/NaN has no SQL literal/);
    expect(() => DIALECTS.postgres.number(Infinity)).toThrow(/Infinity has no SQL literal/);
  });

  it('turns a boolean into 1.0/0.0 the way each engine allows', () => {
    expect(DIALECTS.duckdb.booleanToDouble('b')).toBe('CAST(b AS DOUBLE)');
    expect(DIALECTS.postgres.booleanToDouble('b')).toBe(
      'CAST(CAST(b AS INTEGER) AS DOUBLE PRECISION)',
    );
  });

  it('extracts date parts as doubles, the hour through a TIMESTAMP', () => {
    expect(DIALECTS.postgres.datePart('year', '"d"')).toBe(
      'CAST(EXTRACT(YEAR FROM "d") AS DOUBLE PRECISION)',
    );
    expect(DIALECTS.duckdb.datePart('dayOfWeek', '"d"')).toBe(
      'CAST(EXTRACT(DOW FROM "d") AS DOUBLE)',
    );
    expect(DIALECTS.duckdb.datePart('hour', '"d"')).toBe(
      'CAST(EXTRACT(HOUR FROM CAST("d" AS TIMESTAMP)) AS DOUBLE)',
    );
    expect(DIALECTS.postgres.datePart('epochDays', '"d"')).toBe(
      'floor(CAST(EXTRACT(EPOCH FROM "d") AS DOUBLE PRECISION) / CAST(86400 AS DOUBLE PRECISION))',
    );
  });

  it('types NULLs and orders strings by code point only where the engine needs telling', () => {
    expect(DIALECTS.postgres.typedNull('string')).toBe('CAST(NULL AS VARCHAR)');
    expect(DIALECTS.duckdb.typedNull('boolean')).toBe('CAST(NULL AS BOOLEAN)');
    expect(DIALECTS.postgres.codePointOrder('"s"')).toBe('("s" COLLATE "C")');
    expect(DIALECTS.duckdb.codePointOrder('"s"')).toBe('"s"');
  });
});
