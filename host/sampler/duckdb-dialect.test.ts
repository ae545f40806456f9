import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { duckdbDialect } from './duckdb-dialect';

describe('duckdbDialect', () => {
  it('quotes identifiers and strings', () => {
    expect(duckdbDialect.quoteIdentifier('a "b"')).toBe('"a ""b"""');
    expect(duckdbDialect.quoteString("it's")).toBe("'it''s'");
  });

  it('writes TABLESAMPLE with a seed, fractions as plain percentages', () => {
    expect(duckdbDialect.tableSample('reservoir', { kind: 'rows', rows: 10 }, 3)).toBe(
      'TABLESAMPLE reservoir(10 ROWS) REPEATABLE (3)',
    );
    expect(duckdbDialect.tableSample('bernoulli', { kind: 'fraction', fraction: 1e-9 }, 3)).toBe(
      'TABLESAMPLE bernoulli(0.0000001 PERCENT) REPEATABLE (3)',
    );
  });

  it('hashes rows into [0, 1), the same for the same values, different per seed', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    const hash = (seed: number) => duckdbDialect.rowHash(seed, ['"i"', '"s"']);
    const reader = await connection.runAndReadAll(
      `SELECT min(${hash(1)}), max(${hash(1)}), count(DISTINCT ${hash(1)}), any_value(typeof(${hash(1)})),
         sum(CASE WHEN ${hash(1)} = ${hash(2)} THEN 1 ELSE 0 END)
       FROM (SELECT i, 'x' || i AS s FROM range(100000) r(i))`,
    );
    const [min, max, distinct, type, same] = reader.getRows()[0];
    expect(Number(min)).toBeGreaterThanOrEqual(0);
    expect(Number(max)).toBeLessThan(1);
    expect(Number(distinct)).toBe(100000);
    expect(type).toBe('DOUBLE');
    expect(Number(same)).toBe(0);
    const again = await connection.runAndReadAll(
      `SELECT ${hash(1)} FROM (SELECT 5 AS i, 'x5' AS s)`,
    );
    const first = await connection.runAndReadAll(
      `SELECT ${hash(1)} FROM (SELECT i, 'x' || i AS s FROM range(100000) r(i)) WHERE i = 5`,
    );
    expect(again.getRows()).toEqual(first.getRows());
    connection.closeSync();
    instance.closeSync();
  });
});
