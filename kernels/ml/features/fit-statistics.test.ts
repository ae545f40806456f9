import { describe, expect, it } from 'vitest';
import { keptCategories, meanAndStd, median, range } from './fit-statistics';

const values = (...items: number[]) => Float64Array.from(items);

describe('fit statistics', () => {
  it('leave nulls out: mean, population std, range', () => {
    expect(meanAndStd(values(1, NaN, 3, 5), 'x')).toEqual({ mean: 3, std: Math.sqrt(8 / 3) });
    expect(range(values(NaN, 4, -2, 9), 'x')).toEqual({ min: -2, max: 9 });
  });

  it('median: the middle value, or the mean of the two middle values', () => {
    expect(median(values(9, 1, NaN, 5), 'x')).toBe(5);
    expect(median(values(9, 1, 4, 5), 'x')).toBe(4.5);
    expect(median(values(-10, 2), 'x')).toBe(-4);
  });

  it('all null: an error naming the step', () => {
    expect(() => meanAndStd(values(NaN, NaN), 'steps[1] (standardize "x")')).toThrow(
      /^steps\[1\] \(standardize "x"\): .*all null/,
    );
  });

  it('categories: most frequent first, ties in code-unit order, minCount, limit', () => {
    const plans = ['b', 'a', null, 'c', 'b', 'B', 'a', 'z'];
    expect(keptCategories(plans, 1, Infinity)).toEqual(['a', 'b', 'B', 'c', 'z']);
    expect(keptCategories(plans, 2, Infinity)).toEqual(['a', 'b']);
    expect(keptCategories(plans, 1, 3)).toEqual(['a', 'b', 'B']);
  });
});
