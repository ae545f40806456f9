/**
 * The sha256 a manifest records for its sample's content, computed on the sampler's DuckDB
 * table, the same whatever order the rows were written in (so with any thread count):
 *
 * - rows in the order of all columns' values, first column first, each ascending with NULLs
 *   last (`ORDER BY "c1" ASC NULLS LAST, "c2" ASC NULLS LAST, …`, DuckDB's ordering of the
 *   column types);
 * - each row serialised as one line: a JSON array (JSON.stringify, no spaces) of its values as
 *   DuckDB's text of them (`CAST(value AS VARCHAR)`: integers of any width, decimals, dates,
 *   timestamps, lists and structs alike), `null` for NULL, followed by `\n`;
 * - the hash is over those lines' UTF-8 bytes, as lowercase hex. Column names and types are not
 *   part of it (the manifest's schema records them).
 *
 * The text of floating-point values is DuckDB's shortest round-trip form, so the hash can
 * change with the DuckDB version (recorded in the manifest's `versions`).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { createHash } from 'node:crypto';
import { duckdbDialect } from './duckdb-dialect';

export async function contentHash(
  connection: DuckDBConnection,
  table: string,
  columns: string[],
): Promise<string> {
  const quoted = columns.map(
    (c) => `${duckdbDialect.quoteIdentifier(table)}.${duckdbDialect.quoteIdentifier(c)}`,
  );
  const values = quoted.map((c, i) => `CAST(${c} AS VARCHAR) AS v${i}`).join(', ');
  const order = quoted.map((c) => `${c} ASC NULLS LAST`).join(', ');
  const result = await connection.stream(
    `SELECT ${values} FROM ${duckdbDialect.quoteIdentifier(table)} ORDER BY ${order}`,
  );
  const hash = createHash('sha256');
  for await (const rows of result.yieldRowsJs()) {
    for (const row of rows)
      hash.update(`${JSON.stringify(row.map((v) => (v === null ? null : String(v))))}\n`);
  }
  return hash.digest('hex');
}
