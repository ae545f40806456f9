/**
 * The replay form's fields come from the parameters cell: one per declared name, its control
 * typed from the default's literal; only the parameters changed from their defaults are
 * injected, and a field that does not parse keeps the form from running.
 */
import { describe, expect, it } from 'vitest';
import { createCodeCell, createNotebook } from '../../core/notebook/model';
import { withRunRecord } from '../../core/notebook/run-record';
import { checkForm, initialTexts, parameterForm } from './parameter-form';

const SOURCE = [
  'const rows = 3',
  "const region = 'north'",
  'const verbose = false',
  'const filter = { "min": 1 }',
].join('\n');

function notebookWithParameters() {
  const parameters = createCodeCell(SOURCE);
  parameters.metadata = { tags: ['parameters'] };
  return createNotebook([createCodeCell('// setup'), parameters, createCodeCell('rows * 2')]);
}

describe('parameterForm', () => {
  it('has one field per parameter, its control from its literal, its default as text', () => {
    const form = parameterForm(notebookWithParameters());
    expect(form.cellIndex).toBe(1);
    expect(form.fields.map((f) => [f.name, f.control, f.defaultText])).toEqual([
      ['rows', 'number', '3'],
      ['region', 'text', 'north'],
      ['verbose', 'checkbox', 'false'],
      ['filter', 'textarea', expect.stringContaining('"min"')],
    ]);
  });

  it('has no fields, and no cell, for a notebook without a parameters cell', () => {
    expect(parameterForm(createNotebook([createCodeCell('const rows = 3')]))).toEqual({
      cellIndex: null,
      fields: [],
    });
  });
});

describe('checkForm', () => {
  const form = parameterForm(notebookWithParameters());
  const defaults = initialTexts(form, notebookWithParameters());

  it('injects only what was changed, typed', () => {
    const check = checkForm(form, { ...defaults, rows: '5', verbose: 'true' });
    expect(check).toEqual({
      ok: true,
      assignments: [
        { name: 'rows', value: { kind: 'number', value: 5 } },
        { name: 'verbose', value: { kind: 'boolean', value: true } },
      ],
    });
    expect(checkForm(form, defaults)).toEqual({ ok: true, assignments: [] });
  });

  it('names each field that does not parse, with its reason', () => {
    const check = checkForm(form, { ...defaults, rows: 'many', filter: '{ "min": ' });
    if (check.ok) throw new Error('the form should not run');
    expect(Object.keys(check.errors)).toEqual(['rows', 'filter']);
    expect(check.errors.rows).not.toBe('');
  });
});

describe('initialTexts', () => {
  it('starts from the parameters the saved outputs were made with, when the file records them', () => {
    const notebook = notebookWithParameters();
    notebook.metadata = withRunRecord(notebook.metadata, {
      parameters: { rows: 7, region: 'south' },
    });
    const texts = initialTexts(parameterForm(notebook), notebook);
    expect(texts).toMatchObject({ rows: '7', region: 'south', verbose: 'false' });
  });
});
