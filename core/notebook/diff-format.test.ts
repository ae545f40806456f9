import { describe, expect, it } from 'vitest';
import { MIME, type Output } from '../outputs';
import { DEFAULT_TOLERANCE, diffNotebooks, formatCellDiff, formatNotebookDiff } from './diff';
import { createNotebook, type Cell } from './model';
import { withRunRecord } from './run-record';

const names = { baseline: 'a.ipynb', current: 'b.ipynb' };

function code(id: string, outputs: Output[], source = 'x'): Cell {
  return { cell_type: 'code', id, source, metadata: {}, outputs, executionCount: 1, extra: {} };
}

function tableOutput(rates: number[], total = rates.length): Output {
  return {
    output_type: 'execute_result',
    execution_count: 1,
    metadata: {},
    data: {
      [MIME.table]: {
        schema: { fields: [{ name: 'rate', type: 'number' }] },
        data: rates.map((rate) => ({ rate })),
        quarry: { total_rows: total, source_types: ['Float64'] },
      },
    },
  };
}

const stdout = (text: string): Output => ({ output_type: 'stream', name: 'stdout', text });

describe('formatNotebookDiff', () => {
  it('says "no differences" for the same notebooks', () => {
    const nb = createNotebook([code('a', [stdout('1')])]);
    expect(formatNotebookDiff(diffNotebooks(nb, nb, DEFAULT_TOLERANCE), names)).toBe(
      'Compared b.ipynb with a.ipynb (rtol 1e-9, atol 1e-12)\nno differences',
    );
  });

  it('writes one line per differing cell, details indented, and the count last', () => {
    const uuid = '0f8fad5b-d9cb-469f-a165-70867728950e';
    const rates = Array.from({ length: 12 }, (_, i) => 0.5 + i / 100);
    const changed = [...rates];
    changed[2] = 0.541;
    changed[5] = 0.5555;
    changed[9] = 0.589;
    const a = createNotebook([
      code('intro', [stdout('ok\n')]),
      code(uuid, [tableOutput(rates, 500)]),
      code('log', [stdout('a\nb 1\nc\n')]),
      code('gone', []),
    ]);
    const b = createNotebook([
      code('intro', [stdout('ok\n')], 'y'),
      code(uuid, [tableOutput(changed, 500)]),
      code('log', [stdout('a\nb 2\nc\n')]),
    ]);
    a.metadata = withRunRecord(a.metadata, { parameters: { n: 1 } });
    b.metadata = withRunRecord(b.metadata, { parameters: { n: 2, region: 'eu' } });
    expect(formatNotebookDiff(diffNotebooks(a, b, DEFAULT_TOLERANCE), names).split('\n')).toEqual([
      'Compared b.ipynb with a.ipynb (rtol 1e-9, atol 1e-12)',
      'parameters: n 1 → 2, region (not set) → "eu"',
      'cell 1 (id intro): source edited, outputs the same (note)',
      'cell 2 (id 0f8fad5b…): table: 3 of 12 values changed, max |Δ| 0.021 (rel 4%)',
      '    values compared in the first 12 rows, which both outputs hold',
      '    row 3, rate: 0.52 → 0.541',
      '    row 6, rate: 0.55 → 0.5555',
      '    row 10, rate: 0.59 → 0.589',
      'cell 3 (id log): stdout: 1 line changed',
      '    at line 2 (baseline line 2):',
      '    - b 1',
      '    + b 2',
      'baseline cell 4 (id gone): removed TypeScript cell',
      '3 of 4 cells differ',
    ]);
  });

  it('summarises schema, row count, chart, error and output changes on the cell line', () => {
    const field = (name: string, type: string) => ({ name, type });
    const t = (fields: { name: string; type: string }[], total: number): Output => ({
      output_type: 'display_data',
      metadata: {},
      data: { [MIME.table]: { schema: { fields }, data: [], quarry: { total_rows: total } } },
    });
    const chart = (y: number[]): Output => ({
      output_type: 'display_data',
      metadata: {},
      data: { [MIME.plotly]: { data: [{ type: 'bar', y }], layout: {} } },
    });
    const error: Output = { output_type: 'error', ename: 'Error', evalue: 'boom', traceback: [] };
    const a = createNotebook([
      code('t', [t([field('a', 'integer'), field('b', 'number')], 10)]),
      code('c', [chart([1, 2])]),
      code('e', [error]),
    ]);
    const b = createNotebook([
      code('t', [t([field('a', 'number'), field('c', 'string')], 12)]),
      code('c', [chart([1, 3, 4]), stdout('')]),
      code('e', [chart([1])]),
    ]);
    const lines = formatNotebookDiff(diffNotebooks(a, b, DEFAULT_TOLERANCE), names).split('\n');
    expect(lines).toContain(
      'cell 1 (id t): table: schema +c, −b, a integer → number, rows 10 → 12',
    );
    expect(lines).toContain(
      'cell 2 (id c): chart: trace 1 y length 2 → 3, 1 of 2 values changed in trace 1 y, max |Δ| 1 (rel 50%)',
    );
    expect(lines).toContain('    trace 1 point 2, y: 2 → 3');
    expect(lines).toContain('cell 3 (id e): error: Error: boom → (none); output 1 added (a chart)');
  });

  it("sums a chart's traces on its line and shows the first few points in all", () => {
    const chart = (shift: number): Output => ({
      output_type: 'display_data',
      metadata: {},
      data: {
        [MIME.plotly]: {
          data: [1, 2, 3].map((t) => ({
            type: 'bar',
            name: `t${t}`,
            y: [1, 2, 3, 4].map((y) => y * t + shift),
          })),
          layout: {},
        },
      },
    });
    const a = createNotebook([code('c', [chart(0)])]);
    const b = createNotebook([code('c', [chart(0.5)])]);
    const lines = formatNotebookDiff(diffNotebooks(a, b, DEFAULT_TOLERANCE), names).split('\n');
    expect(lines.slice(1)).toEqual([
      'cell 1 (id c): chart: 12 of 12 values changed in 3 traces, max |Δ| 0.5 (rel 50%)',
      '    trace 1 point 1, y: 1 → 1.5',
      '    trace 1 point 2, y: 2 → 2.5',
      '    trace 1 point 3, y: 3 → 3.5',
      '    trace 1 point 4, y: 4 → 4.5',
      '    trace 2 point 1, y: 2 → 2.5',
      '    … 7 more',
      '1 of 1 cells differ',
    ]);
  });

  it('says which output the details are about when a cell has several changes', () => {
    const a = createNotebook([code('m', [stdout('n 1\n'), tableOutput([1, 2])])]);
    const b = createNotebook([code('m', [stdout('n 2\n'), tableOutput([1, 3])])]);
    const lines = formatNotebookDiff(diffNotebooks(a, b, DEFAULT_TOLERANCE), names).split('\n');
    expect(lines.slice(1, -1)).toEqual([
      'cell 1 (id m): stdout: 1 line changed; table: 1 of 2 values changed, max |Δ| 1 (rel 50%)',
      '  stdout:',
      '    at line 1 (baseline line 1):',
      '    - n 1',
      '    + n 2',
      '  output 2 (table):',
      '    row 2, rate: 2 → 3',
    ]);
    const [cell] = diffNotebooks(a, b, DEFAULT_TOLERANCE).cells;
    expect(formatCellDiff(cell)).toEqual({
      title: 'cell 1 (id m)',
      summary: 'stdout: 1 line changed; table: 1 of 2 values changed, max |Δ| 1 (rel 50%)',
      details: lines.slice(2, -1),
    });
  });
});
