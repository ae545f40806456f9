/**
 * Which language a notebook's code cells are written in, read from its metadata, and so whether
 * Quarry's kernel (TypeScript) can run them. A notebook of another language (a Jupyter Python
 * notebook, say) is still read, edited and saved with its kernelspec and outputs untouched; only
 * running is refused, because running Python as TypeScript would replace the author's outputs
 * with syntax errors.
 *
 * The language is `metadata.kernelspec.language`, else `metadata.language_info.name`; Quarry's
 * own kernelspec (DESIGN.md, "Notebook file") is TypeScript whatever else it says. A notebook
 * that names no language and no kernel (a hand-made file, say) counts as TypeScript.
 */
import { isJsonObject, type JsonObject } from '../json';
import { QUARRY_KERNELSPEC, type Notebook } from './model';

export type ForeignLanguage = {
  kind: 'foreign';
  /** For people: `Python`, `R`, `Julia`... one line, never empty. */
  language: string;
  /** `metadata.kernelspec.name` (`python3`), one line; null when the file names no kernel. */
  kernelName: string | null;
};

export type NotebookLanguage = { kind: 'typescript' } | ForeignLanguage;

const TYPESCRIPT: NotebookLanguage = { kind: 'typescript' };

export function notebookLanguage(notebook: Notebook): NotebookLanguage {
  const kernelspec = objectAt(notebook.metadata, 'kernelspec');
  const languageInfo = objectAt(notebook.metadata, 'language_info');
  const kernelName = textAt(kernelspec, 'name');
  if (kernelName === QUARRY_KERNELSPEC.name) return TYPESCRIPT;
  const declared = textAt(kernelspec, 'language') ?? textAt(languageInfo, 'name');
  if (declared?.toLowerCase() === QUARRY_KERNELSPEC.language) return TYPESCRIPT;
  // A kernel without a stated language is still someone else's kernel: its display name is
  // the best description there is ("Python 3 (ipykernel)").
  const language = declared ?? textAt(kernelspec, 'display_name') ?? kernelName;
  if (language === null) return TYPESCRIPT;
  return { kind: 'foreign', language: displayName(language), kernelName };
}

/** Whether Quarry's kernel may run the notebook's code cells. */
export function canRun(notebook: Notebook): boolean {
  return notebookLanguage(notebook).kind === 'typescript';
}

/** `a Python notebook (kernelspec python3)`: how the CLI and the app name a foreign notebook. */
export function describeForeignNotebook(foreign: ForeignLanguage): string {
  const kernel = foreign.kernelName === null ? '' : ` (kernelspec ${foreign.kernelName})`;
  return `${article(foreign.language)} ${foreign.language} notebook${kernel}`;
}

/** The app's banner (role alert) over a foreign notebook, whose cells it will not run. */
export function foreignNotebookBanner(foreign: ForeignLanguage): string {
  const described = describeForeignNotebook(foreign);
  return (
    `This is ${described}. Quarry runs TypeScript notebooks only, so its cells are read-only ` +
    `for running here; you can still read, edit and save it, and its outputs are kept.`
  );
}

/** Lower-case names as kernels declare them → as people write them. */
const KNOWN_LANGUAGES: Readonly<Record<string, string>> = {
  python: 'Python',
  r: 'R',
  julia: 'Julia',
  scala: 'Scala',
  java: 'Java',
  javascript: 'JavaScript',
  sql: 'SQL',
  bash: 'Bash',
  'c++': 'C++',
  'c#': 'C#',
  'f#': 'F#',
};

function displayName(language: string): string {
  return (
    KNOWN_LANGUAGES[language.toLowerCase()] ?? language.charAt(0).toUpperCase() + language.slice(1)
  );
}

/** By sound: "an R notebook", "an F# notebook", "a Python notebook". */
function article(word: string): 'a' | 'an' {
  return /^[aeiou]/i.test(word) || /^[fhlmnrsx](?![a-z])/i.test(word) ? 'an' : 'a';
}

function objectAt(parent: JsonObject | null, key: string): JsonObject | null {
  const value = parent?.[key];
  return isJsonObject(value) ? value : null;
}

/** Longest name shown: metadata comes from the file, and a message must stay one short line. */
const MAX_NAME = 60;

/** A non-empty string field as one line (control characters and runs of space collapsed). */
function textAt(parent: JsonObject | null, key: string): string | null {
  const value = parent?.[key];
  if (typeof value !== 'string') return null;
  // eslint-disable-next-line no-control-regex -- control characters are what is removed
  const line = value.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  if (line === '') return null;
  return line.length > MAX_NAME ? `${line.slice(0, MAX_NAME - 1)}…` : line;
}
