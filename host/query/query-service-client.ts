/**
 * The other end of query-service.ts: a HostQueries whose runs are answered over a message
 * channel. `quarry run`'s kernel thread uses it to reach the engine in the command's main thread,
 * so that native DuckDB never lives in the thread (a thread that runs out of heap is ended, and
 * a native library torn down with it would take the whole command along).
 */
import type { HostQueries, HostQueryReply, HostQueryRequest } from '../../core/query/host-query';
import {
  parseFromQueryService,
  type QueryServiceStart,
  type ToQueryService,
} from '../../core/query/query-service-protocol';

export type QueryServiceClientPort = {
  post(message: ToQueryService): void;
  onMessage(listener: (message: unknown) => void): void;
  /**
   * Called with true when a run starts waiting and false when none waits any more: a Node port
   * keeps its thread alive only while a reply is due, so an idle kernel thread can end.
   */
  hold(waiting: boolean): void;
};

export class QueryServiceClient implements HostQueries {
  private readonly pending = new Map<number, (reply: HostQueryReply) => void>();
  private sent = 0;

  constructor(
    private readonly port: QueryServiceClientPort,
    start: Omit<QueryServiceStart, 'type'>,
  ) {
    port.onMessage((raw) => {
      const message = parseFromQueryService(raw);
      const resolve = message === null ? undefined : this.pending.get(message.id);
      if (message === null || resolve === undefined) return;
      this.pending.delete(message.id);
      if (this.pending.size === 0) this.port.hold(false);
      resolve(message.reply);
    });
    port.hold(false);
    port.post({ type: 'start', ...start });
  }

  run(request: HostQueryRequest): Promise<HostQueryReply> {
    const id = ++this.sent;
    const reply = new Promise<HostQueryReply>((resolve) => this.pending.set(id, resolve));
    if (this.pending.size === 1) this.port.hold(true);
    this.port.post({ type: 'run', id, request });
    return reply;
  }

  cancel(queryId: string): void {
    this.port.post({ type: 'cancel', queryId });
  }
}
