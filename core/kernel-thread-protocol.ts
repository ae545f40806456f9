/**
 * Messages between `quarry run` and its kernel, which runs in a Node worker thread
 * (host/kernel/kernel-thread.ts) so that a cell that exhausts the heap, or throws from a timer,
 * cannot take the command down with it. The thread speaks a subset of the kernel protocol
 * (core/protocol.ts) plus its start-up and shutdown. A thread is a process boundary: each side
 * checks what it receives with the parsers below, which are derived from the types (a message
 * type or field without its check does not compile).
 */
import { isJsonObject } from './json';
import { isOutput } from './kernel-worker-guards';
import type { CellLocation, KernelEvent, KernelInfo, KernelRequest } from './protocol';

/** What the thread is started with (its `workerData`). */
export type KernelThreadConfig = {
  /** The notebook's folder: relative paths in SQL and imports resolve against it. */
  notebookDir: string;
};

/** CLI → thread. */
export type ToKernelThread =
  | Extract<KernelRequest, { type: 'execute' }>
  /**
   * No more cells: the thread lets its kernel go and exits once the timers cells left behind
   * are done (their outputs still come, tagged with their execution).
   */
  | { type: 'finish' };

/** Thread → CLI. `ready` or `failed` comes first, exactly once. */
export type FromKernelThread =
  | Extract<KernelEvent, { type: 'ready' | 'output' }>
  | {
      type: 'done';
      requestId: string;
      cellId: string;
      /** A cell of a headless run is never interrupted from inside: it stops between cells. */
      status: 'done' | 'error';
      durationMs: number;
      errorLocation: CellLocation | null;
    }
  /** The kernel could not start (DuckDB-WASM or TF.js failed to load). */
  | { type: 'failed'; message: string };

type Guard<T> = (value: unknown) => value is T;

/** For each message type, a check of each of its fields (`type` aside). */
type Shapes<M extends { type: string }> = {
  [K in M['type']]: {
    [F in Exclude<keyof Extract<M, { type: K }>, 'type'>]-?: Guard<Extract<M, { type: K }>[F]>;
  };
};

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isCount(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0;
}

function isKernelInfo(value: unknown): value is KernelInfo {
  return isJsonObject(value) && isString(value.sqlEngine) && isString(value.tfBackend);
}

function isLocationOrNull(value: unknown): value is CellLocation | null {
  return (
    value === null ||
    (isJsonObject(value) && isFiniteNumber(value.line) && isFiniteNumber(value.column))
  );
}

function isEndStatus(value: unknown): value is 'done' | 'error' {
  return value === 'done' || value === 'error';
}

const toThreadShapes: Shapes<ToKernelThread> = {
  execute: { requestId: isString, cellId: isString, code: isString, executionCount: isCount },
  finish: {},
};

const fromThreadShapes: Shapes<FromKernelThread> = {
  ready: { info: isKernelInfo },
  output: { requestId: isString, cellId: isString, output: isOutput },
  done: {
    requestId: isString,
    cellId: isString,
    status: isEndStatus,
    durationMs: isFiniteNumber,
    errorLocation: isLocationOrNull,
  },
  failed: { message: isString },
};

const configShape: { [F in keyof KernelThreadConfig]-?: Guard<KernelThreadConfig[F]> } = {
  notebookDir: isString,
};

export function parseToKernelThread(data: unknown): ToKernelThread | null {
  return parseMessage(toThreadShapes, data);
}

export function parseFromKernelThread(data: unknown): FromKernelThread | null {
  return parseMessage(fromThreadShapes, data);
}

export function parseKernelThreadConfig(data: unknown): KernelThreadConfig | null {
  return isJsonObject(data) && hasExactly(configShape, data, [])
    ? (data as KernelThreadConfig)
    : null;
}

/** The message when `data` has a known type and exactly that type's fields, each as typed. */
function parseMessage<M extends { type: string }>(shapes: Shapes<M>, data: unknown): M | null {
  if (!isJsonObject(data) || !isString(data.type) || !Object.hasOwn(shapes, data.type)) return null;
  const shape = shapes[data.type as M['type']];
  return hasExactly(shape, data, ['type']) ? (data as unknown as M) : null;
}

function hasExactly(
  shape: Record<string, (value: unknown) => boolean>,
  data: Record<string, unknown>,
  alsoAllowed: string[],
): boolean {
  const known = (key: string) => Object.hasOwn(shape, key) || alsoAllowed.includes(key);
  return (
    Object.keys(data).every(known) &&
    Object.entries(shape).every(([key, check]) => Object.hasOwn(data, key) && check(data[key]))
  );
}
