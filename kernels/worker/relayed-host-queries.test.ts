import { describe, expect, it } from 'vitest';
import type { FromKernelWorker } from '../../core/kernel-worker-protocol';
import type { HostQueryReply, HostQueryRequest } from '../../core/query/host-query';
import { HostRelay } from './host-relay';
import { relayedHostQueries } from './relayed-host-queries';

const request: HostQueryRequest = { kind: 'query', queryId: 'q1', sql: 'SELECT 1', params: [] };

function relayed() {
  const posted: FromKernelWorker[] = [];
  const relay = new HostRelay((message) => posted.push(message));
  return { posted, relay, queries: relayedHostQueries(relay) };
}

describe('relayedHostQueries', () => {
  it('runs through the relay and answers the host’s reply', async () => {
    const { posted, relay, queries } = relayed();
    const running = queries.run(request);
    expect(posted).toEqual([
      { type: 'host-request', id: 1, operation: 'query.run', request: { request } },
    ]);
    const reply: HostQueryReply = {
      ok: false,
      failure: { kind: 'refused', message: 'outside the workspace', position: 14 },
    };
    relay.receive({
      type: 'host-response',
      id: 1,
      ok: true,
      operation: 'query.run',
      response: reply,
    });
    await expect(running).resolves.toEqual(reply);
  });

  it('a failed relay call is an IO failure, not an exception', async () => {
    const { relay, queries } = relayed();
    const running = queries.run(request);
    relay.receive({ type: 'host-response', id: 1, ok: false, message: 'query.run failed (502)' });
    await expect(running).resolves.toEqual({
      ok: false,
      failure: { kind: 'sql', errorType: 'IO', message: 'query.run failed (502)', position: null },
    });
  });

  it('cancel posts query.cancel; its failure is dropped', async () => {
    const { posted, relay, queries } = relayed();
    queries.cancel('q1');
    expect(posted).toEqual([
      { type: 'host-request', id: 1, operation: 'query.cancel', request: { queryId: 'q1' } },
    ]);
    relay.receive({ type: 'host-response', id: 1, ok: false, message: 'unreachable' });
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
});
