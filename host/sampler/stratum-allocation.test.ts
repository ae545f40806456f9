import { describe, expect, it } from 'vitest';
import { allocateStrata, type StratumCount } from './stratum-allocation';

const strata = (...sizes: number[]): StratumCount[] =>
  sizes.map((rows, i) => ({ value: i === sizes.length - 1 ? null : `s${i}`, rows }));
const rowsOf = (quotas: { rows: number }[]) => quotas.map((q) => q.rows);
const total = (rows: number) => ({ kind: 'rows' as const, rows });

describe('allocateStrata', () => {
  it('shares a total in proportion, rounding by largest remainder to exactly N', () => {
    const quotas = allocateStrata(strata(500, 300, 200), total(10), {
      column: 'c',
      perStratum: null,
      floor: 0,
    });
    expect(rowsOf(quotas)).toEqual([5, 3, 2]);
    // 1/3 each of 10: the remainders tie, so the first strata get the spare rows.
    const noFloor = { column: 'c', perStratum: null, floor: 0 };
    expect(rowsOf(allocateStrata(strata(30, 30, 30), total(10), noFloor))).toEqual([4, 3, 3]);
    // Capped: the source has only 9 rows.
    expect(rowsOf(allocateStrata(strata(3, 3, 3), total(10), noFloor))).toEqual([3, 3, 3]);
  });

  it('keeps a rare stratum whole below the floor and shares the rest in proportion', () => {
    const quotas = allocateStrata(strata(1_000_000, 500_000, 3), total(1000), {
      column: 'c',
      perStratum: null,
      floor: 10,
    });
    expect(rowsOf(quotas)).toEqual([665, 332, 3]);
    expect(quotas[2]).toEqual({ value: null, sourceRows: 3, rows: 3 });
  });

  it('raises small strata to the floor and takes those rows from the others', () => {
    const quotas = allocateStrata(strata(10_000, 100, 100), total(100), {
      column: 'c',
      perStratum: null,
      floor: 10,
    });
    expect(rowsOf(quotas)).toEqual([80, 10, 10]);
  });

  it('gives every stratum its floor when the floors exceed N', () => {
    const quotas = allocateStrata(strata(100, 100, 100, 100), total(20), {
      column: 'c',
      perStratum: null,
      floor: 10,
    });
    expect(rowsOf(quotas)).toEqual([10, 10, 10, 10]);
  });

  it('takes every row when N is at least the source', () => {
    expect(
      rowsOf(allocateStrata(strata(5, 7), total(100), { column: 'c', perStratum: null, floor: 2 })),
    ).toEqual([5, 7]);
  });

  it('takes min(perStratum, size) per stratum', () => {
    const quotas = allocateStrata(strata(1000, 50, 5), total(1), {
      column: 'c',
      perStratum: 100,
      floor: 10,
    });
    expect(rowsOf(quotas)).toEqual([100, 50, 5]);
  });

  it('applies a fraction in each stratum, with the floor', () => {
    const quotas = allocateStrata(
      strata(1000, 50, 5),
      { kind: 'fraction', fraction: 0.1 },
      {
        column: 'c',
        perStratum: null,
        floor: 10,
      },
    );
    expect(rowsOf(quotas)).toEqual([100, 10, 5]);
  });

  it('is exact for sizes beyond 2^53 when multiplied', () => {
    const quotas = allocateStrata(
      strata(4_000_000_000, 3_000_000_001, 2_999_999_999),
      total(1_000_000_000),
      {
        column: 'c',
        perStratum: null,
        floor: 0,
      },
    );
    expect(rowsOf(quotas).reduce((a, b) => a + b)).toBe(1_000_000_000);
    expect(rowsOf(quotas)).toEqual([400_000_000, 300_000_000, 300_000_000]);
  });
});
