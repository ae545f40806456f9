/**
 * What the variable inspector shows of each variable: its type, its shape, its size in memory and
 * a preview of a scalar. Data types (query results, Arrow, frames, tensors, typed arrays) report
 * their real shape and, where their memory is buffers, its exact size; other values get a rough
 * estimate (value-size.ts). Nothing here copies or converts the data it describes.
 */
import type { VariableInfo } from '../../core/protocol';
import { constructorName, inspect, isClass } from '../display/inspect';
import { arrowByteLength } from '../frames/arrow-columns';
import { isDanfoFrame } from '../frames/danfo-table';
import type { KernelLibraries } from '../platform';
import { SqlResult } from '../sql/sql-result';
import { estimateBytes } from './value-size';

type Description = Omit<VariableInfo, 'name'>;

const PREVIEW_CHARS = 60;

/** Bytes per element of each TF.js dtype; a `string` tensor's size is not known. */
const TENSOR_BYTES: Record<string, number> = { float32: 4, int32: 4, bool: 1, complex64: 8 };

/** The variables `names` of `scope`, by name. */
export function describeVariables(
  scope: Record<string, unknown>,
  names: Iterable<string>,
  libs: KernelLibraries,
): VariableInfo[] {
  return [...names]
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, ...describeSafely(scope[name], libs) }));
}

/** A value from a cell may be anything (a Proxy that throws): it must not hide the others. */
function describeSafely(value: unknown, libs: KernelLibraries): Description {
  try {
    return describeValue(value, libs);
  } catch {
    return { type: 'unknown', shape: null, size: null, preview: null };
  }
}

export function describeValue(value: unknown, libs: KernelLibraries): Description {
  switch (typeof value) {
    case 'number':
    case 'string':
    case 'boolean':
    case 'bigint':
    case 'symbol':
    case 'undefined':
      return scalar(typeof value, value);
    case 'function':
      return {
        type: isClass(value) ? 'class' : 'function',
        shape: null,
        size: null,
        preview: null,
      };
    case 'object':
      return value === null ? scalar('null', value) : describeObject(value, libs);
  }
}

function scalar(type: string, value: unknown): Description {
  const bytes = estimateBytes(value);
  return {
    type,
    shape: null,
    size: type === 'undefined' || type === 'null' ? null : { bytes, exact: false },
    preview: preview(value),
  };
}

function describeObject(value: object, libs: KernelLibraries): Description {
  const exact = (bytes: number) => ({ bytes, exact: true });
  if (value instanceof SqlResult) {
    const table = value.toArrow();
    return data('QuarrySqlResult', [table.numRows, table.numCols], exact(arrowByteLength(table)));
  }
  if (value instanceof libs.arrow.Table) {
    return data('Arrow Table', [value.numRows, value.numCols], exact(arrowByteLength(value)));
  }
  if (value instanceof libs.arrow.Vector) {
    return data('Arrow Vector', [value.length], exact(value.byteLength));
  }
  if (isDanfoFrame(value)) {
    const [rows, columns] = value.shape;
    const size = { bytes: estimateBytes(value.values), exact: false };
    return value.ndim === 1
      ? data('Series', [rows], size)
      : data('DataFrame', [rows, columns ?? 0], size);
  }
  if (libs.isTensor(value)) {
    const perElement = TENSOR_BYTES[value.dtype];
    const size =
      value.isDisposed || perElement === undefined ? null : exact(value.size * perElement);
    return { type: 'Tensor', shape: [...value.shape], size, preview: value.dtype };
  }
  if (ArrayBuffer.isView(value)) {
    const length = 'length' in value && typeof value.length === 'number' ? value.length : null;
    return data(className(value), [length ?? value.byteLength], exact(value.byteLength));
  }
  if (value instanceof ArrayBuffer)
    return data('ArrayBuffer', [value.byteLength], exact(value.byteLength));
  const estimated = { bytes: estimateBytes(value), exact: false };
  if (Array.isArray(value)) return data('Array', [value.length], estimated);
  if (value instanceof Map || value instanceof Set)
    return data(className(value), [value.size], estimated);
  if (value instanceof Date) return { ...scalar('Date', value), size: { bytes: 8, exact: false } };
  return data(className(value), null, estimated);
}

function data(type: string, shape: number[] | null, size: VariableInfo['size']): Description {
  return { type, shape, size, preview: null };
}

function className(value: object): string {
  const name = constructorName(value);
  return name === undefined || name === 'Object' || name.startsWith('[') ? 'object' : name;
}

function preview(value: unknown): string {
  const clipped =
    typeof value === 'string' && value.length > PREVIEW_CHARS
      ? `${inspect(value.slice(0, PREVIEW_CHARS))}…`
      : inspect(value);
  return clipped.length > PREVIEW_CHARS + 2 ? `${clipped.slice(0, PREVIEW_CHARS)}…` : clipped;
}
