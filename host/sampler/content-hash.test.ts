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
});
