/**
 * A statement's rows as one Arrow IPC stream. The statement runs inside `COPY (…) TO` a
 * Parquet file in the engine's private folder (DuckDB streams it there, spilling rather than
 * holding the result in memory), with the columns that would not survive the trip cast
 * (portable-types.ts); its Arrow size is then summed over that file, and only a result within
 * the limit is converted (parquet-arrow.ts) and sent.
 */
import { readFile } from 'node:fs/promises';
import type { DuckDBPreparedStatement, DuckDBType } from '@duckdb/node-api';
import type { RewrittenSql } from '../../kernels/sql/rewritten-sql';
import { tokenizeSql } from '../../kernels/sql/sql-tokens';
import { parquetToIpc } from './parquet-arrow';
import { arrowBytesExpression, portableType, quoteIdentifier } from './portable-types';
import { duckDbFailure, internalFailure, type FailedReply } from './query-failures';
import { sqlString, withTempFile, type RunContext } from './run-context';
import { tooLarge } from './too-large';

/** A statement's rows as Arrow IPC, or why there are none. */
export type RowsOutcome = { ok: true; ipc: Uint8Array; rows: number } | FailedReply;

type Column = { name: string; type: DuckDBType };

/** Runs `sql` (whose prepared form, checked, is `prepared`) and reads its rows as Arrow. */
export async function readRowsAsArrow(
  context: RunContext,
  sql: RewrittenSql,
  prepared: DuckDBPreparedStatement,
): Promise<RowsOutcome> {
  const columns: Column[] = Array.from({ length: prepared.columnCount }, (_, i) => ({
    name: prepared.columnName(i),
    type: prepared.columnType(i),
  }));
  prepared.destroySync();
  return withTempFile(context, 'parquet', async (file) => {
    const copy = intoParquet(sql, columns, file);
    let rows: number;
    try {
      const statement = await context.connection.prepare(copy.text);
      if (context.params.length > 0) statement.bind(context.params);
      const result = await statement.run();
      rows = Number((await result.getRows())[0][0]);
    } catch (error) {
      return duckDbFailure(error, copy, context.writtenPaths);
    }
    let bytes: number;
    try {
      bytes = rows === 0 ? 0 : await arrowBytes(context, file, columns);
    } catch (error) {
      return internalFailure(error);
    }
    const size = { bytes, rows, columns: columns.length };
    if (bytes > context.maxResultBytes) return tooLarge(size, context.maxResultBytes);
    const ipc = parquetToIpc(await readFile(file));
    if (ipc.byteLength > context.maxResultBytes)
      return tooLarge({ ...size, bytes: ipc.byteLength }, context.maxResultBytes);
    return { ok: true, ipc, rows };
  });
}

/**
 * `COPY (SELECT casts FROM (sql)) TO 'file'`, keeping the way back to the request's offsets.
 * A trailing `;` or line comment would end the statement early, so the text ends at its last
 * token that counts.
 */
function intoParquet(sql: RewrittenSql, columns: Column[], file: string): RewrittenSql {
  const casts = columns.map((column, i) => {
    const type = portableType(column.type);
    return type === null ? null : `CAST(#${i + 1} AS ${type}) AS ${quoteIdentifier(column.name)}`;
  });
  const select = casts.every((cast) => cast === null)
    ? 'FROM'
    : `SELECT ${casts.map((cast, i) => cast ?? `#${i + 1}`).join(', ')} FROM`;
  const end = significantEnd(sql.text);
  return sql.withEdits([
    { start: 0, end: 0, replacement: `COPY (${select} (\n` },
    {
      start: end,
      end: sql.text.length,
      replacement: `\n)) TO ${sqlString(file)} (FORMAT parquet)`,
    },
  ]);
}

function significantEnd(text: string): number {
  const tokens = tokenizeSql(text);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    if (token.kind === 'space' || token.kind === 'comment') continue;
    if (token.kind === 'punct' && token.value === ';') continue;
    return token.end;
  }
  return 0;
}

/** About how many bytes the rows in `file` take in Arrow (portable-types.ts). */
async function arrowBytes(context: RunContext, file: string, columns: Column[]): Promise<number> {
  const sums = columns.map((column, i) => arrowBytesExpression(`#${i + 1}`, column.type));
  const reader = await context.connection.runAndReadAll(
    `SELECT ${sums.map((sum) => `(${sum})`).join(' + ')} FROM read_parquet(${sqlString(file)})`,
  );
  return Number(reader.getRows()[0][0]);
}
