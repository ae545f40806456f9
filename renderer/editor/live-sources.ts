/**
 * The text each open cell editor holds right now. React state lags keystrokes (a render may not
 * have caught up when Ctrl+Enter arrives straight after typing), so Run, Save and autosave read
 * the live buffer through this registry, never a copy a render has not refreshed (marimo and VS
 * Code notebooks do the same: the editor's buffer is the truth).
 */
import type { Notebook } from '../../core/notebook/model';

export type LiveSources = {
  /** Called by an editor when it opens; the returned function detaches it. */
  attach(cellId: string, read: () => string): () => void;
  /** The editor's text, or undefined when the cell has no open editor (rendered markdown). */
  read(cellId: string): string | undefined;
};

export function createLiveSources(): LiveSources {
  const readers = new Map<string, () => string>();
  return {
    attach(cellId, read) {
      readers.set(cellId, read);
      return () => {
        if (readers.get(cellId) === read) readers.delete(cellId);
      };
    },
    read: (cellId) => readers.get(cellId)?.(),
  };
}

/** The notebook with each open editor's text in place of the state's copy. */
export function withLiveSources(notebook: Notebook, live: LiveSources): Notebook {
  let changed = false;
  const cells = notebook.cells.map((cell) => {
    const source = live.read(cell.id);
    if (source === undefined || source === cell.source) return cell;
    changed = true;
    return { ...cell, source };
  });
  return changed ? { ...notebook, cells } : notebook;
}
