/**
 * Checks what the kernel worker posts (core/kernel-worker-protocol.ts) before the client acts on
 * it. Cells run inside the worker and can post anything, so every message is checked; outputs
 * are checked as far as the UI relies on (their kind and the fields it reads first).
 */
import {
  KERNEL_HOST_OPERATIONS,
  type FromKernelWorker,
  type HostRelayRequest,
  type KernelHostOperation,
} from '../../core/kernel-worker-protocol';
import { parseJobEvent } from '../../core/jobs';
import type { DisplayDataOutput, Output } from '../../core/outputs';
import type {
  CellLocation,
  CellRunStatus,
  KernelInfo,
  TablePage,
  VariableInfo,
} from '../../core/protocol';

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const isString = (value: unknown): value is string => typeof value === 'string';

const RUN_STATUSES: readonly CellRunStatus[] = [
  'queued',
  'running',
  'done',
  'error',
  'interrupted',
];
const END_STATUSES = ['done', 'error', 'interrupted'] as const;

export function parseFromKernelWorker(data: unknown): FromKernelWorker | null {
  if (!isObject(data) || !isString(data.type)) return null;
  const kind = data.type as FromKernelWorker['type'];
  const { requestId, cellId } = data;
  const ids = isString(requestId) && isString(cellId) ? { requestId, cellId } : null;
  switch (kind) {
    case 'ready':
      return isKernelInfo(data.info) ? { type: kind, info: data.info } : null;
    case 'loading':
    case 'failed':
      return isString(data.message) ? { type: kind, message: data.message } : null;
    case 'status': {
      const status = RUN_STATUSES.find((s) => s === data.status);
      return ids && status ? { type: kind, ...ids, status } : null;
    }
    case 'output':
      return ids && isOutput(data.output) ? { type: kind, ...ids, output: data.output } : null;
    case 'job': {
      const job = parseJobEvent(data.job);
      return ids && job ? { type: kind, ...ids, job } : null;
    }
    case 'display-update': {
      const { displayId, output } = data;
      if (!ids || !isString(displayId) || !isOutput(output)) return null;
      if (output.output_type !== 'display_data') return null;
      return output.transient?.display_id === displayId
        ? { type: kind, ...ids, displayId, output }
        : null;
    }
    case 'done': {
      const status = END_STATUSES.find((s) => s === data.status);
      const { durationMs, errorLocation } = data;
      if (!ids || !status || typeof durationMs !== 'number') return null;
      if (errorLocation !== null && !isCellLocation(errorLocation)) return null;
      return { type: kind, ...ids, status, durationMs, errorLocation };
    }
    case 'host-request':
      return parseHostRequest(data);
    case 'variables': {
      const { variables } = data;
      if (!isString(requestId) || !Array.isArray(variables)) return null;
      return variables.every(isVariableInfo) ? { type: kind, requestId, variables } : null;
    }
    case 'table-rows': {
      const { page } = data;
      if (!isString(requestId) || (page !== null && !isTablePage(page))) return null;
      return { type: kind, requestId, page };
    }
    default:
      kind satisfies never;
      return null;
  }
}

/** Only the operations a kernel may ask for (KERNEL_HOST_OPERATIONS); the host checks fields. */
function parseHostRequest(data: Fields): HostRelayRequest | null {
  const { id, operation, request } = data;
  if (typeof id !== 'number' || !isString(operation) || !isObject(request)) return null;
  if (!isKernelHostOperation(operation)) return null;
  switch (operation) {
    case 'datafiles.resolve':
      return isString(request.pattern)
        ? { type: 'host-request', id, operation, request: { pattern: request.pattern } }
        : null;
    default:
      operation satisfies never;
      return null;
  }
}

export function isKernelHostOperation(value: string): value is KernelHostOperation {
  return (KERNEL_HOST_OPERATIONS as readonly string[]).includes(value);
}

function isKernelInfo(value: unknown): value is KernelInfo {
  return isObject(value) && isString(value.sqlEngine) && isString(value.tfBackend);
}

function isVariableInfo(value: unknown): value is VariableInfo {
  if (!isObject(value) || !isString(value.name) || !isString(value.type)) return false;
  const { shape, size, preview } = value;
  const shapeOk = shape === null || (Array.isArray(shape) && shape.every(isCount));
  const sizeOk =
    size === null || (isObject(size) && isCount(size.bytes) && typeof size.exact === 'boolean');
  return shapeOk && sizeOk && (preview === null || isString(preview));
}

function isTablePage(value: unknown): value is TablePage {
  if (!isObject(value) || !isCount(value.offset)) return false;
  const { rows, indices } = value;
  return (
    Array.isArray(rows) &&
    Array.isArray(indices) &&
    rows.length === indices.length &&
    rows.every(isObject) &&
    indices.every(isCount)
  );
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isCellLocation(value: unknown): value is CellLocation {
  return isObject(value) && typeof value.line === 'number' && typeof value.column === 'number';
}

function isOutput(value: unknown): value is Output {
  if (!isObject(value)) return false;
  switch (value.output_type) {
    case 'stream':
      return (value.name === 'stdout' || value.name === 'stderr') && isString(value.text);
    case 'display_data':
      return isObject(value.data) && isObject(value.metadata) && isTransient(value.transient);
    case 'execute_result':
      return isObject(value.data) && isObject(value.metadata);
    case 'error':
      return (
        isString(value.ename) &&
        isString(value.evalue) &&
        Array.isArray(value.traceback) &&
        value.traceback.every(isString)
      );
    default:
      return false;
  }
}

function isTransient(value: unknown): value is DisplayDataOutput['transient'] {
  return value === undefined || (isObject(value) && isString(value.display_id));
}
