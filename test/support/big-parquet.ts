/**
 * A 10-million-row Parquet file (about 120 MB) for tests of queries that run on the host
 * (issue 9), written by native DuckDB in 1–3 s. Columns: `id` 0…9,999,999, `k` = id % 1000
 * (each value 10,000 times), `v` a number in [0, 1).
 */
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

export const BIG_PARQUET_ROWS = 10_000_000;
export const BIG_PARQUET_KEYS = 1000;

/** Writes the file at `dir/name` and returns its path. */
export async function writeBigParquet(dir: string, name = 'big.parquet'): Promise<string> {
  const file = path.join(dir, name);
  const instance = await DuckDBInstance.create(':memory:', { threads: '2' });
  const connection = await instance.connect();
  try {
    await connection.run(
      `COPY (SELECT i AS id, i % ${BIG_PARQUET_KEYS} AS k, random() AS v
             FROM range(${BIG_PARQUET_ROWS}) t(i))
       TO '${file.replace(/'/g, "''")}' (FORMAT parquet)`,
    );
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
  return file;
}
