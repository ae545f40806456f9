import { describe, expect, it } from 'vitest';
import { MIME, type DisplayDataOutput, type Output } from '../outputs';
import { DEFAULT_TOLERANCE, diffOutputs } from './diff';

const tol = DEFAULT_TOLERANCE;
const stdout = (text: string): Output => ({ output_type: 'stream', name: 'stdout', text });
const result = (data: Record<string, unknown>, count: number | null = 1): Output => ({
  output_type: 'execute_result',
  data,
  metadata: {},
  execution_count: count,
});
const display = (data: Record<string, unknown>, metadata = {}): DisplayDataOutput => ({
  output_type: 'display_data',
  data,
  metadata,
});
const table = (rate: number, html: string) => ({
  [MIME.table]: {
    schema: { fields: [{ name: 'rate', type: 'number' }] },
    data: [{ rate }],
    quarry: { total_rows: 1, source_types: ['Float64'] },
  },
  [MIME.html]: html,
  [MIME.text]: `rate\n${rate}`,
});

describe('diffOutputs', () => {
  it('is empty for the same outputs, whatever their execution counts, metadata and display ids', () => {
    const a = [stdout('hi\n'), result({ [MIME.text]: '2' }, 3)];
    const b: Output[] = [stdout('hi\n'), result({ [MIME.text]: '2' }, 9)];
    expect(diffOutputs(a, b, tol)).toEqual([]);
    const shown = display({ [MIME.text]: 'x' }, { width: 10 });
    const again: Output = { ...display({ [MIME.text]: 'x' }), transient: { display_id: 'd2' } };
    expect(diffOutputs([shown], [again], tol)).toEqual([]);
  });

  it('compares all of stdout as one text, however displays split it', () => {
    const a = [stdout('a\n'), display({ [MIME.text]: 'x' }), stdout('b\n')];
    const b = [stdout('a\nb\n'), display({ [MIME.text]: 'x' })];
    expect(diffOutputs(a, b, tol)).toEqual([]);
    const changed = diffOutputs(a, [stdout('a\nc\n'), display({ [MIME.text]: 'x' })], tol);
    expect(changed).toMatchObject([
      { kind: 'text', what: 'stdout', output: null, linesChanged: 1 },
    ]);
  });

  it('compares a table by its data, not by the renderings beside it', () => {
    expect(
      diffOutputs([result(table(0.5, '<td>0.5</td>'))], [result(table(0.5, '<td>0.50</td>'))], tol),
    ).toEqual([]);
    const [change] = diffOutputs([result(table(0.5, ''))], [result(table(0.6, ''))], tol);
    expect(change).toMatchObject({ kind: 'table', output: 1, values: { changed: 1 } });
  });

  it('compares errors by name and message, not by traceback', () => {
    const error = (evalue: string, traceback: string[]): Output => ({
      output_type: 'error',
      ename: 'Error',
      evalue,
      traceback,
    });
    expect(diffOutputs([error('boom', ['at 1'])], [error('boom', ['at 2'])], tol)).toEqual([]);
    expect(diffOutputs([error('boom', [])], [error('bang', [])], tol)).toEqual([
      {
        kind: 'error',
        output: 1,
        baseline: { ename: 'Error', evalue: 'boom' },
        current: { ename: 'Error', evalue: 'bang' },
      },
    ]);
    expect(diffOutputs([stdout('x')], [stdout('x'), error('new', [])], tol)).toEqual([
      { kind: 'error', output: 2, baseline: null, current: { ename: 'Error', evalue: 'new' } },
    ]);
  });

  it('compares images by their bytes', () => {
    const png = (b64: string) => display({ 'image/png': b64, [MIME.text]: '<Figure>' });
    expect(diffOutputs([png('iVBORw0KGgo=\n')], [png('iVBORw0KGgo=')], tol)).toEqual([]);
    expect(diffOutputs([png('iVBORw0KGgo=')], [png('iVBORw0KGgp=')], tol)).toEqual([
      { kind: 'image', output: 1, mime: 'image/png', baselineBytes: 8, currentBytes: 8 },
    ]);
  });

  it('reports outputs added, removed, or of another kind, by their position', () => {
    const text = result({ [MIME.text]: '1' });
    const chart = display({ [MIME.plotly]: { data: [], layout: {} }, [MIME.text]: '<Figure>' });
    expect(diffOutputs([stdout('s'), text], [stdout('s'), text, chart], tol)).toEqual([
      { kind: 'added', output: 3, what: 'chart' },
    ]);
    expect(diffOutputs([text, chart], [text], tol)).toEqual([
      { kind: 'removed', output: 2, what: 'chart' },
    ]);
    expect(diffOutputs([chart], [text], tol)).toEqual([
      { kind: 'kind', output: 1, baseline: 'chart', current: 'text' },
    ]);
  });

  it('compares HTML and markdown as text and other JSON data with the tolerance', () => {
    expect(
      diffOutputs(
        [display({ [MIME.html]: '<b>1</b>' })],
        [display({ [MIME.html]: '<b>2</b>' })],
        tol,
      ),
    ).toMatchObject([{ kind: 'text', what: MIME.html }]);
    const json = (v: number) => display({ [MIME.json]: { v }, [MIME.text]: `{ v: ${v} }` });
    expect(diffOutputs([json(1)], [json(1 + 1e-15)], tol)).toEqual([]);
    expect(diffOutputs([json(1)], [json(2)], tol)).toEqual([
      { kind: 'data', output: 1, mime: MIME.json },
    ]);
  });
});
