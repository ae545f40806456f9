import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCE } from './diff';
import { sameValue, ValueTally } from './diff-values';

const tol = { rtol: 1e-6, atol: 1e-9 };

describe('sameValue', () => {
  it('takes numbers within atol + rtol·|baseline| as the same, and no further', () => {
    expect(sameValue(100, 100.0001, tol)).toBe(true); // 1e-4 ≤ 1e-9 + 1e-4
    expect(sameValue(100, 100.0002, tol)).toBe(false);
    expect(sameValue(0, 1e-10, tol)).toBe(true);
    expect(sameValue(0, 1e-8, tol)).toBe(false);
  });

  it('uses the baseline as the reference, as numpy.isclose uses its second argument', () => {
    const t = { rtol: 0.5, atol: 0 };
    expect(sameValue(2, 1, t)).toBe(true); // |1 − 2| ≤ 0.5·2
    expect(sameValue(1, 2, t)).toBe(false); // |2 − 1| > 0.5·1
  });

  it('absorbs a sum taken in another order with the default tolerance, not a 6th-digit change', () => {
    const values = Array.from({ length: 10_000 }, (_, i) => Math.sin(i) * 1000);
    const forward = values.reduce((s, v) => s + v, 0);
    const backward = [...values].reverse().reduce((s, v) => s + v, 0);
    expect(sameValue(forward, backward, DEFAULT_TOLERANCE)).toBe(true);
    expect(sameValue(123.456, 123.457, DEFAULT_TOLERANCE)).toBe(false);
  });

  it('treats missing values (null, NaN) as equal to each other and to no number', () => {
    expect(sameValue(null, null, tol)).toBe(true);
    expect(sameValue(Number.NaN, null, tol)).toBe(true);
    expect(sameValue(Number.NaN, Number.NaN, tol)).toBe(true);
    expect(sameValue(null, 0, tol)).toBe(false);
    expect(sameValue(0, Number.NaN, tol)).toBe(false);
    expect(sameValue(Infinity, Infinity, tol)).toBe(true);
    expect(sameValue(Infinity, 1e308, tol)).toBe(false);
  });

  it('compares integer digit strings (BIGINT columns) exactly past 2^53', () => {
    const exact = { rtol: 0, atol: 0 };
    expect(sameValue('9007199254740993', '9007199254740993', exact)).toBe(true);
    expect(sameValue('9007199254740993', '9007199254740992', exact)).toBe(false);
    expect(sameValue('9007199254740993', '9007199254740992', { rtol: 0, atol: 1 })).toBe(true);
  });

  it('compares other strings, booleans and nested values exactly, numbers inside with the tolerance', () => {
    expect(sameValue('a', 'b', tol)).toBe(false);
    expect(sameValue('1.0', '1', tol)).toBe(false);
    expect(sameValue(true, 1, tol)).toBe(false);
    expect(sameValue({ a: [1, 2] }, { a: [1, 2 + 1e-12] }, tol)).toBe(true);
    expect(sameValue({ a: [1, 2] }, { a: [1, 2, 3] }, tol)).toBe(false);
    expect(sameValue({ a: 1 }, { a: 1, b: 2 }, tol)).toBe(false);
    expect(sameValue([1], { 0: 1 }, tol)).toBe(false);
  });
});

describe('ValueTally', () => {
  it('counts changes, the largest absolute and relative change, and the first examples', () => {
    const tally = new ValueTally(tol);
    tally.add(1, 'x', 10, 10);
    tally.add(2, 'x', 10, 11);
    tally.add(3, 'x', 200, 190);
    tally.add(4, 'y', 0, 0.5);
    tally.add(5, 'y', 'a', 'b');
    tally.add(6, 'y', null, 3);
    for (let i = 0; i < 5; i++) tally.add(7 + i, 'z', i, i + 100);
    const stats = tally.stats();
    expect(stats.compared).toBe(11);
    expect(stats.changed).toBe(10);
    expect(stats.maxAbs).toBe(100);
    expect(stats.maxRel).toBe(100); // 1 → 101; 0 → 100 has no relative change
    expect(stats.examples).toEqual([
      { row: 2, column: 'x', baseline: 10, current: 11 },
      { row: 3, column: 'x', baseline: 200, current: 190 },
      { row: 4, column: 'y', baseline: 0, current: 0.5 },
      { row: 5, column: 'y', baseline: 'a', current: 'b' },
      { row: 6, column: 'y', baseline: null, current: 3 },
    ]);
  });

  it('has no sizes when only non-numbers changed, and writes NaN as null in examples', () => {
    const tally = new ValueTally(tol);
    tally.add(1, 'x', 'a', 'b');
    tally.add(2, 'x', Number.NaN, 1);
    const stats = tally.stats();
    expect(stats.maxAbs).toBeNull();
    expect(stats.maxRel).toBeNull();
    expect(stats.examples[1]).toEqual({ row: 2, column: 'x', baseline: null, current: 1 });
  });
});
