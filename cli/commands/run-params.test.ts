import { describe, expect, it } from 'vitest';
import { createCodeCell, createNotebook } from '../../core/notebook/model';
import { withParameters } from './run-params';

function notebookWithDefaults(source: string) {
  const cell = createCodeCell(source);
  cell.metadata = { tags: ['parameters'] };
  return createNotebook([cell, createCodeCell('region')]);
}

const argument = (text: string, mode: 'json' | 'raw' = 'json') =>
  ({ kind: 'argument', text, mode }) as const;

describe('quarry run parameters', () => {
  it('warns when -p gives a value of another kind than the default, and injects it as given', async () => {
    const notebook = notebookWithDefaults("const region = 'north';\nconst limit = 10;");
    const injected = await withParameters(notebook, [
      argument('region=123'),
      argument('limit=2.5'),
    ]);
    expect(injected?.lines.err).toEqual([
      'quarry run: warning: parameter "region" defaults to a string but is given the number 123: injected as given; to pass the text, write -r "region=…"',
      'quarry run: warning: parameter "limit" defaults to an integer but is given the number 2.5: injected as given; to pass the text, write -r "limit=…"',
    ]);
    expect(injected?.notebook.cells[1].source).toContain('const region = 123;');
  });

  it('says nothing when the kinds agree, -r gives the text, or the default is not a literal', async () => {
    const notebook = notebookWithDefaults(
      "const region = 'north';\nconst limit = 10;\nconst start = new Date();",
    );
    const injected = await withParameters(notebook, [
      argument('region=123', 'raw'),
      argument('limit=20'),
      argument('limit=123456789012345678901'),
      argument('start="2026-01-01"'),
    ]);
    expect(injected?.lines.err).toEqual([]);
  });
});
