import { describe, expect, it } from 'vitest';
import { createCodeCell, createNotebook } from './model';
import { FILE_TABLE_ROWS } from '../table-resource';
import { trimOutputsForFile } from './file-outputs';

describe('trimOutputsForFile', () => {
  it('keeps the first 500 rows of a table, its schema and total, and leaves the rest alone', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => ({ i }));
    const table = {
      schema: { fields: [{ name: 'i', type: 'integer' }] },
      data: rows,
      quarry: { total_rows: 100_000 },
    };
    const cell = {
      ...createCodeCell('x'),
      outputs: [
        {
          output_type: 'execute_result' as const,
          data: { 'application/vnd.dataresource+json': table, 'text/plain': 'x' },
          metadata: {},
          execution_count: 1,
        },
        { output_type: 'stream' as const, name: 'stdout' as const, text: 'hi' },
      ],
    };
    const small = createCodeCell('y');
    const notebook = createNotebook([cell, small]);
    const trimmed = trimOutputsForFile(notebook);
    const kept = trimmed.cells[0].cell_type === 'code' ? trimmed.cells[0].outputs[0] : null;
    expect(
      kept?.output_type === 'execute_result' && kept.data['application/vnd.dataresource+json'],
    ).toEqual({ ...table, data: rows.slice(0, FILE_TABLE_ROWS) });
    expect(trimmed.cells[1]).toBe(small);
    expect(notebook.cells[0]).toBe(cell);
    expect(trimOutputsForFile(trimmed)).toBe(trimmed);
  });

  it('leaves out the name the kernel kept a table under', () => {
    const table = {
      schema: { fields: [{ name: 'i', type: 'integer' }] },
      data: [{ i: 1 }],
      quarry: { total_rows: 1, result_id: 'k7-3' },
    };
    const cell = {
      ...createCodeCell('x'),
      outputs: [
        {
          output_type: 'display_data' as const,
          data: { 'application/vnd.dataresource+json': table },
          metadata: {},
        },
      ],
    };
    const trimmed = trimOutputsForFile(createNotebook([cell]));
    const kept = trimmed.cells[0].cell_type === 'code' ? trimmed.cells[0].outputs[0] : null;
    expect(
      kept?.output_type === 'display_data' && kept.data['application/vnd.dataresource+json'],
    ).toEqual({ ...table, quarry: { total_rows: 1 } });
  });
});
