import { describe, expect, it } from 'vitest';
import { parseFromKernelFrame, parseToKernelFrame } from './kernel-frame-protocol';

describe('kernel frame messages', () => {
  it('the frame takes only `to-worker` envelopes, whatever they carry (the worker checks it)', () => {
    expect(parseToKernelFrame({ type: 'to-worker', message: { type: 'interrupt' } })).toEqual({
      type: 'to-worker',
      message: { type: 'interrupt' },
    });
    expect(parseToKernelFrame({ type: 'to-worker' })).toBeNull();
    expect(parseToKernelFrame({ type: 'interrupt' })).toBeNull();
    expect(parseToKernelFrame('to-worker')).toBeNull();
    expect(parseToKernelFrame(null)).toBeNull();
  });

  it('the page takes heartbeats, worker messages and worker errors, nothing else', () => {
    expect(parseFromKernelFrame({ type: 'heartbeat', extra: 1 })).toEqual({ type: 'heartbeat' });
    expect(parseFromKernelFrame({ type: 'from-worker', message: { type: 'ready' } })).toEqual({
      type: 'from-worker',
      message: { type: 'ready' },
    });
    expect(parseFromKernelFrame({ type: 'worker-error', message: 'SyntaxError' })).toEqual({
      type: 'worker-error',
      message: 'SyntaxError',
    });
    expect(parseFromKernelFrame({ type: 'worker-error', message: 3 })).toBeNull();
    expect(parseFromKernelFrame({ type: 'from-worker' })).toBeNull();
    expect(parseFromKernelFrame({ type: 'ready' })).toBeNull();
    expect(parseFromKernelFrame([])).toBeNull();
  });
});
