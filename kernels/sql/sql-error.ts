/**
 * DuckDB's errors, made readable: DuckDB-WASM throws a plain Error whose message is
 * `Kind Error: text`, often followed by `LINE n:` with a caret, sometimes twice over.
 */
export class SqlError extends Error {
  /** 1-based line of the query the error points at, when DuckDB says. */
  readonly queryLine: number | null;
  /** The full report: the message, then DuckDB's excerpt with its caret. */
  readonly report: string[];

  constructor(raw: string) {
    const paragraphs = [...new Set(raw.split(/\n\s*\n/).map((p) => p.trimEnd()))];
    const [head, ...rest] = paragraphs;
    const kind = /^([A-Z][A-Za-z ]*Error): ([\s\S]*)$/.exec(head);
    super(kind ? kind[2] : head);
    this.name = kind ? kind[1].replaceAll(' ', '') : 'SqlError';
    const line = /^LINE (\d+):/m.exec(raw);
    this.queryLine = line ? Number(line[1]) : null;
    this.report = [head, ...rest.flatMap((p) => ['', ...p.split('\n')])];
  }
}

/** Runs a DuckDB call, turning its errors into `SqlError`s. */
export function withSqlErrors<T>(run: () => T): T {
  try {
    return run();
  } catch (thrown) {
    throw thrown instanceof Error && !(thrown instanceof SqlError)
      ? new SqlError(thrown.message)
      : thrown;
  }
}
