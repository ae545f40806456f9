/**
 * The native file dialogs, limited to notebooks, and the message boxes that explain a refusal.
 * They return absolute paths; what happens next (notebook-actions.ts) is decided elsewhere.
 */
import { dialog, type BrowserWindow } from 'electron';
import { isNotebookName } from './notebook-location';

const NOTEBOOK_FILTERS = [{ name: 'Jupyter notebooks', extensions: ['ipynb'] }];

/** The notebook to open, or null when the user cancelled. */
export async function chooseNotebookToOpen(
  window: BrowserWindow,
  defaultPath: string,
): Promise<string | null> {
  const result = await dialog.showOpenDialog(window, {
    title: 'Open notebook',
    defaultPath,
    properties: ['openFile'],
    filters: NOTEBOOK_FILTERS,
  });
  return result.canceled ? null : (result.filePaths[0] ?? null);
}

/**
 * Where to save, or null when the user cancelled. A name typed without `.ipynb` gets it: the
 * host writes only notebooks, and a notebook without the extension would not be found again.
 */
export async function chooseSaveAsPath(
  window: BrowserWindow,
  defaultPath: string,
): Promise<string | null> {
  const result = await dialog.showSaveDialog(window, {
    title: 'Save notebook as',
    defaultPath,
    filters: NOTEBOOK_FILTERS,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  });
  if (result.canceled || result.filePath === '') return null;
  return isNotebookName(result.filePath) ? result.filePath : `${result.filePath}.ipynb`;
}

export async function showProblem(
  window: BrowserWindow,
  message: string,
  detail: string,
): Promise<void> {
  await dialog.showMessageBox(window, { type: 'warning', buttons: ['OK'], message, detail });
}
