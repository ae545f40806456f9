/**
 * Sends the kernel's host queries (core/query/host-query.ts) and turns their failures into the
 * errors a cell shows: DuckDB's kind and message with the position mapped back to the cell's own
 * text (rewritten-sql.ts), as for errors of the kernel's DuckDB-WASM. An interrupted cell
 * cancels every host query it has in flight at once.
 */
import type {
  HostQueries,
  HostQueryFailure,
  HostQueryRequest,
  HostQueryResult,
} from '../../core/query/host-query';
import { locateSqlError } from './locate-sql-error';
import type { RewrittenSql } from './rewritten-sql';
import { errorName, SqlError } from './sql-error';

/** A request as the kernel writes it; the runner gives it its id. */
export type HostRequest = HostQueryRequest extends infer R
  ? R extends HostQueryRequest
    ? Omit<R, 'queryId'>
    : never
  : never;

export class HostRunner {
  private readonly inFlight = new Set<string>();
  private signal: AbortSignal | null = null;
  /** The engine that answered this cell run's last host query (null: none was sent). */
  engineUsed: string | null = null;
  private sent = 0;
  /** Ids are unique to this kernel: the host may serve several (a restart, a second window). */
  private readonly prefix = `k${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

  constructor(private readonly host: HostQueries) {}

  /** A cell run starts: its interrupt cancels what it sent to the host and has not been answered. */
  watch(signal: AbortSignal | null): void {
    this.signal = signal;
    this.engineUsed = null;
    signal?.addEventListener(
      'abort',
      () => {
        for (const queryId of this.inFlight) this.host.cancel(queryId);
      },
      { once: true },
    );
  }

  /**
   * Runs `request` on the host; a failure throws a SqlError located in `statement` (the text
   * the request's `sql` is, with its way back to the cell's).
   */
  async run(request: HostRequest, statement: RewrittenSql): Promise<HostQueryResult> {
    if (this.signal?.aborted) throw new SqlError('Interrupted', 'the cell was interrupted');
    const queryId = `${this.prefix}-${++this.sent}`;
    this.inFlight.add(queryId);
    try {
      const reply = await this.host.run({ ...request, queryId } as HostQueryRequest);
      if (reply.ok) {
        this.engineUsed = reply.result.engine;
        return reply.result;
      }
      throw hostFailureError(reply.failure, statement);
    } finally {
      this.inFlight.delete(queryId);
    }
  }
}

export function hostFailureError(failure: HostQueryFailure, statement: RewrittenSql): SqlError {
  switch (failure.kind) {
    case 'sql':
      return located(errorName(failure.errorType), failure.message, failure.position, statement);
    case 'refused':
      return located('PermissionError', failure.message, failure.position, statement);
    case 'too-large':
      return new SqlError('ResultTooLarge', failure.message);
    case 'cancelled':
      return new SqlError('Interrupted', failure.message);
  }
}

/** The host's positions are UTF-16 offsets into the text sent: `statement.text`. */
function located(
  name: string,
  message: string,
  position: number | null,
  statement: RewrittenSql,
): SqlError {
  // Without a position, an error that quotes a literal of the query points at it.
  if (position === null) return locateSqlError(new SqlError(name, message), statement);
  const offset = statement.sourceOffset(Math.min(position, statement.text.length));
  return new SqlError(name, message, { query: statement.source, offset });
}
