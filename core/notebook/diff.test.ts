import { describe, expect, it } from 'vitest';
import type { Output } from '../outputs';
import { DEFAULT_TOLERANCE, diffNotebooks } from './diff';
import { createNotebook, type Cell, type Notebook } from './model';
import { withRunRecord } from './run-record';

const tol = DEFAULT_TOLERANCE;
const out = (text: string): Output[] => [{ output_type: 'stream', name: 'stdout', text }];

function code(id: string, text: string, tags: string[] = [], source = `print ${id}`): Cell {
  return {
    cell_type: 'code',
    id,
    source,
    metadata: tags.length > 0 ? { tags } : {},
    outputs: out(text),
    executionCount: 1,
    extra: {},
  };
}

function markdown(id: string, source: string): Cell {
  return { cell_type: 'markdown', id, source, metadata: {}, extra: {} };
}

const notebook = (cells: Cell[]): Notebook => createNotebook(cells);

describe('diffNotebooks', () => {
  it('finds no difference between a notebook and itself', () => {
    const nb = notebook([markdown('m', '# T'), code('a', '1\n'), code('b', '2\n')]);
    expect(diffNotebooks(nb, structuredClone(nb), tol)).toEqual({
      format: 1,
      tolerance: tol,
      same: true,
      cellsCompared: 3,
      cellsDiffering: 0,
      parameters: { baseline: null, current: null, changed: [] },
      cells: [],
    });
  });

  it('names a changed cell by its 1-based number among all cells and its id', () => {
    const a = notebook([markdown('m', '# T'), code('a', '1\n'), code('b', '2\n')]);
    const b = notebook([markdown('m', '# T'), code('a', '1\n'), code('b', '3\n')]);
    const diff = diffNotebooks(a, b, tol);
    expect(diff.same).toBe(false);
    expect(diff.cellsDiffering).toBe(1);
    expect(diff.cells).toMatchObject([
      {
        status: 'changed',
        differs: true,
        number: 3,
        baselineNumber: 3,
        id: 'b',
        baselineId: 'b',
        kind: 'typescript',
        sourceChanged: false,
      },
    ]);
    expect(diff.cells[0].outputs).toMatchObject([{ kind: 'text', what: 'stdout' }]);
  });

  it('matches cells by id when they moved, and reports code cells added and removed', () => {
    const a = notebook([code('a', '1'), code('gone', 'g'), code('b', '2')]);
    const b = notebook([code('b', '2'), code('new', 'n'), code('a', '1')]);
    const diff = diffNotebooks(a, b, tol);
    expect(diff.cells.map((c) => [c.status, c.id, c.number, c.baselineNumber, c.differs])).toEqual([
      ['added', 'new', 2, null, true],
      ['removed', 'gone', null, 2, true],
    ]);
    expect(diff.cellsCompared).toBe(4);
    expect(diff.cellsDiffering).toBe(2);
  });

  it('pairs cells without a counterpart id by position between the cells matched by id', () => {
    // Another tool gave cells 2 and 3 new ids; cell 4 is new markdown.
    const a = notebook([code('a', '1'), code('x1', 'p'), markdown('x2', 'q'), code('z', '9')]);
    const b = notebook([
      code('a', '1'),
      code('y1', 'P'),
      markdown('y2', 'q'),
      markdown('y3', 'r'),
      code('z', '9'),
    ]);
    const diff = diffNotebooks(a, b, tol);
    expect(diff.cells.map((c) => [c.status, c.id, c.baselineId, c.number, c.differs])).toEqual([
      ['changed', 'y1', 'x1', 2, true],
      ['added', 'y3', null, 4, false],
    ]);
    expect(diff.same).toBe(false);
    expect(diff.cellsDiffering).toBe(1);
  });

  it('reports an edited source and prose added as notes, not differences', () => {
    const a = notebook([code('a', '1', [], 'log(1)'), markdown('m', 'old')]);
    const b = notebook([
      code('a', '1', [], 'log( 1 )'),
      markdown('m', 'new'),
      markdown('n', 'more'),
    ]);
    const diff = diffNotebooks(a, b, tol);
    expect(diff.same).toBe(true);
    expect(diff.cells.map((c) => [c.status, c.id, c.differs, c.sourceChanged])).toEqual([
      ['edited', 'a', false, true],
      ['edited', 'm', false, true],
      ['added', 'n', false, false],
    ]);
  });

  it("skips cells tagged injected-parameters and reports the run's parameters instead", () => {
    const a = notebook([code('p', '', ['parameters']), code('r', 'n=1')]);
    a.metadata = withRunRecord(a.metadata, { parameters: { n: 1, region: 'eu' } });
    const b = notebook([
      code('p', '', ['parameters']),
      code('inj', 'anything', ['injected-parameters'], 'const n = 2;'),
      code('r', 'n=1'),
    ]);
    b.metadata = withRunRecord(b.metadata, { parameters: { n: 2, region: 'eu', extra: null } });
    const diff = diffNotebooks(a, b, tol);
    expect(diff.same).toBe(true);
    expect(diff.cellsCompared).toBe(2);
    expect(diff.cells).toEqual([]);
    expect(diff.parameters).toEqual({
      baseline: { n: 1, region: 'eu' },
      current: { n: 2, region: 'eu', extra: null },
      changed: ['extra', 'n'],
    });
  });

  it('numbers cells after an injected cell by their position among all cells', () => {
    const a = notebook([code('p', '', ['parameters']), code('r', '1')]);
    const b = notebook([
      code('p', '', ['parameters']),
      code('inj', '', ['injected-parameters']),
      code('r', '2'),
    ]);
    expect(diffNotebooks(a, b, tol).cells).toMatchObject([
      { id: 'r', number: 3, baselineNumber: 2 },
    ]);
  });

  it('is JSON-safe: it survives JSON and back unchanged', () => {
    const a = notebook([code('a', 'x 1\n'), code('gone', '')]);
    const b = notebook([code('a', 'x 2\n')]);
    const diff = diffNotebooks(a, b, tol);
    expect(JSON.parse(JSON.stringify(diff))).toEqual(diff);
  });
});
