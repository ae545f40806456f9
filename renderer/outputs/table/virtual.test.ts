import { describe, expect, it } from 'vitest';
import { nextRange, visibleRange } from './virtual';

const base = { viewportHeight: 240, rowHeight: 24, rowCount: 100_000, overscan: 5 };

describe('visibleRange', () => {
  it('covers the viewport plus overscan', () => {
    expect(visibleRange({ ...base, scrollTop: 0 })).toEqual({ start: 0, end: 15 });
    expect(visibleRange({ ...base, scrollTop: 2400 })).toEqual({ start: 95, end: 115 });
    // Half-visible rows at both edges count.
    expect(visibleRange({ ...base, scrollTop: 2412 })).toEqual({ start: 95, end: 116 });
  });

  it('clamps at both ends and on overscroll', () => {
    expect(visibleRange({ ...base, scrollTop: -50 })).toEqual({ start: 0, end: 15 });
    const end = visibleRange({ ...base, scrollTop: 10_000_000 });
    expect(end.end).toBe(100_000);
    expect(end.start).toBeGreaterThan(99_000);
  });

  it('handles empty and degenerate tables', () => {
    expect(visibleRange({ ...base, rowCount: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0 });
    expect(visibleRange({ ...base, rowHeight: 0, scrollTop: 0 })).toEqual({ start: 0, end: 0 });
    expect(visibleRange({ ...base, rowCount: 3, scrollTop: 0 })).toEqual({ start: 0, end: 3 });
    expect(visibleRange({ ...base, viewportHeight: 0, scrollTop: 0 })).toEqual({
      start: 0,
      end: 6,
    });
  });
});

describe('nextRange', () => {
  it('keeps the range while it covers the view, renews it when it does not', () => {
    const first = visibleRange({ ...base, scrollTop: 2400 });
    expect(nextRange(first, { ...base, scrollTop: 2400 + 24 * 4 })).toBe(first);
    expect(nextRange(first, { ...base, scrollTop: 2400 + 24 * 6 })).toEqual({
      start: 101,
      end: 121,
    });
    expect(nextRange(first, { ...base, scrollTop: 0 })).toEqual({ start: 0, end: 15 });
  });

  it('renews a range left too large or past the end', () => {
    const big = { start: 0, end: 500 };
    expect(nextRange(big, { ...base, scrollTop: 0 })).toEqual({ start: 0, end: 15 });
    expect(nextRange({ start: 0, end: 15 }, { ...base, rowCount: 4, scrollTop: 0 })).toEqual({
      start: 0,
      end: 4,
    });
  });
});
