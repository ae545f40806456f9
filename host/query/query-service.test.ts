import { describe, expect, it } from 'vitest';
import type { HostQueries, HostQueryRequest } from '../../core/query/host-query';
import type { FromQueryService, QueryServiceStart } from '../../core/query/query-service-protocol';
import { serveHostQueries } from './query-service';

function served(queries: HostQueries) {
  const posted: FromQueryService[] = [];
  const logs: string[] = [];
  const starts: QueryServiceStart[] = [];
  let deliver: (message: unknown) => void = () => undefined;
  serveHostQueries(
    { post: (message) => posted.push(message), onMessage: (listener) => (deliver = listener) },
    (start) => {
      starts.push(start);
      return queries;
    },
    (message) => logs.push(message),
  );
  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { posted, logs, starts, send: (message: unknown) => deliver(message), settle };
}

const request: HostQueryRequest = { kind: 'query', queryId: 'q1', sql: 'SELECT 1', params: [] };
const start = { type: 'start', notebookDir: '/w/nb', allowedDirectories: ['/w'] };

describe('serveHostQueries', () => {
  it('makes the engine from start, answers each run by id, passes cancels on', async () => {
    const cancels: string[] = [];
    const ipc = new Uint8Array([1, 2]);
    const service = served({
      run: async () => ({
        ok: true,
        result: { ipc, rows: 1, engine: 'native', durationMs: 1, pushdown: null },
      }),
      cancel: (queryId) => cancels.push(queryId),
    });
    service.send(start);
    service.send({ type: 'run', id: 4, request });
    service.send({ type: 'cancel', queryId: 'q1' });
    await service.settle();
    expect(service.starts).toEqual([start]);
    expect(service.posted).toEqual([
      {
        type: 'reply',
        id: 4,
        reply: {
          ok: true,
          result: { ipc, rows: 1, engine: 'native', durationMs: 1, pushdown: null },
        },
      },
    ]);
    expect(cancels).toEqual(['q1']);
  });

  it('answers a run before start, and a rejected run, with failures; drops malformed messages', async () => {
    const service = served({
      run: () => Promise.reject(new Error('boom')),
      cancel: () => undefined,
    });
    service.send({ type: 'run', id: 1, request });
    service.send({ type: 'run', id: 2, request: { ...request, kind: 'nope' } });
    service.send(start);
    service.send(start);
    service.send({ type: 'run', id: 3, request });
    await service.settle();
    expect(service.posted.map((m) => [m.id, !m.reply.ok && m.reply.failure.message])).toEqual([
      [1, 'The query process has not started.'],
      [3, 'The query failed: Error: boom'],
    ]);
    expect(service.logs).toEqual([
      'quarry queries: a malformed message was dropped',
      'quarry queries: a second start was dropped',
    ]);
  });
});
