/**
 * A rough size in memory of a plain JavaScript value, for the variable inspector. JavaScript
 * cannot measure an object, so this counts what the value holds (8 bytes a number, 2 a UTF-16
 * code unit, 8 a reference) with a bounded walk: a collection is sampled, not read whole, so
 * estimating a million-element array costs as much as a thousand.
 */

/** Elements of one collection that are visited; the rest are assumed to be like them. */
const SAMPLE = 256;
/** Nesting past this depth counts as references only. */
const MAX_DEPTH = 5;
const REFERENCE = 8;
const OBJECT_HEADER = 16;

export function estimateBytes(value: unknown): number {
  return Math.round(estimate(value, 0, new Set()));
}

function estimate(value: unknown, depth: number, seen: Set<object>): number {
  switch (typeof value) {
    case 'number':
      return 8;
    case 'boolean':
      return 4;
    case 'bigint':
      return 16;
    case 'string':
      return OBJECT_HEADER + 2 * value.length;
    case 'undefined':
    case 'symbol':
    case 'function':
      return 0;
    case 'object':
      if (value === null) return 0;
      if (ArrayBuffer.isView(value)) return value.byteLength;
      if (value instanceof ArrayBuffer) return value.byteLength;
      if (seen.has(value) || depth >= MAX_DEPTH) return REFERENCE;
      seen.add(value);
      try {
        return OBJECT_HEADER + contents(value, depth + 1, seen);
      } finally {
        seen.delete(value);
      }
  }
}

function contents(value: object, depth: number, seen: Set<object>): number {
  const of = (item: unknown) => REFERENCE + estimate(item, depth, seen);
  if (Array.isArray(value)) return sampled(value, value.length, of);
  if (value instanceof Map) {
    return sampled(value.entries(), value.size, ([k, v]: [unknown, unknown]) => of(k) + of(v));
  }
  if (value instanceof Set) return sampled(value.values(), value.size, of);
  const keys = Object.keys(value);
  const record = value as Record<string, unknown>;
  return sampled(keys, keys.length, (key: string) => of(key) + of(record[key]));
}

/**
 * The summed sizes of `count` items: every item when there are few, else the first SAMPLE of
 * an iterator or SAMPLE spread evenly over an array, scaled up to all of them.
 */
function sampled<T>(items: readonly T[] | Iterator<T>, count: number, size: (item: T) => number) {
  if (count === 0) return 0;
  const take = Math.min(count, SAMPLE);
  let total = 0;
  if (Array.isArray(items)) {
    const list = items as readonly T[];
    for (let i = 0; i < take; i++) total += size(list[Math.floor((i * count) / take)]);
  } else {
    const iterator = items as Iterator<T>;
    for (let i = 0; i < take; i++) {
      const next = iterator.next();
      if (next.done) break;
      total += size(next.value);
    }
  }
  return (total * count) / take;
}
