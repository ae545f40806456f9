/**
 * The `.ipynb` codec: text ↔ Notebook.
 *
 * Reading accepts any nbformat 4 file; multi-line text may be a string or a list of strings.
 * Every key Quarry does not know (top level, cells, outputs, and anything inside metadata) is
 * kept and written back untouched. Cells without a usable id get a fresh one, and the notebook
 * is then at nbformat 4.5 (ids need it), so a 4.0-4.4 file is written back as 4.5.
 *
 * Writing produces what JupyterLab saves (nbformat's writer): keys sorted, 1-space indent, text
 * split into lines, a final newline. So a file JupyterLab wrote comes back byte for byte.
 * Numbers are JavaScript numbers: integers beyond 2^53 lose precision and a float written as
 * `1.0` comes back as `1`, exactly as when JupyterLab itself loads and saves the file.
 */
import { NotebookFormatError } from './errors';
import { decodeNotebook } from './ipynb-read';
import { encodeNotebook } from './ipynb-write';
import { parseJsonText } from './json-read';
import { JsonWriteError, stringifyLikeNbformat } from './json-write';
import type { Notebook } from './model';

export { NotebookFormatError, type NotebookFormatErrorKind } from './errors';

/** Throws NotebookFormatError with a one-line message saying what is wrong and where. */
export function parseNotebook(text: string): Notebook {
  return decodeNotebook(parseJsonText(text));
}

/** Throws NotebookFormatError ('unserializable') if the notebook holds a value JSON cannot. */
export function serializeNotebook(nb: Notebook): string {
  try {
    return stringifyLikeNbformat(encodeNotebook(nb)) + '\n';
  } catch (error) {
    if (!(error instanceof JsonWriteError)) throw error;
    throw new NotebookFormatError('unserializable', `cannot serialize notebook: ${error.message}`);
  }
}
