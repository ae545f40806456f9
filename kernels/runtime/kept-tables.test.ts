import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MimeBundle } from '../../core/outputs';
import type { TableSource } from '../display/table-source';
import { executeResult, startTestKernel, type TestKernel } from '../../test/kernel-harness';
import { KEPT_TABLE_LIMITS, KeptTables } from './kept-tables';

let k: TestKernel;
beforeAll(async () => {
  k = await startTestKernel({ keepTables: true });
});
afterAll(() => k.dispose());

const QUERY = '%%sql\nselect range as i, (range * 7919) % 100003 as v from range(100000)';

/** The name the kernel keeps a shown table under. */
function resultId(data: MimeBundle | undefined): string {
  const table = data?.['application/vnd.dataresource+json'] as { quarry: { result_id?: string } };
  if (!table.quarry.result_id) throw new Error('the table is not kept');
  return table.quarry.result_id;
}

/** A table of `rows` numbers in a column `v`, as kept-table tests need it. */
function numbers(values: number[], bytes = 0): TableSource {
  return {
    fields: [{ name: 'v', type: 'number', sourceType: 'Float64' }],
    numRows: values.length,
    bytes,
    rows: (indices) => Array.from(indices, (i) => ({ v: values[i] })),
    column: () => values,
  };
}

describe('tables the kernel keeps', () => {
  it('sorts a whole 100,000-row result, not the 500 rows its bundle carries', async () => {
    const reply = await k.run(QUERY, undefined, 'cell-a');
    const data = executeResult(reply)?.data;
    const table = data?.['application/vnd.dataresource+json'] as { data: unknown[] };
    expect(table.data).toHaveLength(500);
    const id = resultId(data);
    const desc = k.kernel.tableRows({
      resultId: id,
      offset: 0,
      limit: 3,
      sort: { column: 1, direction: 'desc' },
    });
    // (i * 7919) % 100003 is 100002 at i = 52685; the first 500 rows reach only 99798.
    expect(desc).toEqual({
      offset: 0,
      rows: [
        { i: 52685, v: 100002 },
        { i: 5367, v: 100001 },
        { i: 58052, v: 100000 },
      ],
      indices: [52685, 5367, 58052],
    });
    const asc = k.kernel.tableRows({
      resultId: id,
      offset: 99_998,
      limit: 10,
      sort: { column: 1, direction: 'asc' },
    });
    expect(asc?.rows.map((r) => r.v)).toEqual([100001, 100002]);
    const plain = k.kernel.tableRows({ resultId: id, offset: 600, limit: 2, sort: null });
    expect(plain).toEqual({
      offset: 600,
      rows: [
        { i: 600, v: (600 * 7919) % 100003 },
        { i: 601, v: (601 * 7919) % 100003 },
      ],
      indices: [600, 601],
    });
  });

  it('keeps frames, Arrow tables and displayed results too', async () => {
    const reply = await k.run(
      [
        'const r = await sql`select range as n from range(1000)`',
        'display(r.toArrow())',
        'r.toDataFrame()',
      ].join('\n'),
      undefined,
      'cell-b',
    );
    const shown = reply.outputs.flatMap((o) =>
      o.output_type === 'display_data' || o.output_type === 'execute_result' ? [o.data] : [],
    );
    expect(shown).toHaveLength(2);
    for (const data of shown) {
      const page = k.kernel.tableRows({
        resultId: resultId(data),
        offset: 0,
        limit: 1,
        sort: { column: 0, direction: 'desc' },
      });
      expect(page?.rows).toEqual([{ n: 999 }]);
    }
  });

  it('lets go of a cell’s tables when the cell runs again', async () => {
    const first = resultId(executeResult(await k.run(QUERY, undefined, 'cell-c'))?.data);
    const query = { resultId: first, offset: 0, limit: 1, sort: null };
    expect(k.kernel.tableRows(query)).not.toBeNull();
    const second = resultId(executeResult(await k.run(QUERY, undefined, 'cell-c'))?.data);
    expect(second).not.toBe(first);
    expect(k.kernel.tableRows(query)).toBeNull();
    expect(k.kernel.tableRows({ ...query, resultId: second })).not.toBeNull();
  });

  it('a headless kernel keeps nothing and names no table', async () => {
    const headless = await startTestKernel();
    try {
      const data = executeResult(await headless.run(QUERY))?.data;
      const table = data?.['application/vnd.dataresource+json'] as { quarry: object };
      expect(table.quarry).not.toHaveProperty('result_id');
    } finally {
      headless.dispose();
    }
  });
});

describe('KeptTables', () => {
  it('lets go of the least recently used tables past its limits, never the newest', () => {
    const kept = new KeptTables({ tables: 2, bytes: 1000 });
    const a = kept.keep(numbers([1]), 'x');
    const b = kept.keep(numbers([2]), 'y');
    const page = (resultId: string) => kept.page({ resultId, offset: 0, limit: 1, sort: null });
    expect(page(a)).not.toBeNull(); // now b is the least recently used
    const c = kept.keep(numbers([3]), 'z');
    expect([page(a), page(b), page(c)].map((p) => p?.rows[0]?.v ?? null)).toEqual([1, null, 3]);
    const huge = kept.keep(numbers([4], 5000), 'w');
    expect(page(huge)?.rows).toEqual([{ v: 4 }]);
    expect(page(a)).toBeNull();
  });

  it('clamps a query to the table and to a page of rows', () => {
    const kept = new KeptTables();
    const id = kept.keep(numbers(Array.from({ length: 5000 }, (_, i) => i)), 'x');
    const page = kept.page({ resultId: id, offset: 0, limit: 10_000, sort: null });
    expect(page?.rows).toHaveLength(KEPT_TABLE_LIMITS.pageRows);
    expect(kept.page({ resultId: id, offset: 9000, limit: 10, sort: null })).toEqual({
      offset: 5000,
      rows: [],
      indices: [],
    });
    const other = new KeptTables();
    expect(other.page({ resultId: id, offset: 0, limit: 1, sort: null })).toBeNull();
  });
});
