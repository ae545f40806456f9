/**
 * Serves a HostQueries over a message channel, whatever carries it: the desktop app's query
 * utility process (electron/query-process/main.ts, Electron's parentPort) or a Node worker or
 * child process in tests. Protocol: core/query/query-service-protocol.ts. The engine is made
 * from the `start` message; what arrives before it, or is malformed, is reported and dropped
 * (a `run` before `start` is answered with a failure, so its caller does not wait forever).
 */
import type { HostQueries } from '../../core/query/host-query';
import {
  parseToQueryService,
  type FromQueryService,
  type QueryServiceStart,
} from '../../core/query/query-service-protocol';

export type QueryServicePort = {
  post(message: FromQueryService): void;
  onMessage(listener: (message: unknown) => void): void;
};

export function serveHostQueries(
  port: QueryServicePort,
  createQueries: (start: QueryServiceStart) => HostQueries,
  log: (message: string) => void,
): void {
  let queries: HostQueries | null = null;
  port.onMessage((raw) => {
    const message = parseToQueryService(raw);
    if (message === null) return log('quarry queries: a malformed message was dropped');
    switch (message.type) {
      case 'start':
        if (queries !== null) return log('quarry queries: a second start was dropped');
        queries = createQueries(message);
        return;
      case 'run': {
        const { id } = message;
        if (queries === null) return port.post(failed(id, 'The query process has not started.'));
        void queries.run(message.request).then(
          (reply) => port.post({ type: 'reply', id, reply }),
          (error: unknown) => port.post(failed(id, `The query failed: ${String(error)}`)),
        );
        return;
      }
      case 'cancel':
        queries?.cancel(message.queryId);
        return;
      default:
        message satisfies never;
    }
  });
}

function failed(id: number, message: string): FromQueryService {
  return {
    type: 'reply',
    id,
    reply: { ok: false, failure: { kind: 'sql', errorType: 'IO', message, position: null } },
  };
}
