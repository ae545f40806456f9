import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNotebook, serializeNotebook } from '../core/notebook/ipynb';
import { createCodeCell, createMarkdownCell, createNotebook } from '../core/notebook/model';
import { validateNotebookJson } from './nbformat-schema';

const fixture = (name: string): string =>
  readFileSync(new URL(`./fixtures/notebooks/${name}`, import.meta.url), 'utf8');

const VALID = [
  'python-analysis.ipynb',
  'quarry-tables.ipynb',
  'jupyterlab-new.ipynb',
  'hand-written.ipynb',
  'hand-written.expected.ipynb',
];

describe('validateNotebookJson', () => {
  it.each(VALID)('accepts %s', (name) => {
    expect(validateNotebookJson(JSON.parse(fixture(name)))).toEqual([]);
  });

  it.each([...VALID, 'nbformat-4.4-no-ids.ipynb'])('accepts what Quarry writes for %s', (name) => {
    const written = serializeNotebook(parseNotebook(fixture(name)));
    expect(validateNotebookJson(JSON.parse(written))).toEqual([]);
  });

  it('accepts a new Quarry notebook', () => {
    const nb = createNotebook([createCodeCell('%%sql\nSELECT 1'), createMarkdownCell('# Hi')]);
    expect(validateNotebookJson(JSON.parse(serializeNotebook(nb)))).toEqual([]);
  });

  it('says what is wrong with a broken notebook, without noise from other cell types', () => {
    const nb = JSON.parse(fixture('python-analysis.ipynb'));
    nb.cells[0].id = 'has space';
    nb.cells[1].source = 42;
    nb.cells[2].outputs[0].name = 5;
    delete nb.cells[3].execution_count;
    nb.cells[4].cell_type = 'heading';
    expect(validateNotebookJson(nb)).toEqual([
      '/cells/0/id: must match pattern "^[a-zA-Z0-9-_]+$"',
      '/cells/1/source: must be a string or a list of strings',
      '/cells/2/outputs/0/name: must be string',
      '/cells/3: missing required property "execution_count"',
      '/cells/4: "cell_type" must be one of "raw", "markdown", "code"',
    ]);
  });

  it('reports keys the schema does not allow (which Quarry still keeps)', () => {
    expect(validateNotebookJson(JSON.parse(fixture('unknown-keys.ipynb')))).toEqual([
      '(root): unknown property "quarry_future"',
      '/cells/0: unknown property "custom_key"',
      '/cells/0/outputs/0: unknown property "transient"',
      '/cells/0/outputs/1: unknown property "__proto__"',
      '/cells/1: unknown property "future_field"',
    ]);
  });

  it('rejects what is not a notebook', () => {
    expect(validateNotebookJson([])).toEqual(['(root): must be object']);
    expect(
      validateNotebookJson({ nbformat: 4, nbformat_minor: 4, metadata: {}, cells: [] }),
    ).toEqual(['/nbformat_minor: must be >= 5']);
  });
});
