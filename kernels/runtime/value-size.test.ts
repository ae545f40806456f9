import { describe, expect, it } from 'vitest';
import { estimateBytes } from './value-size';

describe('estimateBytes', () => {
  it('counts numbers, strings and buffers', () => {
    expect(estimateBytes(1)).toBe(8);
    expect(estimateBytes('abcd')).toBe(16 + 8);
    expect(estimateBytes(new Float64Array(1000))).toBe(8000);
    expect(estimateBytes(new ArrayBuffer(12))).toBe(12);
    expect(estimateBytes(undefined)).toBe(0);
  });

  it('grows with what an array holds, and samples a large one', () => {
    const small = estimateBytes(Array.from({ length: 10 }, (_, i) => i));
    const large = estimateBytes(Array.from({ length: 1_000_000 }, (_, i) => i));
    expect(small).toBe(16 + 10 * (8 + 8));
    expect(large).toBe(16 + 1_000_000 * (8 + 8));
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ id: i, name: `row ${i}` }));
    expect(estimateBytes(rows)).toBeGreaterThan(100_000 * 50);
    expect(estimateBytes(rows)).toBeLessThan(100_000 * 200);
  });

  it('survives cycles and deep nesting', () => {
    const a: Record<string, unknown> = { n: 1 };
    a.self = a;
    expect(estimateBytes(a)).toBeGreaterThan(0);
    let deep: unknown = 1;
    for (let i = 0; i < 10_000; i++) deep = [deep];
    expect(estimateBytes(deep)).toBeLessThan(1000);
    expect(estimateBytes(new Map([['k', 'v']]))).toBeGreaterThan(16);
  });
});
