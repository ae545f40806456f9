/**
 * The engine's answers when a statement does not run: DuckDB's own errors (their position
 * mapped back to the request's SQL through the host's rewriting), refusals, results too large
 * to send, cancellations. Nothing the engine does rejects its promise: even a bug becomes a
 * `sql` failure of type `Internal`, so the kernel always has an answer to show.
 */
import type { HostQueryFailure, HostQueryReply } from '../../core/query/host-query';
import { locateSqlError } from '../../kernels/sql/locate-sql-error';
import type { RewrittenSql } from '../../kernels/sql/rewritten-sql';
import { parseDuckDbError } from '../../kernels/sql/sql-error';

/** A reply that says why nothing came back. */
export type FailedReply = Extract<HostQueryReply, { ok: false }>;

export function failed(failure: HostQueryFailure): FailedReply {
  return { ok: false, failure };
}

export function refused(message: string, position: number | null = null): FailedReply {
  return failed({ kind: 'refused', message, position });
}

export const ONLY_FILE_QUERIES =
  'Only queries over files (SELECT, WITH, FROM, VALUES, TABLE, DESCRIBE, SUMMARIZE, PIVOT, EXPLAIN) and COPY … TO run on the host.';

export function cancelled(): FailedReply {
  return failed({ kind: 'cancelled', message: 'The query was cancelled.' });
}

/**
 * What a DuckDB call threw, as a reply. `sql` maps DuckDB's position (a byte offset into the
 * text it ran) back to the request.
 */
export function duckDbFailure(
  thrown: unknown,
  sql: RewrittenSql,
  writtenPaths: ReadonlyMap<string, string>,
): FailedReply {
  let raw = withoutWrapper(thrown instanceof Error ? thrown.message : String(thrown));
  for (const [absolute, written] of writtenPaths)
    raw = raw.replaceAll(quotedInJson(absolute), quotedInJson(written));
  const parsed = parseDuckDbError(raw);
  if (parsed.name === 'INTERRUPTError') return cancelled();
  const position = locateSqlError(new Error(raw), sql).location?.offset ?? null;
  // DuckDB's allowed_directories caught a path the host's own scan did not see (one built by an
  // expression): the same refusal, in DuckDB's words.
  if (parsed.name === 'PermissionError')
    return refused(
      `${parsed.message.split('\n')[0]}: Quarry reads and writes only files inside the notebook's folder.`,
      position,
    );
  const errorType = parsed.name === 'SqlError' ? 'Unknown' : parsed.name.replace(/Error$/, '');
  return failed({ kind: 'sql', errorType, message: parsed.message, position });
}

/** A fault of the engine itself, as an answer rather than a rejection. */
export function internalFailure(thrown: unknown): FailedReply {
  const message = thrown instanceof Error ? thrown.message : String(thrown);
  return failed({ kind: 'sql', errorType: 'Internal', message, position: null });
}

/** `"path"` as it stands in DuckDB's JSON error (a quoted name in a JSON string). */
function quotedInJson(path: string): string {
  return JSON.stringify(`"${path}"`).slice(1, -1);
}

/**
 * node-api puts some errors behind what it was doing: `Failed to extract statements: Parser
 * Error: {…}`, `Failed to bind value: Invalid Input Error: …`.
 */
function withoutWrapper(message: string): string {
  return message.replace(/^Failed to [a-z ]+: (?=[A-Za-z ]*Error: )/, '');
}
