/** How the variable inspector writes a variable's shape and size (core/protocol.ts, VariableInfo). */
import type { VariableInfo } from '../../core/protocol';

const UNKNOWN = '—';
const UNITS = ['KB', 'MB', 'GB', 'TB'];

/** `100,000 × 2` for a table, `3 × 4` for a tensor, `scalar` for a 0-d tensor. */
export function formatShape(shape: VariableInfo['shape']): string {
  if (shape === null) return UNKNOWN;
  if (shape.length === 0) return 'scalar';
  return shape.map((n) => n.toLocaleString('en-US')).join(' × ');
}

/** Binary units with one decimal; an estimate is marked with `~`. */
export function formatSize(size: VariableInfo['size']): string {
  if (size === null) return UNKNOWN;
  const prefix = size.exact ? '' : '~';
  if (size.bytes < 1024) return `${prefix}${size.bytes} B`;
  let value = size.bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${prefix}${value.toFixed(1)} ${UNITS[unit]}`;
}
