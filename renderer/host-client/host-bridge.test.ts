import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HostQueryReply, HostQueryRequest } from '../../core/query/host-query';
import { decodeQueryRun, encodeQueryReply } from '../../core/query/query-envelope';
import { createHttpHostClient, HostCallError } from './host-bridge';

function answer(status: number, body: string): void {
  vi.stubGlobal(
    'fetch',
    vi.fn(async () => new Response(body, { status })),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the browser-mode host client', () => {
  it("rejects with the host's kind and message", async () => {
    answer(409, JSON.stringify({ error: { kind: 'conflict', message: 'changed on disk' } }));
    const call = createHttpHostClient('t').call('recent.list', {});
    await expect(call).rejects.toBeInstanceOf(HostCallError);
    await expect(call).rejects.toMatchObject({ kind: 'conflict', message: 'changed on disk' });
  });

  it("reports a body that is not the host's envelope as 'internal', with the status", async () => {
    answer(502, '<html>Bad gateway</html>');
    await expect(createHttpHostClient('t').call('recent.list', {})).rejects.toMatchObject({
      kind: 'internal',
      message: 'recent.list failed (502)',
    });
    answer(500, JSON.stringify({ error: { kind: 'exploded', message: 'x' } }));
    await expect(createHttpHostClient('t').call('recent.list', {})).rejects.toMatchObject({
      kind: 'internal',
    });
  });

  it('query.run: sends and receives binary envelopes, the bytes outside the JSON', async () => {
    const rows = new Uint8Array([1, 2, 3, 4]);
    const reply: HostQueryReply = {
      ok: true,
      result: {
        ipc: new Uint8Array([5, 6]),
        rows: 2,
        engine: 'native',
        durationMs: 3,
        pushdown: null,
      },
    };
    const sent: RequestInit[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (_url: string, init: RequestInit) => {
        sent.push(init);
        return new Response(encodeQueryReply(reply), { status: 200 });
      }),
    );
    const request: HostQueryRequest = {
      kind: 'copy',
      queryId: 'q',
      sql: "COPY (SELECT 1) TO 'x.csv'",
      source: { start: 6, end: 14 },
      ipc: rows,
    };
    await expect(createHttpHostClient('t').call('query.run', { request })).resolves.toEqual(reply);
    expect(sent[0]?.headers).toEqual({
      'content-type': 'application/octet-stream',
      'x-quarry-token': 't',
    });
    expect(decodeQueryRun(sent[0]?.body as Uint8Array)).toEqual({ request });
  });

  it('query.run: a malformed reply or a JSON failure rejects', async () => {
    const request: HostQueryRequest = { kind: 'query', queryId: 'q', sql: 'SELECT 1', params: [] };
    answer(200, 'nonsense');
    await expect(createHttpHostClient('t').call('query.run', { request })).rejects.toMatchObject({
      kind: 'internal',
    });
    answer(403, JSON.stringify({ error: { kind: 'forbidden', message: 'wrong token' } }));
    await expect(createHttpHostClient('t').call('query.run', { request })).rejects.toMatchObject({
      kind: 'forbidden',
    });
  });
});
