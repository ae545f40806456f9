import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../test/kernel-harness';

let k: TestKernel;
beforeAll(async () => {
  k = await startTestKernel();
});
afterAll(() => k.dispose());

describe('interrupting a cell through its signal', () => {
  it('ends a cell waiting on an await at once, and the scope survives', async () => {
    expect(await k.text('const kept = 41; kept')).toBe('41');
    const controller = new AbortController();
    const reply = k.kernel.execute("console.log('started')\nawait new Promise(() => {})", {
      executionCount: 90,
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const ended = await reply;
    expect(ended.status).toBe('error');
    expect(ended.interrupted).toBe(true);
    expect(ended.outputs).toEqual([
      { output_type: 'stream', name: 'stdout', text: 'started\n' },
      {
        output_type: 'error',
        ename: 'Interrupted',
        evalue: 'the cell was interrupted',
        traceback: ['Interrupted: the cell was interrupted'],
      },
    ]);
    // The next cell is not stuck behind the abandoned one, and sees the earlier variables.
    expect(await k.text('kept + 1')).toBe('42');
  });

  it('does not run a cell whose signal was aborted before it started', async () => {
    const controller = new AbortController();
    controller.abort();
    const reply = await k.kernel.execute('globalThis.ranAnyway = true', {
      executionCount: 91,
      signal: controller.signal,
    });
    expect(reply.interrupted).toBe(true);
    expect(await k.text('globalThis.ranAnyway')).toBeUndefined();
  });

  it('leaves a cell that ends normally alone', async () => {
    const controller = new AbortController();
    const reply = await k.kernel.execute('1 + 1', {
      executionCount: 92,
      signal: controller.signal,
    });
    controller.abort();
    expect(reply).toMatchObject({ status: 'done', interrupted: false });
  });
});
