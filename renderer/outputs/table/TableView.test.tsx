// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { TablePage, TableRowsQuery } from '../../../core/protocol';
import { sortOrder } from '../../../core/table-order';
import { parseTable } from './table-model';
import { TableRowsContext } from './table-rows-context';
import { TableView } from './TableView';

const TOTAL = 100_000;
const value = (i: number) => (i * 7919) % 100_003;
const all = Array.from({ length: TOTAL }, (_, i) => ({ i, v: value(i) }));

/** The bundle of the 100k-row result, as the kernel sends it: its first 500 rows. */
function bundle(resultId: string | null) {
  return parseTable({
    schema: {
      fields: [
        { name: 'i', type: 'number' },
        { name: 'v', type: 'number' },
      ],
    },
    data: all.slice(0, 500),
    quarry: { total_rows: TOTAL, ...(resultId ? { result_id: resultId } : {}) },
  })!;
}

/** A kernel that keeps the result (or nothing, with `keeps: false`) and sorts it whole. */
function kernel(keeps = true) {
  const queries: TableRowsQuery[] = [];
  const fetch = async (query: TableRowsQuery): Promise<TablePage | null> => {
    queries.push(query);
    if (!keeps) return null;
    const { sort, offset, limit } = query;
    const order = sort
      ? Array.from(
          sortOrder(
            all.map((row) => (sort.column === 0 ? row.i : row.v)),
            sort.direction,
          ),
        )
      : all.map((_, i) => i);
    const indices = order.slice(offset, offset + limit);
    return { offset, rows: indices.map((i) => all[i]), indices };
  };
  return { fetch, queries };
}

const firstRow = () => {
  const rows = screen.getAllByRole('row');
  return rows[1].textContent;
};
const header = (name: string) => screen.getByRole('columnheader', { name: new RegExp(name) });
const settle = () => act(() => new Promise((resolve) => setTimeout(resolve, 10)));

afterEach(cleanup);

describe('TableView of a result the kernel keeps', () => {
  it('sorts the whole result in the kernel: descending shows the maximum of all rows', async () => {
    const k = kernel();
    render(
      <TableRowsContext.Provider value={k.fetch}>
        <TableView table={bundle('k-1')} />
      </TableRowsContext.Provider>,
    );
    expect(firstRow()).toBe('100');
    fireEvent.click(within(header('^v')).getByRole('button'));
    await settle();
    expect(header('^v').getAttribute('aria-sort')).toBe('ascending');
    fireEvent.click(within(header('^v')).getByRole('button'));
    await settle();
    expect(header('^v').getAttribute('aria-sort')).toBe('descending');
    // Row 52,686 (i = 52685) holds 100002, the maximum; the first 500 rows reach only 99798.
    expect(firstRow()).toBe('5268652685100002');
    expect(k.queries.at(-1)).toEqual({
      resultId: 'k-1',
      offset: 0,
      limit: 200,
      sort: { column: 1, direction: 'desc' },
    });
    expect(screen.queryByRole('note')).toBeNull();
    expect(screen.getByText('100,000 rows × 2 columns')).toBeTruthy();
  });

  it('sorts the saved rows and says so when the kernel no longer keeps the result', async () => {
    const k = kernel(false);
    render(
      <TableRowsContext.Provider value={k.fetch}>
        <TableView table={bundle('k-old')} />
      </TableRowsContext.Provider>,
    );
    fireEvent.click(within(header('^v')).getByRole('button'));
    fireEvent.click(within(header('^v')).getByRole('button'));
    await settle();
    expect(screen.getByRole('note').textContent).toContain('Sorted the 500 saved rows only');
    expect(header('^v').getAttribute('aria-sort')).toBe('descending');
    const max = Math.max(...all.slice(0, 500).map((row) => row.v));
    expect(firstRow()).toMatch(new RegExp(`${max}$`));
    expect(screen.getByText('100,000 rows × 2 columns (first 500 shown)')).toBeTruthy();
  });

  it('a table from a file sorts its saved rows without asking', () => {
    const k = kernel();
    render(
      <TableRowsContext.Provider value={k.fetch}>
        <TableView table={bundle(null)} />
      </TableRowsContext.Provider>,
    );
    fireEvent.click(within(header('^i')).getByRole('button'));
    fireEvent.click(within(header('^i')).getByRole('button'));
    expect(firstRow()).toBe('500499' + String(value(499)));
    expect(screen.getByRole('note').textContent).toContain('no longer holds all 100,000');
    expect(k.queries).toEqual([]);
  });
});
