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

describe('sortRows', () => {
  it('sorts object rows by the column’s value, and keeps the order when unsorted', () => {
    const rows = [{ v: 10 }, { v: null }, { v: 2 }];
    expect(Array.from(sortRows(rows, col('v'), 'asc'))).toEqual([2, 0, 1]);
    expect(Array.from(sortRows(rows, col('v'), 'desc'))).toEqual([0, 2, 1]);
    expect(sortRows(rows, col('v'), null)).toEqual([0, 1, 2]);
  });

  it('sorts array rows by position', () => {
    const rows = [
      [0, 'b'],
      [0, 'a'],
    ];
    expect(Array.from(sortRows(rows, col('x', 1), 'asc'))).toEqual([1, 0]);
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
