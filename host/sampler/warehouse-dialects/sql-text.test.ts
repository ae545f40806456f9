import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import {
  backslashQuoted,
  backtickDoubled,
  doubleQuoted,
  percentText,
  singleQuotedDoubled,
  unitIntervalOfSigned64,
} from './sql-text';

describe('quoting', () => {
  it('doubles the quote, or escapes it and the backslash', () => {
    expect(doubleQuoted('a "b"')).toBe('"a ""b"""');
    expect(backtickDoubled('a`b')).toBe('`a``b`');
    expect(singleQuotedDoubled("it's \\")).toBe("'it''s \\'");
    expect(backslashQuoted("it's \\n\n", "'")).toBe("'it\\'s \\\\n\\n'");
    expect(backslashQuoted('a`b', '`')).toBe('`a\\`b`');
  });

  it('writes percentages as plain decimals', () => {
    expect(percentText(0.015)).toBe('1.5');
    expect(percentText(1e-9)).toBe('0.0000001');
    expect(percentText(1)).toBe('100');
  });
});

describe('unitIntervalOfSigned64', () => {
  // DuckDB's % truncates toward zero, as Trino's, Spark's, BigQuery's and Snowflake's MOD do.
  it('maps every signed 64-bit value to its low 52 bits over 2^52, in [0, 1)', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const values = [-(2n ** 63n), -(2n ** 52n) - 1n, -1n, 0n, 1n, 2n ** 52n, 2n ** 63n - 1n];
    values.push(-7_046_029_254_386_353_131n, 3_233_247_871_021_311_208n);
    const expression = unitIntervalOfSigned64('h', { mod: 'mod', double: 'DOUBLE' });
    const reader = await connection.runAndReadAll(
      `SELECT ${expression} FROM (VALUES ${values.map((v) => `(CAST('${v}' AS BIGINT))`).join(', ')}) t(h)`,
    );
    const span = 2n ** 52n;
    const expected = values.map((v) => Number(((v % span) + span) % span) / 2 ** 52);
    const got = reader.getRows().map(([x]) => Number(x));
    expect(got).toEqual(expected);
    expect(got.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(got[values.indexOf(2n ** 63n - 1n)]).toBe(1 - 2 ** -52);
    connection.closeSync();
  });
});
