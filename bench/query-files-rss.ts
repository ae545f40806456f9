/**
 * The process's peak resident memory, sampled every 20 ms by a worker thread. A thread of its
 * own, because the kernel's DuckDB-WASM runs queries synchronously on the thread that calls it:
 * a timer there would not fire during the very queries whose memory counts. The figure is the
 * whole process's (process.memoryUsage.rss is per process in any thread): the kernel, the host's
 * native DuckDB, their buffers and this sampler itself (a few MB, in the idle figure too).
 */
import { Worker } from 'node:worker_threads';

const INTERVAL_MS = 20;

// Plain CommonJS, evaluated by the worker: no loader needed for TypeScript.
const SAMPLER = `
const { workerData } = require('node:worker_threads');
const state = new BigInt64Array(workerData.buffer);
setInterval(() => {
  const rss = BigInt(process.memoryUsage.rss());
  Atomics.store(state, 1, rss);
  if (rss > Atomics.load(state, 0)) Atomics.store(state, 0, rss);
}, workerData.intervalMs);
`;

export type RssSampler = {
  /** RSS now, in bytes. */
  current(): number;
  /** Forgets the peak so far: the next `peak()` covers only what follows. */
  resetPeak(): void;
  /** The highest RSS sampled since the start or the last reset, in bytes. */
  peak(): number;
  stop(): Promise<void>;
};

export async function startRssSampler(): Promise<RssSampler> {
  // [0]: the peak, [1]: the latest sample.
  const buffer = new SharedArrayBuffer(2 * BigInt64Array.BYTES_PER_ELEMENT);
  const state = new BigInt64Array(buffer);
  const worker = new Worker(SAMPLER, {
    eval: true,
    workerData: { buffer, intervalMs: INTERVAL_MS },
  });
  await new Promise<void>((resolve, reject) => {
    worker.once('online', resolve);
    worker.once('error', reject);
  });
  worker.unref();
  const current = () => process.memoryUsage.rss();
  return {
    current,
    resetPeak: () => Atomics.store(state, 0, BigInt(current())),
    peak: () => Math.max(Number(Atomics.load(state, 0)), current()),
    stop: async () => {
      await worker.terminate();
    },
  };
}

export function formatMb(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MB`;
}
