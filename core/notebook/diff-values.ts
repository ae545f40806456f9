/**
 * Values compared with a numeric tolerance, numpy's `isclose` rule with the baseline as the
 * reference: |current − baseline| ≤ atol + rtol·|baseline|. Missing values compare equal to
 * each other (JSON has no NaN: the kernel writes a non-finite number as null, and NaN against
 * NaN is "still missing", as `isclose(equal_nan=True)`), never to a number. Integers that
 * JSON holds as digit strings (BIGINT columns) compare exactly through BigInt, so no digit past
 * 2^53 is lost, with the tolerance applied to the exact difference.
 */
import type { JsonValue } from '../json';
import type { DiffTolerance, ValueExample, ValueStats } from './diff-types';

/** How many changed values a table or a chart trace lists as examples. */
export const VALUE_EXAMPLES = 5;

const INTEGER_TEXT = /^-?\d{1,400}$/;

/**
 * The baseline number and current − baseline, when both values are numbers (or both integer
 * digit strings, whose difference is taken exactly). Infinite numbers have no difference.
 */
type NumericPair = { reference: number; difference: number; equal: boolean };

function numericPair(baseline: unknown, current: unknown): NumericPair | null {
  if (typeof baseline === 'number' && typeof current === 'number')
    return { reference: baseline, difference: current - baseline, equal: baseline === current };
  if (
    typeof baseline === 'string' &&
    typeof current === 'string' &&
    INTEGER_TEXT.test(baseline) &&
    INTEGER_TEXT.test(current)
  ) {
    const difference = BigInt(current) - BigInt(baseline);
    return {
      reference: Number(baseline),
      difference: Number(difference),
      equal: difference === 0n,
    };
  }
  return null;
}

/** Two plain numbers (NaN as missing): the common case, without allocating. */
export function sameNumber(baseline: number, current: number, tolerance: DiffTolerance): boolean {
  if (baseline === current) return true;
  if (Number.isNaN(baseline) || Number.isNaN(current))
    return Number.isNaN(baseline) && Number.isNaN(current);
  if (!Number.isFinite(baseline) || !Number.isFinite(current)) return false;
  const difference = Math.abs(current - baseline);
  return difference <= tolerance.atol + tolerance.rtol * Math.abs(baseline);
}

function isMissing(value: unknown): boolean {
  return (
    value === null || value === undefined || (typeof value === 'number' && Number.isNaN(value))
  );
}

function withinTolerance(pair: NumericPair, tolerance: DiffTolerance): boolean {
  if (pair.equal) return true; // also equal infinities
  if (!Number.isFinite(pair.difference)) return false;
  return Math.abs(pair.difference) <= tolerance.atol + tolerance.rtol * Math.abs(pair.reference);
}

/** Whether two JSON values (or values of a kernel's output) are the same within the tolerance. */
export function sameValue(baseline: unknown, current: unknown, tolerance: DiffTolerance): boolean {
  if (baseline === current) return true;
  if (typeof baseline === 'number' && typeof current === 'number')
    return sameNumber(baseline, current, tolerance);
  if (isMissing(baseline) || isMissing(current)) return isMissing(baseline) && isMissing(current);
  const numbers = numericPair(baseline, current);
  if (numbers) return withinTolerance(numbers, tolerance);
  if (Array.isArray(baseline) || Array.isArray(current)) {
    if (!Array.isArray(baseline) || !Array.isArray(current)) return false;
    if (baseline.length !== current.length) return false;
    return baseline.every((item, i) => sameValue(item, current[i], tolerance));
  }
  if (typeof baseline === 'object' && typeof current === 'object') {
    const a = baseline as Record<string, unknown>;
    const b = current as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) if (!sameValue(a[key], b[key], tolerance)) return false;
    return true;
  }
  return false;
}

/** A JSON-safe copy of a value for an example: non-finite numbers (in memory only) as null. */
export function jsonSafe(value: unknown): JsonValue {
  if (value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) return value.map(jsonSafe);
  if (typeof value === 'object') {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) out[key] = jsonSafe(item);
    return out;
  }
  return null;
}

/** Counts compared and changed values, the largest changes and the first few examples. */
export class ValueTally {
  private compared = 0;
  private changed = 0;
  private maxAbs: number | null = null;
  private maxRel: number | null = null;
  private readonly examples: ValueExample[] = [];

  constructor(private readonly tolerance: DiffTolerance) {}

  /** Counts a pair already found identical (`===`): the common case, kept cheap. */
  addIdentical(): void {
    this.compared++;
  }

  /** Compares one pair; true when they are the same. */
  add(row: number, column: string, baseline: unknown, current: unknown): boolean {
    this.compared++;
    if (sameValue(baseline, current, this.tolerance)) return true;
    this.changed++;
    const numbers = numericPair(baseline, current);
    if (numbers && Number.isFinite(numbers.difference)) {
      const abs = Math.abs(numbers.difference);
      this.maxAbs = Math.max(this.maxAbs ?? 0, abs);
      if (numbers.reference !== 0)
        this.maxRel = Math.max(this.maxRel ?? 0, abs / Math.abs(numbers.reference));
    }
    if (this.examples.length < VALUE_EXAMPLES)
      this.examples.push({ row, column, baseline: jsonSafe(baseline), current: jsonSafe(current) });
    return false;
  }

  stats(): ValueStats {
    return {
      compared: this.compared,
      changed: this.changed,
      maxAbs: this.maxAbs,
      maxRel: this.maxRel,
      examples: this.examples,
    };
  }
}
