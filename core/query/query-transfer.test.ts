import { describe, expect, it } from 'vitest';
import { queryTransfers } from './query-transfer';

describe('queryTransfers', () => {
  const ipc = new Uint8Array([1, 2, 3]);
  const copy = {
    type: 'host-request',
    id: 1,
    operation: 'query.run',
    request: {
      request: { kind: 'copy', queryId: 'q', sql: 'x', source: { start: 0, end: 1 }, ipc },
    },
  };
  const result = { ipc, rows: 1, engine: 'e', durationMs: 1, pushdown: null };
  const answer = {
    type: 'host-response',
    id: 1,
    ok: true,
    operation: 'query.run',
    response: { ok: true, result },
  };

  it("names a copy request's and a result's buffer, in a frame envelope too", () => {
    expect(queryTransfers(copy)).toEqual([ipc.buffer]);
    expect(queryTransfers(answer)).toEqual([ipc.buffer]);
    expect(queryTransfers({ type: 'to-worker', message: answer })).toEqual([ipc.buffer]);
    expect(queryTransfers({ type: 'from-worker', message: copy })).toEqual([ipc.buffer]);
  });

  it('names nothing for other messages, failures, or shared memory', () => {
    const failure = { ok: false, failure: { kind: 'cancelled', message: 'stopped' } };
    expect(queryTransfers({ ...answer, response: failure })).toEqual([]);
    expect(queryTransfers({ ...answer, operation: 'datafiles.resolve' })).toEqual([]);
    expect(queryTransfers({ type: 'output', output: { ipc } })).toEqual([]);
    expect(queryTransfers(null)).toEqual([]);
    const shared = new Uint8Array(new SharedArrayBuffer(4));
    expect(
      queryTransfers({ ...answer, response: { ok: true, result: { ...result, ipc: shared } } }),
    ).toEqual([]);
  });
});
