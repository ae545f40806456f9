import { describe, expect, it } from 'vitest';
import { sortOrder } from './table-order';

const sorted = (keys: unknown[], direction: 'asc' | 'desc') =>
  Array.from(sortOrder(keys, direction), (i) => keys[i]);

describe('sortOrder', () => {
  const numbers = [10, null, 2, -1.5, undefined, 2];

  it('sorts numbers numerically with missing values last in both directions', () => {
    expect(sorted(numbers, 'asc')).toEqual([-1.5, 2, 2, 10, null, undefined]);
    expect(sorted(numbers, 'desc')).toEqual([10, 2, 2, -1.5, null, undefined]);
  });

  it('is stable: equal values keep their original order', () => {
    expect(Array.from(sortOrder(numbers, 'asc')).slice(1, 3)).toEqual([2, 5]);
    expect(Array.from(sortOrder(numbers, 'desc')).slice(1, 3)).toEqual([2, 5]);
  });

  it('sorts strings with numeric collation', () => {
    expect(sorted(['x10', 'x9', 'b', null, 'A'], 'asc')).toEqual(['A', 'b', 'x9', 'x10', null]);
  });

  it('orders mixed kinds numbers, booleans, text; NaN and invalid dates are missing', () => {
    expect(sorted(['a', true, 3, false, NaN], 'asc')).toEqual([3, false, true, 'a', NaN]);
    const dates = [new Date(2000, 1, 1), new Date(Number.NaN), new Date(1990, 1, 1)];
    expect(Array.from(sortOrder(dates, 'asc'))).toEqual([2, 0, 1]);
    expect(Array.from(sortOrder([3n, 1n, 2], 'asc'))).toEqual([1, 2, 0]);
  });

  it('sorts a 200k-row numeric column in well under a few seconds', () => {
    const keys = Float64Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 200_003);
    const started = performance.now();
    const order = sortOrder(keys, 'desc');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(keys[order[0]]).toBe(keys.reduce((a, b) => Math.max(a, b)));
    expect(keys[order[199_999]]).toBe(0);
  });
});
