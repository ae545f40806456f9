/**
 * Messages between `quarry run` and its kernel, which runs in a Node worker thread
 * (host/kernel/kernel-thread.ts) so that a cell that exhausts the heap, or throws from a timer,
 * cannot take the command down with it. The thread speaks a subset of the kernel protocol
 * (core/protocol.ts) plus its start-up and shutdown. A thread is a process boundary: each side
 * checks what it receives with the parsers below, built from tables the compiler holds to the
 * types (core/guards.ts), with the field checks the worker protocol uses.
 */
import {
  arrayOf,
  fields,
  isCount,
  isNumber,
  isString,
  literal,
  nullable,
  oneOf,
  variantParser,
} from './guards';
import {
  isCellDependencies,
  isCellLocation,
  isKernelInfo,
  STREAMED_CELL_EVENTS,
} from './kernel-worker-guards';
import { isSeedUse, type SeedUse } from './notebook/run-record';
import { isTrainingRunRecord, type TrainingRunRecord } from './notebook/training-runs';
import type { CellDependencies, CellLocation, KernelEvent, KernelRequest } from './protocol';

/** What the thread is started with (its `workerData`). */
export type KernelThreadConfig = {
  /** The notebook's folder: relative paths in SQL and imports resolve against it. */
  notebookDir: string;
};

/** CLI → thread. */
export type ToKernelThread =
  | Extract<KernelRequest, { type: 'execute' }>
  /** Cancels every running job (the first Ctrl+C): their cells see `Cancelled: title`. */
  | { type: 'cancel-jobs' }
  /**
   * No more cells: the thread lets its kernel go and exits once the timers cells left behind
   * are done (their outputs still come, tagged with their execution).
   */
  | { type: 'finish' };

/** Thread → CLI. `ready` or `failed` comes first, exactly once. */
export type FromKernelThread =
  | Extract<KernelEvent, { type: 'ready' | 'output' | 'job' | 'display-update' }>
  | {
      type: 'done';
      requestId: string;
      cellId: string;
      /** A cell of a headless run is never interrupted from inside: it stops between cells. */
      status: 'done' | 'error';
      durationMs: number;
      errorLocation: CellLocation | null;
      dependencies: CellDependencies;
      seeds: SeedUse[];
      trainingRuns: TrainingRunRecord[];
    }
  /** The kernel could not start (DuckDB-WASM or TF.js failed to load). */
  | { type: 'failed'; message: string };

export const parseToKernelThread = variantParser<ToKernelThread>('type', {
  execute: {
    type: literal('execute'),
    requestId: isString,
    cellId: isString,
    code: isString,
    executionCount: isCount,
  },
  'cancel-jobs': { type: literal('cancel-jobs') },
  finish: { type: literal('finish') },
});

export const parseFromKernelThread = variantParser<FromKernelThread>('type', {
  ready: { type: literal('ready'), info: isKernelInfo },
  ...STREAMED_CELL_EVENTS,
  done: {
    type: literal('done'),
    requestId: isString,
    cellId: isString,
    status: oneOf<'done' | 'error'>({ done: true, error: true }),
    durationMs: isNumber,
    errorLocation: nullable(isCellLocation),
    dependencies: isCellDependencies,
    seeds: arrayOf(isSeedUse),
    trainingRuns: arrayOf(isTrainingRunRecord),
  },
  failed: { type: literal('failed'), message: isString },
});

const isKernelThreadConfig = fields<KernelThreadConfig>({ notebookDir: isString });

export function parseKernelThreadConfig(data: unknown): KernelThreadConfig | null {
  return isKernelThreadConfig(data) ? { notebookDir: data.notebookDir } : null;
}
