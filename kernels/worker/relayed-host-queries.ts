/**
 * The worker's HostQueries (kernels/platform.ts): `query.run` and `query.cancel` through the
 * page's relay to the host. A query that fails is a reply, so a relay that fails (the host
 * unreachable, the server stopped, the page's HostCallError) becomes one too: an `IO` failure
 * with the relay's message, which the cell shows as it shows DuckDB's own errors.
 */
import type { HostQueries } from '../../core/query/host-query';
import type { HostRelay } from './host-relay';

export function relayedHostQueries(host: Pick<HostRelay, 'call'>): HostQueries {
  return {
    run: (request) =>
      host.call('query.run', { request }).catch((error: unknown) => ({
        ok: false,
        failure: {
          kind: 'sql',
          errorType: 'IO',
          message: error instanceof Error ? error.message : String(error),
          position: null,
        },
      })),
    // A cancel that does not arrive leaves the query to finish; its run still answers.
    cancel: (queryId) => {
      host.call('query.cancel', { queryId }).catch(() => undefined);
    },
  };
}
