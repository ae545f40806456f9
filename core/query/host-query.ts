/**
 * Queries that run where the data is (DESIGN.md, "Processes and how they talk"): the kernel's
 * DuckDB-WASM keeps the notebook's own state, and a query over files runs on native DuckDB in
 * the host (host/query/), whose result comes back as an Arrow IPC stream. This is the one
 * contract between the kernel and that engine, whatever carries it: a direct call in `quarry
 * run`, the page's relay and HTTP in browser mode, the page's relay, IPC and the query utility
 * process on the desktop.
 *
 * Offsets (`start`, `end`, `position`) are UTF-16 offsets into the request's `sql`, which is
 * the text the kernel sends (its own rewriting maps them back to the user's text).
 */
import {
  arrayOf,
  either,
  fields,
  isCount,
  isNumber,
  isString,
  isBoolean,
  literal,
  nullable,
  refine,
  variantParser,
  type Guard,
} from '../guards';

/** A `$n` parameter's value: the kernel writes each in a cast to its type (sql-parameters.ts). */
export type HostQueryParam = string | number | boolean | null;

/** A span of `sql`, `[start, end)`. */
export type SqlSpan = { start: number; end: number };

export type HostQueryRequest =
  /** The whole statement runs on the host: it reads files only. Its result comes back. */
  | { kind: 'query'; queryId: string; sql: string; params: HostQueryParam[] }
  /**
   * The file side of a statement that also reads the kernel's tables: the host reads the file
   * reference at `reference` (a `'x.parquet'` literal or a reader call such as
   * `read_csv('logs/*.csv', header = true)`) and returns its rows. With `pushdown`, only the
   * columns `sql` uses and the `where` conditions over the file alone are read (a view over the
   * file needs them all: the kernel then says `pushdown: false`).
   */
  | { kind: 'scan'; queryId: string; sql: string; reference: SqlSpan; pushdown: boolean }
  /**
   * `COPY (…) TO 'file' (options)` whose source reads the kernel's tables: the kernel runs the
   * source and sends its rows (`ipc`, an Arrow IPC stream); the host runs `sql`, the user's COPY
   * statement with its source span `source` standing for those rows, and writes the file.
   */
  | { kind: 'copy'; queryId: string; sql: string; source: SqlSpan; ipc: Uint8Array };

export type HostQueryResult = {
  /** The rows, as one Arrow IPC stream (DuckDB-WASM reads it as it is). */
  ipc: Uint8Array;
  rows: number;
  /** Which engine ran it, for the cell's status line: `native DuckDB v1.5.2 (host)`. */
  engine: string;
  durationMs: number;
  /** For a scan: what was pushed down into the file's reader (null: not a scan). */
  pushdown: { columns: string[] | null; filters: string[] } | null;
};

export type HostQueryFailure =
  /** DuckDB refused or failed the statement: `errorType` is its kind (`Binder`, `IO`, …). */
  | { kind: 'sql'; errorType: string; message: string; position: number | null }
  /**
   * The statement names something outside what the host may read or write: a path out of the
   * workspace (`/etc/passwd`, `../x.csv`), a URL, an extension. `position` is the name's.
   */
  | { kind: 'refused'; message: string; position: number | null }
  /** The result is over what the kernel may receive; the message says what to do instead. */
  | { kind: 'too-large'; message: string; bytes: number; limitBytes: number }
  | { kind: 'cancelled'; message: string };

export type HostQueryReply =
  { ok: true; result: HostQueryResult } | { ok: false; failure: HostQueryFailure };

/** What runs host queries: the host's engine itself, or a way to it. */
export interface HostQueries {
  run(request: HostQueryRequest): Promise<HostQueryReply>;
  /** Interrupts the query `queryId` if it still runs; its `run` then answers `cancelled`. */
  cancel(queryId: string): void;
}

const isParam: Guard<HostQueryParam> = (value): value is HostQueryParam =>
  value === null || isString(value) || isNumber(value) || isBoolean(value);

const isSpan: Guard<SqlSpan> = refine(
  fields<SqlSpan>({ start: isCount, end: isCount }),
  (span) => span.start <= span.end,
);

const isBytes: Guard<Uint8Array> = (value): value is Uint8Array => value instanceof Uint8Array;

/** Checks a request from another process; spans must lie inside `sql`. */
export const parseHostQueryRequest = variantParser<HostQueryRequest, 'kind'>('kind', {
  query: { kind: literal('query'), queryId: isString, sql: isString, params: arrayOf(isParam) },
  scan: {
    kind: literal('scan'),
    queryId: isString,
    sql: isString,
    reference: isSpan,
    pushdown: isBoolean,
  },
  copy: { kind: literal('copy'), queryId: isString, sql: isString, source: isSpan, ipc: isBytes },
});

export function isHostQueryRequest(value: unknown): value is HostQueryRequest {
  const request = parseHostQueryRequest(value);
  if (request === null) return false;
  switch (request.kind) {
    case 'query':
      return true;
    case 'scan':
      return request.reference.end <= request.sql.length;
    case 'copy':
      return request.source.end <= request.sql.length;
  }
}

const isPosition = nullable(isCount);

const parseHostQueryFailure = variantParser<HostQueryFailure, 'kind'>('kind', {
  sql: { kind: literal('sql'), errorType: isString, message: isString, position: isPosition },
  refused: { kind: literal('refused'), message: isString, position: isPosition },
  'too-large': {
    kind: literal('too-large'),
    message: isString,
    bytes: isCount,
    limitBytes: isCount,
  },
  cancelled: { kind: literal('cancelled'), message: isString },
});

const isPushdown: Guard<HostQueryResult['pushdown']> = nullable(
  fields<NonNullable<HostQueryResult['pushdown']>>({
    columns: nullable(arrayOf(isString)),
    filters: arrayOf(isString),
  }),
);

/** For replies that crossed a process boundary (IPC, HTTP). */
export const isHostQueryReply: Guard<HostQueryReply> = either(
  fields<Extract<HostQueryReply, { ok: true }>>({
    ok: literal(true),
    result: fields<HostQueryResult>({
      ipc: isBytes,
      rows: isCount,
      engine: isString,
      durationMs: isNumber,
      pushdown: isPushdown,
    }),
  }),
  fields<Extract<HostQueryReply, { ok: false }>>({
    ok: literal(false),
    failure: (value): value is HostQueryFailure => parseHostQueryFailure(value) !== null,
  }),
);
