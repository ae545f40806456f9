import { describe, expect, it } from 'vitest';
import { evaluateArithmetic } from './fake-arithmetic';
import { createFakeKernelClient, FAKE_KERNEL_INFO } from './fake-kernel-client';
import type { KernelClientEvent } from './kernel-client';

function recorded(client: ReturnType<typeof createFakeKernelClient>) {
  const events: KernelClientEvent[] = [];
  client.subscribe((event) => events.push(event));
  const summary = () =>
    events.map((e) => {
      switch (e.type) {
        case 'status':
        case 'done':
          return `${e.cellId} ${e.status}`;
        case 'output':
          return `${e.cellId} ${e.output.output_type === 'execute_result' ? String(e.output.data['text/plain']) : e.output.output_type}`;
        default:
          return e.type;
      }
    });
  return { events, summary };
}

const run = (client: ReturnType<typeof createFakeKernelClient>, n: number, code: string) =>
  client.execute({ requestId: `r${n}`, cellId: `c${n}`, code, executionCount: n });

describe('fake kernel client', () => {
  it('answers arithmetic cells in order and records the calls', async () => {
    const client = createFakeKernelClient();
    const { summary } = recorded(client);
    await expect(client.ready).resolves.toEqual(FAKE_KERNEL_INFO);
    run(client, 1, '1 + 1');
    run(client, 2, 'fetch("x")');
    await client.idle();
    expect(summary()).toEqual([
      'c1 queued',
      'c2 queued',
      'c1 running',
      'c1 2',
      'c1 done',
      'c2 running',
      'c2 error',
      'c2 error',
    ]);
    expect(client.calls.execute.map((r) => r.code)).toEqual(['1 + 1', 'fetch("x")']);
  });

  it('holds cells running until released or interrupted', async () => {
    const client = createFakeKernelClient({ hold: true });
    const { summary } = recorded(client);
    run(client, 1, '2 * 3');
    run(client, 2, '1');
    await Promise.resolve();
    expect(summary()).toEqual(['c1 queued', 'c2 queued', 'c1 running']);
    client.release();
    expect(summary().slice(3)).toEqual(['c1 6', 'c1 done', 'c2 running']);
    client.interrupt();
    expect(summary().slice(6)).toEqual(['c2 interrupted']);
    expect(client.calls.interrupt).toBe(1);
  });

  it('restart stops everything and says so', async () => {
    const client = createFakeKernelClient({ hold: true });
    const { summary } = recorded(client);
    run(client, 1, '1');
    await Promise.resolve();
    await expect(client.restart()).resolves.toEqual(FAKE_KERNEL_INFO);
    expect(summary()).toEqual(['c1 queued', 'c1 running', 'c1 interrupted', 'restarted', 'ready']);
    client.dispose();
    expect(client.calls).toMatchObject({ restart: 1, dispose: 1 });
  });

  it('drops the cells queued before an interrupt or restart and runs those queued after', async () => {
    const client = createFakeKernelClient({ hold: true });
    const { summary } = recorded(client);
    run(client, 1, '1');
    run(client, 2, '2');
    await Promise.resolve();
    client.interrupt();
    run(client, 3, '3');
    await Promise.resolve();
    client.release();
    void client.restart();
    run(client, 4, '4');
    await Promise.resolve();
    client.release();
    await client.idle();
    expect(summary()).toEqual([
      'c1 queued',
      'c2 queued',
      'c1 running',
      'c2 interrupted',
      'c1 interrupted',
      'c3 queued',
      'c3 running',
      'c3 3',
      'c3 done',
      'restarted',
      'ready',
      'c4 queued',
      'c4 running',
      'c4 4',
      'c4 done',
    ]);
  });
});

describe('evaluateArithmetic', () => {
  it('evaluates numbers, operators and parentheses', () => {
    expect(evaluateArithmetic('1+1')).toBe(2);
    expect(evaluateArithmetic(' 2 * (3 - 1) / 4 ')).toBe(1);
    expect(evaluateArithmetic('-3 % 2 + 1.5e1')).toBe(14);
  });

  it('is null for anything else', () => {
    for (const code of ['', 'x + 1', '1 +', '(1', '1 2', 'alert(1)']) {
      expect(evaluateArithmetic(code), code).toBeNull();
    }
  });
});
