/**
 * `Range: bytes=...` for one range, as DuckDB-WASM sends it when it reads a file lazily
 * (RFC 9110 §14). Several ranges, other units or malformed values are ignored (the whole file
 * is sent, as the RFC allows); a well-formed range that lies past the end is unsatisfiable.
 */
export type RangeRequest =
  | { kind: 'whole' }
  /** Inclusive byte offsets, already clamped to the file. */
  | { kind: 'partial'; start: number; end: number }
  | { kind: 'unsatisfiable' };

export function parseRange(header: string | undefined, size: number): RangeRequest {
  if (header === undefined) return { kind: 'whole' };
  const match = /^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$/i.exec(header);
  if (match === null) return { kind: 'whole' };
  const [, first, last] = match;
  if (first === '' && last === '') return { kind: 'whole' };
  if (first === '') {
    // bytes=-n: the last n bytes.
    const suffix = Number(last);
    if (suffix === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? Infinity : Number(last);
  if (!Number.isSafeInteger(start) || !(Number.isSafeInteger(end) || end === Infinity))
    return { kind: 'whole' };
  if (end < start) return { kind: 'whole' }; // invalid: ignored
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: Math.min(end, size - 1) };
}
