import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NotebookFormatError, parseNotebook, serializeNotebook } from './ipynb';
import { cellKindOf, createCodeCell, createNotebook, isValidCellId, type CodeCell } from './model';

const FIXTURES = new URL('../../test/fixtures/notebooks/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

/** Written by nbformat, the writer behind JupyterLab's save (see make-fixtures.py). */
const JUPYTERLAB_FILES = [
  'python-analysis.ipynb',
  'quarry-tables.ipynb',
  'jupyterlab-new.ipynb',
  'unknown-keys.ipynb',
  'hand-written.expected.ipynb',
];

function errorOf(text: string): NotebookFormatError {
  try {
    parseNotebook(text);
  } catch (error) {
    if (error instanceof NotebookFormatError) return error;
    throw error;
  }
  throw new Error('parseNotebook accepted the text');
}

describe('round trip', () => {
  it.each(JUPYTERLAB_FILES)('%s is written back byte for byte', (name) => {
    const text = fixture(name);
    expect(serializeNotebook(parseNotebook(text))).toBe(text);
  });

  it.each([...JUPYTERLAB_FILES, 'hand-written.ipynb', 'nbformat-4.4-no-ids.ipynb'])(
    '%s reads the same after writing',
    (name) => {
      const first = parseNotebook(fixture(name));
      expect(parseNotebook(serializeNotebook(first))).toEqual(first);
    },
  );

  it('writes a file from another tool exactly as nbformat would', () => {
    const text = serializeNotebook(parseNotebook(fixture('hand-written.ipynb')));
    expect(text).toBe(fixture('hand-written.expected.ipynb'));
  });
});

describe('reading', () => {
  it('joins multi-line text and keeps JSON MIME data as values', () => {
    const nb = parseNotebook(fixture('quarry-tables.ipynb'));
    const sql = nb.cells[2] as CodeCell;
    expect(sql.source).toBe(
      '%%sql top\nSELECT pickup_zone, count(*) AS n, avg(fare) AS avg_fare\nFROM trips\n' +
        'GROUP BY 1\nORDER BY n DESC\nLIMIT 3',
    );
    expect(cellKindOf(sql)).toBe('sql');
    const result = sql.outputs[0];
    expect(result?.output_type).toBe('execute_result');
    if (result?.output_type !== 'execute_result') return;
    expect(result.execution_count).toBe(2);
    expect(result.data['text/plain']).toContain('\n1         JFK  301     52.25\n');
    const table = result.data['application/vnd.dataresource+json'] as { data: unknown[] };
    expect(table.data).toHaveLength(3);
    expect(nb.metadata.kernelspec).toEqual(createNotebook().metadata.kernelspec);
  });

  it('reads every output type of a JupyterLab notebook', () => {
    const nb = parseNotebook(fixture('python-analysis.ipynb'));
    const outputs = nb.cells.flatMap((cell) => (cell.cell_type === 'code' ? cell.outputs : []));
    expect(outputs.map((o) => o.output_type)).toEqual([
      'stream',
      'stream',
      'stream',
      'execute_result',
      'display_data',
      'execute_result',
      'error',
    ]);
    const error = outputs[6];
    if (error?.output_type !== 'error') throw new Error('expected an error output');
    expect(error.traceback[1]?.startsWith('\u001b[0;31mZeroDivisionError')).toBe(true);
    const png = outputs[4];
    if (png?.output_type !== 'display_data') throw new Error('expected display_data');
    expect(png.data['image/png']).toMatch(/^iVBORw0KGgo[A-Za-z0-9+/=]+\n$/);
    const markdown = nb.cells[0];
    expect(markdown?.cell_type === 'markdown' && markdown.attachments).toHaveProperty('chart.png');
    expect(nb.metadata.widgets).toBeDefined();
    expect(nb.cells[4]?.metadata).toEqual({ jupyter: { source_hidden: true }, scrolled: 'auto' });
  });

  it('keeps unknown keys of the file, cells and outputs in extra', () => {
    const nb = parseNotebook(fixture('unknown-keys.ipynb'));
    expect(nb.extra).toEqual({ quarry_future: { layout: 'two-column' } });
    const [code, markdown] = nb.cells as [CodeCell, (typeof nb.cells)[number]];
    expect(code.extra).toEqual({ custom_key: [1, 2, 3] });
    expect(markdown.extra).toEqual({ future_field: { a: 1 } });
    expect(code.outputs[0]?.extra).toEqual({ transient: { display_id: 'abc123' } });
    // "__proto__" is data like any other key, never the object's prototype.
    expect(Object.keys(code.outputs[1]?.extra ?? {})).toEqual(['__proto__']);
  });

  it('gives cells of an nbformat 4.4 file fresh ids and upgrades it to 4.5', () => {
    const nb = parseNotebook(fixture('nbformat-4.4-no-ids.ipynb'));
    expect(nb.nbformatMinor).toBe(5);
    const ids = nb.cells.map((cell) => cell.id);
    expect(ids.every(isValidCellId)).toBe(true);
    expect(new Set(ids).size).toBe(3);
    const written = serializeNotebook(nb);
    expect(written).toContain('"nbformat_minor": 5');
    expect(parseNotebook(written).cells.map((cell) => cell.id)).toEqual(ids);
  });

  it('repairs malformed and repeated ids', () => {
    const cell = (id: string): object => ({ cell_type: 'raw', id, metadata: {}, source: '' });
    const text = JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {},
      cells: [cell('same'), cell('same'), cell('has space')],
    });
    const ids = parseNotebook(text).cells.map((c) => c.id);
    expect(ids[0]).toBe('same');
    expect(new Set(ids).size).toBe(3);
    expect(ids.every(isValidCellId)).toBe(true);
  });
});

describe('malformed files', () => {
  it.each([
    [
      'malformed/trailing-comma.ipynb',
      'invalid JSON at line 5, column 21: trailing comma before "}"',
    ],
    ['malformed/truncated.ipynb', 'invalid JSON at line 10, column 5: unterminated string'],
    ['malformed/not-a-notebook.ipynb', 'not a notebook: top-level "cells" is missing'],
    ['malformed/nbformat-3.ipynb', 'unsupported nbformat 3: only nbformat 4 is supported'],
    ['malformed/numeric-source.ipynb', 'cell 4: "source" must be a string or a list of strings'],
  ])('%s', (name, message) => {
    const error = errorOf(fixture(name));
    expect(error.message).toBe(message);
    expect(error.message).not.toContain('\n');
  });

  const nb = (cells: unknown[]): string =>
    JSON.stringify({ nbformat: 4, nbformat_minor: 5, metadata: {}, cells });

  it.each([
    ['', 'not a notebook: it is empty'],
    ['[1, 2]', 'not a notebook: the top level is a list, not an object'],
    ['{"cells": []}', 'not a notebook: top-level "nbformat" is missing'],
    ['{"cells": {}, "nbformat": 4}', 'top-level "cells" must be a list, not an object'],
    ['{\n  "cells": [\n    NaN\n  ]\n}', 'invalid JSON at line 3, column 5: unexpected "NaN"'],
    [nb([{ cell_type: 'heading', source: '' }]), 'cell 1: unknown cell_type "heading"'],
    [nb([{ cell_type: 'code', metadata: {} }]), 'cell 1: "source" is missing'],
    [
      nb([{ cell_type: 'code', source: '', outputs: [{ output_type: 'stream', text: 'x' }] }]),
      'cell 1, output 1: "name" is missing',
    ],
    [
      nb([{ cell_type: 'code', source: '', outputs: [{ output_type: 'pager' }] }]),
      'cell 1, output 1: unknown output_type "pager"',
    ],
    [
      nb([{ cell_type: 'code', source: '', execution_count: '3' }]),
      'cell 1: "execution_count" must be a non-negative integer or null',
    ],
  ])('%j', (text, message) => {
    expect(errorOf(text).message).toBe(message);
  });
});

describe('writing', () => {
  it('writes a new notebook that reads back the same', () => {
    const nb = createNotebook([createCodeCell('%%sql\nSELECT 1')]);
    const text = serializeNotebook(nb);
    expect(text.endsWith('}\n')).toBe(true);
    expect(parseNotebook(text)).toEqual(nb);
  });

  it('refuses values JSON cannot hold, saying where they are', () => {
    const nb = createNotebook([createCodeCell('x')]);
    const cell = nb.cells[0] as CodeCell;
    cell.outputs.push({
      output_type: 'display_data',
      data: { 'application/json': { n: 1n } },
      metadata: {},
    });
    expect(() => serializeNotebook(nb)).toThrow(
      'cannot serialize notebook: /cells/0/outputs/0/data/application~1json/n holds a bigint, not JSON',
    );
  });
});
