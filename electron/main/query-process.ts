/**
 * The main process's way to the query utility process (electron/query-process/main.ts), as the
 * HostQueries the workspace's handlers answer `query.run` and `query.cancel` with. Native DuckDB
 * runs there, not here: a query that exhausts memory or crashes DuckDB stops that process only.
 * It is forked at the first query; when it stops unexpectedly, the queries in flight answer
 * with a failure that says so and the next query forks a fresh one. `stop()` kills it (the
 * workspace was left, the app quits).
 *
 * The bytes (a copy's rows, a result's rows) are cloned once across the process boundary:
 * Electron's utility process channel transfers message ports only, not buffers.
 */
import { utilityProcess, type UtilityProcess } from 'electron';
import type { HostQueries, HostQueryReply, HostQueryRequest } from '../../core/query/host-query';
import {
  parseFromQueryService,
  type QueryServiceStart,
  type ToQueryService,
} from '../../core/query/query-service-protocol';

export type QueryProcessOptions = {
  /** The bundled entry, dist/electron/query-process.cjs (app-paths.ts). */
  entry: string;
  /** The workspace it may read and write. */
  workspace: Omit<QueryServiceStart, 'type'>;
  /** Its crashes and malformed messages; default stderr. */
  log?: (message: string) => void;
};

export const QUERY_PROCESS_NAME = 'Quarry queries';

export class QueryProcess implements HostQueries {
  private child: UtilityProcess | null = null;
  private nextId = 1;
  private readonly pending = new Map<number, (reply: HostQueryReply) => void>();
  private readonly log: (message: string) => void;

  constructor(private readonly options: QueryProcessOptions) {
    this.log = options.log ?? ((message) => process.stderr.write(`${message}\n`));
  }

  run(request: HostQueryRequest): Promise<HostQueryReply> {
    const child = this.running();
    const id = this.nextId++;
    const reply = new Promise<HostQueryReply>((resolve) => this.pending.set(id, resolve));
    this.send(child, { type: 'run', id, request });
    return reply;
  }

  cancel(queryId: string): void {
    if (this.child !== null) this.send(this.child, { type: 'cancel', queryId });
  }

  /** Kills the process; what was in flight answers `cancelled`. */
  stop(): void {
    const child = this.child;
    if (child === null) return;
    this.child = null;
    child.removeAllListeners('exit');
    child.kill();
    this.failAll({ kind: 'cancelled', message: 'The query was stopped: the workspace closed.' });
  }

  private running(): UtilityProcess {
    if (this.child !== null) return this.child;
    const child = utilityProcess.fork(this.options.entry, [], {
      serviceName: QUERY_PROCESS_NAME,
      stdio: 'inherit',
    });
    child.on('message', (raw: unknown) => {
      const message = parseFromQueryService(raw);
      if (message === null) return this.log('quarry: the query process sent a malformed message');
      const resolve = this.pending.get(message.id);
      this.pending.delete(message.id);
      resolve?.(message.reply);
    });
    child.on('exit', (code) => {
      if (this.child === child) this.child = null;
      this.log(`quarry: the query process stopped (exit code ${code})`);
      this.failAll({
        kind: 'sql',
        errorType: 'IO',
        message: `The query process stopped unexpectedly (exit code ${code}); run the cell again.`,
        position: null,
      });
    });
    this.send(child, { type: 'start', ...this.options.workspace });
    this.child = child;
    return child;
  }

  private send(child: UtilityProcess, message: ToQueryService): void {
    child.postMessage(message);
  }

  private failAll(failure: Extract<HostQueryReply, { ok: false }>['failure']): void {
    const pending = [...this.pending.values()];
    this.pending.clear();
    for (const resolve of pending) resolve({ ok: false, failure });
  }
}
