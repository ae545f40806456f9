import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { kindOfType, profileTable } from './profile';

describe('profileTable', () => {
  it('profiles numbers, timestamps and strings as the manifest describes', async () => {
    const instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    await connection.run(`CREATE TABLE t AS SELECT
        CASE WHEN i = 0 THEN NULL ELSE i END AS n,
        TIMESTAMP '2024-01-01' + INTERVAL (i) HOUR AS at,
        CASE WHEN i % 10 = 0 THEN 'ten' ELSE 'other' END AS s
      FROM range(101) r(i)`);
    const columns = [
      { name: 'n', type: 'BIGINT', nullable: true },
      { name: 'at', type: 'TIMESTAMP', nullable: true },
      { name: 's', type: 'VARCHAR', nullable: true },
    ];
    const [n, at, s] = await profileTable(connection, 't', columns);
    expect(n).toMatchObject({ nulls: 1, min: 1, max: 100, top: null });
    expect(n.distinct).toBe(100);
    expect(s.distinct).toBe(2);
    expect(n.quantiles?.find((q) => q.q === 0.5)?.value).toBe(50.5);
    expect(at).toMatchObject({
      nulls: 0,
      min: '2024-01-01T00:00:00',
      max: '2024-01-05T04:00:00',
      quantiles: null,
    });
    expect(s).toMatchObject({
      min: null,
      quantiles: null,
      top: [
        { value: 'other', count: 90 },
        { value: 'ten', count: 11 },
      ],
    });
    connection.closeSync();
    instance.closeSync();
  });

  it('tells numbers, dates and text from their DuckDB type', () => {
    expect(['DECIMAL(18,3)', 'UBIGINT', 'DOUBLE'].map(kindOfType)).toEqual([
      'number',
      'number',
      'number',
    ]);
    expect(['DATE', 'TIMESTAMP WITH TIME ZONE'].map(kindOfType)).toEqual(['temporal', 'temporal']);
    expect(['VARCHAR', 'BOOLEAN', 'INTEGER[]'].map(kindOfType)).toEqual(['text', 'text', 'other']);
  });
});
