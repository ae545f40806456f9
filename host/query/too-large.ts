/**
 * A result over what a query may send to the kernel (the kernel holds it in DuckDB-WASM's
 * memory, inside a browser tab on the desktop): refused with what to do instead.
 */
import { failed, type FailedReply } from './query-failures';

/** 256 MiB of Arrow. */
export const DEFAULT_MAX_RESULT_BYTES = 256 * 2 ** 20;

export type ResultSize = { bytes: number; rows: number; columns: number };

export function tooLarge(size: ResultSize, limitBytes: number): FailedReply {
  const shape = `${size.rows.toLocaleString('en-US')} rows × ${size.columns.toLocaleString('en-US')} columns`;
  return failed({
    kind: 'too-large',
    bytes: size.bytes,
    limitBytes,
    message: `The result is ${formatBytes(size.bytes)} (${shape}), over the ${formatBytes(limitBytes)} a query may send to the kernel: add a LIMIT, aggregate it (GROUP BY), or pull a sample (Pull sample, quarry sample).`,
  });
}

/** `1.2 GB`, `256 MB`, `12 KB` (binary units, as the limit is set). */
export function formatBytes(bytes: number): string {
  const units: [number, string][] = [
    [2 ** 30, 'GB'],
    [2 ** 20, 'MB'],
    [2 ** 10, 'KB'],
  ];
  for (const [size, unit] of units) {
    if (bytes < size) continue;
    const value = bytes / size;
    return `${value < 10 && !Number.isInteger(value) ? value.toFixed(1) : Math.round(value)} ${unit}`;
  }
  return `${bytes} bytes`;
}
