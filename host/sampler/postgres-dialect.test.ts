import { describe, expect, it } from 'vitest';
import { percentLiteral, postgresDialect } from './postgres-dialect';

describe('postgresDialect', () => {
  it('quotes identifiers and strings by doubling their quote', () => {
    expect(postgresDialect.quoteIdentifier('we"ird name')).toBe('"we""ird name"');
    expect(postgresDialect.quoteString("it's \\ here")).toBe("'it''s \\ here'");
  });

  it('hashes one column by its text and several by the row, the low 52 bits over 2^52', () => {
    expect(postgresDialect.rowHash(42, ['"id"'])).toBe(
      '((hashtextextended("id"::text, 42) & 4503599627370495)::float8 / 4503599627370496)',
    );
    expect(postgresDialect.rowHash(7, ['"a"', '"b"'])).toBe(
      '((hashtextextended(ROW("a", "b")::text, 7) & 4503599627370495)::float8 / 4503599627370496)',
    );
  });

  it('samples a fraction by percentage, seeded; a row count or a reservoir has no built-in clause', () => {
    expect(postgresDialect.tableSample('bernoulli', { kind: 'fraction', fraction: 0.01 }, 42)).toBe(
      'TABLESAMPLE BERNOULLI (1) REPEATABLE (42)',
    );
    expect(postgresDialect.tableSample('system', { kind: 'fraction', fraction: 0.25 }, 0)).toBe(
      'TABLESAMPLE SYSTEM (25) REPEATABLE (0)',
    );
    expect(postgresDialect.tableSample('reservoir', { kind: 'rows', rows: 100 }, 42)).toBeNull();
    expect(postgresDialect.tableSample('bernoulli', { kind: 'rows', rows: 100 }, 42)).toBeNull();
    expect(
      postgresDialect.tableSample('reservoir', { kind: 'fraction', fraction: 0.1 }, 42),
    ).toBeNull();
    expect(postgresDialect.limit(10)).toBe('LIMIT 10');
  });

  it('writes percentages as plain decimals, never with an exponent, at most 100', () => {
    expect(percentLiteral(1e-9)).toBe('0.0000001');
    expect(percentLiteral(0.0106101)).toBe('1.06101');
    expect(percentLiteral(1)).toBe('100');
    expect(percentLiteral(1e-16)).toBe('0.000000000001');
  });
});
