import { describe, expect, it } from 'vitest';
import { cellOf, parseTable, shapeNote } from './table-model';

describe('parseTable', () => {
  it('reads the kernel bundle, preferring source types for the header', () => {
    const table = parseTable({
      schema: {
        fields: [
          { name: 'id', type: 'integer' },
          { name: 's', type: 'string' },
        ],
      },
      data: [{ id: 1, s: 'a' }],
      quarry: { total_rows: 1000, source_types: ['Int32', ''] },
    });
    expect(table?.columns.map((c) => [c.name, c.label, c.numeric])).toEqual([
      ['id', 'Int32', true],
      ['s', 'string', false],
    ]);
    expect(table?.totalRows).toBe(1000);
    expect(table?.resultId).toBeNull();
    expect(table && shapeNote(table)).toBe('1,000 rows × 2 columns (first 1 shown)');
    expect(table && shapeNote(table, 1000)).toBe('1,000 rows × 2 columns');
  });

  it('reads the name the kernel keeps the result under', () => {
    const kept = parseTable({
      schema: { fields: [] },
      data: [],
      quarry: { total_rows: 10, result_id: 'k1-2' },
    });
    expect(kept?.resultId).toBe('k1-2');
    const odd = parseTable({ schema: { fields: [] }, data: [], quarry: { result_id: 7 } });
    expect(odd?.resultId).toBeNull();
  });

  it('rejects malformed bundles and distrusts impossible totals', () => {
    expect(parseTable({ schema: { fields: [{ type: 'x' }] }, data: [] })).toBeNull();
    expect(parseTable({ schema: {}, data: [] })).toBeNull();
    expect(parseTable(null)).toBeNull();
    const t = parseTable({ schema: { fields: [] }, data: [{}, {}], quarry: { total_rows: 1 } });
    expect(t?.totalRows).toBe(2);
    expect(t && shapeNote(t)).toBe('2 rows × 0 columns');
  });

  it('reads object and array rows', () => {
    const t = parseTable({ schema: { fields: [{ name: 'a' }, { name: 'b' }] }, data: [] });
    const b = t!.columns[1];
    expect(cellOf({ a: 1, b: 2 }, b)).toBe(2);
    expect(cellOf([1, 3], b)).toBe(3);
    expect(cellOf(7, b)).toBeUndefined();
    expect(b.type).toBe('any');
  });
});
