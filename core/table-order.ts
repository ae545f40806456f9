/**
 * The order a table sorts in, one rule wherever it is sorted: in the kernel over a whole result,
 * and in the table view over the rows it holds (a notebook opened from a file). Numbers compare
 * numerically (dates by time), text with a numeric collation ("x2" before "x10"); in a column of
 * mixed kinds numbers come before booleans before text; missing values (null, undefined, NaN, an
 * invalid date) go last in both directions; equal values keep their original order.
 */

export type SortDirection = 'asc' | 'desc';

// One collator for every comparison: far faster than String#localeCompare on 100k rows.
const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' });

const NUMBER = 0;
const BOOLEAN = 1;
const TEXT = 2;

/** Row numbers (0-based) of `keys` in sorted order: `keys[i]` is row i's value in the column. */
export function sortOrder(keys: ArrayLike<unknown>, direction: SortDirection): Uint32Array {
  const count = keys.length;
  const ranks = new Uint8Array(count);
  const numbers = new Float64Array(count);
  const texts: string[] = [];
  const present: number[] = [];
  const missing: number[] = [];
  for (let i = 0; i < count; i++) {
    const key = keys[i];
    const number = numericValue(key);
    if (number !== null) {
      if (Number.isNaN(number)) {
        missing.push(i);
        continue;
      }
      numbers[i] = number;
      ranks[i] = typeof key === 'boolean' ? BOOLEAN : NUMBER;
    } else if (key === null || key === undefined) {
      missing.push(i);
      continue;
    } else {
      ranks[i] = TEXT;
      texts[i] = textKey(key);
    }
    present.push(i);
  }
  const sign = direction === 'asc' ? 1 : -1;
  if (texts.length === 0 && ranks.every((rank) => rank === NUMBER)) {
    // The common case, a numeric column, with a comparator half as costly: 1M rows in ~0.3 s.
    present.sort((a, b) => sign * (numbers[a] - numbers[b]) || a - b);
  } else {
    present.sort((a, b) => {
      const byRank = ranks[a] - ranks[b];
      const byValue =
        byRank !== 0
          ? byRank
          : ranks[a] === TEXT
            ? collator.compare(texts[a], texts[b])
            : numbers[a] - numbers[b];
      return sign * byValue || a - b;
    });
  }
  const order = new Uint32Array(count);
  order.set(present);
  order.set(missing, present.length);
  return order;
}

/** The number a value compares as, or null when it compares as text (or is missing). */
function numericValue(value: unknown): number | null {
  if (typeof value === 'number') return value;
  // JSON has no bigints; a kernel's Arrow column may, and Number keeps their order.
  if (typeof value === 'bigint' || typeof value === 'boolean') return Number(value);
  if (value instanceof Date) return value.getTime();
  return null;
}

function textKey(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value));
}
