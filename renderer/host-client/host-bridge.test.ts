import { afterEach, describe, expect, it, vi } from 'vitest';
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
});
