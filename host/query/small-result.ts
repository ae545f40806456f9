/**
 * The results of statements that cannot run inside `COPY (…) TO` (arrow-result.ts): EXPLAIN's
 * plan (text) and COPY's own count of rows written. Both are a few values, built into Arrow
 * directly: BIGINT columns as Int64, everything else as its text.
 */
import { Int64, Table, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import { DuckDBTypeId, type DuckDBPreparedStatement } from '@duckdb/node-api';

export async function runSmallResult(
  prepared: DuckDBPreparedStatement,
): Promise<{ ipc: Uint8Array; rows: number }> {
  const result = await prepared.run();
  const names = result.columnNames();
  const types = result.columnTypes();
  const rows = await result.getRows();
  const vectors: Record<string, Vector> = {};
  names.forEach((name, i) => {
    const values = rows.map((row) => row[i]);
    vectors[name] =
      types[i].typeId === DuckDBTypeId.BIGINT
        ? vectorFromArray(
            values.map((value) => (value === null ? null : BigInt(String(value)))),
            new Int64(),
          )
        : vectorFromArray(
            values.map((value) => (value === null ? null : String(value))),
            new Utf8(),
          );
  });
  return { ipc: tableToIPC(new Table(vectors), 'stream'), rows: rows.length };
}
