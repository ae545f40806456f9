import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../json';
import { trimOutputsForFile } from './file-outputs';
import { parseNotebook, serializeNotebook } from './ipynb';
import {
  canRun,
  describeForeignNotebook,
  foreignNotebookBanner,
  notebookLanguage,
  type ForeignLanguage,
} from './language';
import { createNotebook, type Notebook } from './model';

const FIXTURES = new URL('../../test/fixtures/notebooks/', import.meta.url);
const fixture = (name: string): string => readFileSync(new URL(name, FIXTURES), 'utf8');

const withMetadata = (metadata: JsonObject): Notebook => ({ ...createNotebook(), metadata });

const foreign = (language: string, kernelName: string | null): ForeignLanguage => ({
  kind: 'foreign',
  language,
  kernelName,
});
const PYTHON = foreign('Python', 'python3');

describe('notebookLanguage', () => {
  it('reads a Jupyter Python notebook as Python, with its kernel', () => {
    const nb = parseNotebook(fixture('python-analysis.ipynb'));
    expect(notebookLanguage(nb)).toEqual(PYTHON);
    expect(canRun(nb)).toBe(false);
  });

  it("counts Quarry's own notebooks, and notebooks that name no language, as TypeScript", () => {
    for (const name of ['quarry-tables.ipynb', 'hand-written.ipynb'])
      expect(notebookLanguage(parseNotebook(fixture(name))), name).toEqual({ kind: 'typescript' });
    const cases: JsonObject[] = [
      {},
      createNotebook().metadata,
      { kernelspec: { name: 'quarry-typescript' } },
      { kernelspec: { name: 'quarry-typescript', language: 'python' } },
      { kernelspec: { name: 'tslab', display_name: 'TypeScript', language: 'TypeScript' } },
      { language_info: { name: 'typescript' } },
      // Malformed parts say nothing.
      { kernelspec: 'python3', language_info: ['python'] },
      { kernelspec: { name: '', language: ' \n' } },
    ];
    for (const metadata of cases) {
      expect(notebookLanguage(withMetadata(metadata)), JSON.stringify(metadata)).toEqual({
        kind: 'typescript',
      });
      expect(canRun(withMetadata(metadata))).toBe(true);
    }
  });

  it('takes the kernelspec language first, then language_info, then the kernel names', () => {
    const cases: [JsonObject, ForeignLanguage][] = [
      [{ kernelspec: { name: 'ir', language: 'R' } }, foreign('R', 'ir')],
      [
        { kernelspec: { name: 'julia-1.10' }, language_info: { name: 'julia' } },
        foreign('Julia', 'julia-1.10'),
      ],
      [{ language_info: { name: 'python' } }, foreign('Python', null)],
      [
        { kernelspec: { name: 'python3', display_name: 'Python 3 (ipykernel)' } },
        foreign('Python 3 (ipykernel)', 'python3'),
      ],
      [{ kernelspec: { name: 'mystery' } }, foreign('Mystery', 'mystery')],
      [
        { kernelspec: { name: 'evil\nkernel', language: 'py\u001b[31mthon' } },
        foreign('Py [31mthon', 'evil kernel'),
      ],
    ];
    for (const [metadata, expected] of cases)
      expect(notebookLanguage(withMetadata(metadata)), JSON.stringify(metadata)).toEqual(expected);
    const long = notebookLanguage(withMetadata({ kernelspec: { language: 'x'.repeat(500) } }));
    expect(long.kind === 'foreign' && long.language.length).toBe(60);
  });
});

describe('what people read', () => {
  it('names the language and the kernel in one line', () => {
    expect(describeForeignNotebook(PYTHON)).toBe('a Python notebook (kernelspec python3)');
    expect(describeForeignNotebook(foreign('R', null))).toBe('an R notebook');
    const banner = foreignNotebookBanner(PYTHON);
    expect(banner).toMatch(/^This is a Python notebook \(kernelspec python3\)\. /);
    expect(banner).toMatch(/read-only for running/);
    expect(banner.split('\n')).toHaveLength(1);
  });
});

describe('saving a foreign notebook', () => {
  it('writes it back as the app saves it, byte for byte: kernelspec and outputs kept', () => {
    const text = fixture('python-analysis.ipynb');
    // What the app's Save sends (use-notebook-session.ts).
    const saved = serializeNotebook(trimOutputsForFile(parseNotebook(text)));
    expect(saved).toBe(text);
    const metadata = (JSON.parse(saved) as { metadata: JsonObject }).metadata;
    expect(metadata.kernelspec).toEqual({
      display_name: 'Python 3 (ipykernel)',
      language: 'python',
      name: 'python3',
    });
  });
});
