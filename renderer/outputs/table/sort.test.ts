import { describe, expect, it } from 'vitest';
import { nextSort, sortRows } from './sort';
import type { Column } from './table-model';

const col = (name: string, index = 0): Column => ({
  name,
  type: 'any',
  label: 'any',
  index,
  numeric: false,
});
const values = (rows: { v: unknown }[], order: number[]) => order.map((i) => rows[i].v);

describe('sortRows', () => {
  const numbers = [{ v: 10 }, { v: null }, { v: 2 }, { v: -1.5 }, { v: undefined }, { v: 2 }];

  it('sorts numbers numerically with nulls last in both directions', () => {
    expect(values(numbers, sortRows(numbers, col('v'), 'asc'))).toEqual([
      -1.5,
      2,
      2,
      10,
      null,
      undefined,
    ]);
    expect(values(numbers, sortRows(numbers, col('v'), 'desc'))).toEqual([
      10,
      2,
      2,
      -1.5,
      null,
      undefined,
    ]);
  });

  it('is stable and returns the original order when unsorted', () => {
    expect(sortRows(numbers, col('v'), 'asc').slice(1, 3)).toEqual([2, 5]);
    expect(sortRows(numbers, col('v'), null)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('sorts strings with numeric collation', () => {
    const rows = [{ v: 'x10' }, { v: 'x9' }, { v: 'b' }, { v: null }, { v: 'A' }];
    expect(values(rows, sortRows(rows, col('v'), 'asc'))).toEqual(['A', 'b', 'x9', 'x10', null]);
  });

  it('orders mixed kinds numbers, booleans, text, and sorts array rows', () => {
    const rows = [{ v: 'a' }, { v: true }, { v: 3 }, { v: false }, { v: NaN }];
    expect(values(rows, sortRows(rows, col('v'), 'asc'))).toEqual([3, false, true, 'a', NaN]);
    expect(
      sortRows(
        [
          [0, 'b'],
          [0, 'a'],
        ],
        col('x', 1),
        'asc',
      ),
    ).toEqual([1, 0]);
  });
});

describe('nextSort', () => {
  it('cycles asc, desc, none and restarts on another column', () => {
    const asc = nextSort(null, 2);
    expect(asc).toEqual({ column: 2, direction: 'asc' });
    const desc = nextSort(asc, 2);
    expect(desc).toEqual({ column: 2, direction: 'desc' });
    expect(nextSort(desc, 2)).toBeNull();
    expect(nextSort(desc, 0)).toEqual({ column: 0, direction: 'asc' });
  });
});
