/**
 * DuckDB's errors, made readable. The kernel's connection reports them as JSON
 * (`errors_as_json`, sql-database.ts), sometimes behind a `Kind Error: ` prefix:
 * `{"exception_type":"Binder","exception_message":"…","position":"14",…}`, where `position` is a
 * byte offset into the UTF-8 text of the query as sent. Errors raised by DuckDB-WASM's own
 * JavaScript (or by an older format) are plain text, `Kind Error: message` or just a message.
 */

/** Where an error points: an offset into the SQL as the user wrote it. */
export type SqlErrorLocation = { query: string; offset: number };

export class SqlError extends Error {
  constructor(
    name: string,
    message: string,
    /** Set once the kernel has mapped DuckDB's position back to the user's text. */
    readonly location: SqlErrorLocation | null = null,
  ) {
    super(message);
    this.name = name;
  }
}

/** One DuckDB error: its kind as a name (`BinderError`), its message, its position if it has one. */
export type DuckDbError = { name: string; message: string; position: number | null };

export function parseDuckDbError(raw: string): DuckDbError {
  const json = /^(?:[A-Za-z ]*Error: )?(\{[\s\S]*\})\s*$/.exec(raw);
  const fields = json ? jsonObject(json[1]) : null;
  if (fields && typeof fields.exception_message === 'string') {
    const position = Number(fields.position ?? Number.NaN);
    return {
      name: errorName(typeof fields.exception_type === 'string' ? fields.exception_type : ''),
      // Some messages end in a line break, which would keep the output's heading from matching
      // the traceback's first line (the renderer shows that line once only when they match).
      message: fields.exception_message.trimEnd(),
      position: Number.isInteger(position) ? position : null,
    };
  }
  const kind = /^([A-Z][A-Za-z ]*?) ?Error: ([\s\S]*)$/.exec(raw);
  return kind
    ? { name: errorName(kind[1]), message: kind[2].trimEnd(), position: null }
    : { name: 'SqlError', message: raw.trimEnd(), position: null };
}

/** What a DuckDB call threw, in parts (an error the kernel raised itself has no position). */
export function duckDbErrorOf(thrown: unknown): DuckDbError {
  if (thrown instanceof SqlError)
    return { name: thrown.name, message: thrown.message, position: null };
  return parseDuckDbError(thrown instanceof Error ? thrown.message : String(thrown));
}

/** What a DuckDB call threw, as a SqlError (without a location). */
export function sqlErrorOf(thrown: unknown): SqlError {
  if (thrown instanceof SqlError) return thrown;
  const { name, message } = duckDbErrorOf(thrown);
  return new SqlError(name, message);
}

/** Runs a DuckDB call that runs no SQL of the user's, turning its errors into `SqlError`s. */
export function withSqlErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (thrown) {
    throw sqlErrorOf(thrown);
  }
}

/** `Invalid Input` → `InvalidInputError`; no kind → `SqlError`. */
export function errorName(kind: string): string {
  return kind === '' ? 'SqlError' : `${kind.replaceAll(' ', '')}Error`;
}

function jsonObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
