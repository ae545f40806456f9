import { DuckDBInstance } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash';

describe('contentHash', () => {
  it('hashes the rows in canonical order, each a JSON array of DuckDB text, NULLs last', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE t AS SELECT * FROM (VALUES
      (2::BIGINT, 'b', 1.5::DECIMAL(5,2), DATE '2024-02-01'),
      (NULL, 'a', NULL, NULL),
      (1::BIGINT, 'c"q', 10.25::DECIMAL(5,2), DATE '2024-01-31'),
      (18446744073709551::BIGINT, NULL, 0::DECIMAL(5,2), DATE '2000-01-01')) v(n, s, d, day)`);
    const lines = [
      '["1","c\\"q","10.25","2024-01-31"]',
      '["2","b","1.50","2024-02-01"]',
      '["18446744073709551",null,"0.00","2000-01-01"]',
      '[null,"a",null,null]',
    ];
    const expected = createHash('sha256')
      .update(lines.map((l) => `${l}\n`).join(''))
      .digest('hex');
    expect(await contentHash(connection, 't', ['n', 's', 'd', 'day'])).toBe(expected);
    // The order rows were inserted in does not matter.
    await connection.run('CREATE TABLE u AS SELECT * FROM t ORDER BY s DESC');
    expect(await contentHash(connection, 'u', ['n', 's', 'd', 'day'])).toBe(expected);
    connection.closeSync();
    instance.closeSync();
  });

  it('is the documented hash for text, lists, structs, control characters and empty tables', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    // Row 3's text holds control characters (escaped as \u00XX) and row 4 a literal backslash-u.
    await connection.run(`CREATE TABLE t AS SELECT i AS id,
      CASE WHEN i = 3 THEN 'a' || chr(27) || chr(1) || chr(10) WHEN i = 4 THEN 'x\\u001Bz'
        ELSE 'é😀"\\/' || chr(8232) || i END AS s,
      [i, NULL] AS l, {'k': i / 3} AS st, TIMESTAMP '2024-01-01 10:00:00' + to_seconds(i) AS ts
      FROM range(6) r(i)`);
    const expected = async (where: string) => {
      const reader = await connection.runAndReadAll(
        `SELECT CAST(id AS VARCHAR), CAST(s AS VARCHAR), CAST(l AS VARCHAR), CAST(st AS VARCHAR), CAST(ts AS VARCHAR)
         FROM t WHERE ${where} ORDER BY id, s, l, st, ts`,
      );
      const text = reader
        .getRowsJS()
        .map((row) => `${JSON.stringify(row.map((v) => (v === null ? null : String(v))))}\n`)
        .join('');
      return createHash('sha256').update(text).digest('hex');
    };
    const columns = ['id', 's', 'l', 'st', 'ts'];
    for (const where of ['id IN (0, 1, 2, 5)', 'true', 'id = 4', 'false']) {
      await connection.run(`CREATE OR REPLACE TABLE u AS SELECT * FROM t WHERE ${where}`);
      expect(await contentHash(connection, 'u', columns), where).toBe(await expected(where));
    }
    connection.closeSync();
    instance.closeSync();
  });
});
