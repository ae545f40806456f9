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

/**
 * Samples up to this many rows are hashed inside DuckDB in one statement (the lines are joined
 * in memory there: about 100 bytes a row); larger ones are streamed through Node.
 */
const HASHED_IN_DUCKDB_UP_TO_ROWS = 200_000;

export async function contentHash(
  connection: DuckDBConnection,
  table: string,
  columns: string[],
): Promise<string> {
  const from = duckdbDialect.quoteIdentifier(table);
  const quoted = columns.map((c) => `${from}.${duckdbDialect.quoteIdentifier(c)}`);
  const texts = quoted.map((c) => `CAST(${c} AS VARCHAR)`);
  const order = quoted.map((c) => `${c} ASC NULLS LAST`).join(', ');
  const rows = Number(
    (await connection.runAndReadAll(`SELECT count(*) FROM ${from}`)).getRows()[0][0],
  );
  if (rows <= HASHED_IN_DUCKDB_UP_TO_ROWS) {
    const inDuckdb = await hashInDuckdb(connection, from, texts, order);
    if (inDuckdb !== null) return inDuckdb;
  }
  const result = await connection.stream(
    `SELECT ${texts.map((t, i) => `${t} AS v${i}`).join(', ')} FROM ${from} ORDER BY ${order}`,
  );
  const hash = createHash('sha256');
  for await (const batch of result.yieldRowsJs()) {
    for (const row of batch)
      hash.update(`${JSON.stringify(row.map((v) => (v === null ? null : String(v))))}\n`);
  }
  return hash.digest('hex');
}

/**
 * The same hash computed by DuckDB (four times faster than streaming 10k rows through Node,
 * bench/sample-files.bench.ts): its `to_json` of the list of texts is JSON.stringify's text but
 * for the hex digits of escaped control characters (`\u001B`, where JSON.stringify writes
 * `\u001b`), so a sample with any `\u00` escape in its lines is left to the Node path (null).
 */
async function hashInDuckdb(
  connection: DuckDBConnection,
  from: string,
  texts: string[],
  order: string,
): Promise<string | null> {
  const line = `to_json([${texts.join(', ')}]) || chr(10)`;
  const result = await connection.runAndReadAll(
    `SELECT coalesce(bool_or(contains(${line}, '\\u00')), false),
       sha256(coalesce(string_agg(${line}, '' ORDER BY ${order}), '')) FROM ${from}`,
  );
  const [escaped, digest] = result.getRows()[0];
  return escaped === true ? null : String(digest);
}
