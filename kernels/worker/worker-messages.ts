/**
 * Checks what the worker receives (core/kernel-worker-protocol.ts). A message arrives as a
 * structured clone of whatever was posted, so each one is checked field by field before the
 * worker acts on it; anything else is `null` and ignored.
 */
import type { DataFileLink } from '../../core/host-contract';
import type {
  HostRelayResponse,
  KernelWorkerConfig,
  ToKernelWorker,
} from '../../core/kernel-worker-protocol';
import type { TableSort } from '../../core/protocol';

type Fields = Record<string, unknown>;

function isObject(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}

export function parseToKernelWorker(data: unknown): ToKernelWorker | null {
  if (!isObject(data) || !isString(data.type)) return null;
  const kind = data.type as ToKernelWorker['type'];
  switch (kind) {
    case 'init':
      return isKernelWorkerConfig(data.config) ? { type: kind, config: data.config } : null;
    case 'execute': {
      const { requestId, cellId, code, executionCount } = data;
      if (!isString(requestId) || !isString(cellId) || !isString(code)) return null;
      if (typeof executionCount !== 'number' || !Number.isInteger(executionCount)) return null;
      return { type: kind, requestId, cellId, code, executionCount };
    }
    case 'interrupt':
    case 'restart':
      return { type: kind };
    case 'cancel-job':
      return isString(data.jobId) ? { type: kind, jobId: data.jobId } : null;
    case 'inspect-variables':
      return isString(data.requestId) ? { type: kind, requestId: data.requestId } : null;
    case 'table-rows': {
      const { requestId, resultId, offset, limit, sort } = data;
      if (!isString(requestId) || !isString(resultId) || !isCount(offset) || !isCount(limit))
        return null;
      if (sort !== null && !isTableSort(sort)) return null;
      return { type: kind, requestId, resultId, offset, limit, sort };
    }
    case 'host-response':
      return parseHostResponse(data);
    default:
      kind satisfies never;
      return null;
  }
}

/** `datafiles.resolve` is the only operation relayed, so every answer has its shape. */
function parseHostResponse(data: Fields): HostRelayResponse | null {
  const { id, ok } = data;
  if (typeof id !== 'number') return null;
  if (ok === false) {
    return isString(data.message) ? { type: 'host-response', id, ok, message: data.message } : null;
  }
  if (ok !== true || !isObject(data.response) || !Array.isArray(data.response.files)) return null;
  const files = data.response.files;
  return files.every(isDataFileLink)
    ? { type: 'host-response', id, ok, response: { files } }
    : null;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function isTableSort(value: unknown): value is TableSort {
  return (
    isObject(value) &&
    isCount(value.column) &&
    (value.direction === 'asc' || value.direction === 'desc')
  );
}

function isDataFileLink(value: unknown): value is DataFileLink {
  return isObject(value) && isString(value.name) && isString(value.url);
}

function isKernelWorkerConfig(value: unknown): value is KernelWorkerConfig {
  return (
    isObject(value) &&
    isString(value.baseUrl) &&
    isString(value.parquetWasm) &&
    hasStrings(value.duckdb, ['mvpModule', 'ehModule']) &&
    hasStrings(value.tfWasm, ['plain', 'simd', 'threadedSimd'])
  );
}

function hasStrings(value: unknown, keys: string[]): boolean {
  return isObject(value) && keys.every((key) => isString(value[key]));
}
