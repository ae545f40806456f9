/**
 * The notebook's commands as replay mode offers them: the document cannot change (no edits, no
 * structural changes, no runs into it, no save). Every toolbar button, key, menu item and palette
 * entry goes through these, so one place says no, and says why.
 */
import type { NotebookAction } from '../state/notebook-reducer';
import type { NotebookCommands } from '../app/use-notebook-session';

export const READ_ONLY_NOTICE = 'Replay mode is read-only: Exit replay to edit the notebook.';
export const NO_SAVE_NOTICE =
  'Replay mode does not save: the notebook on disk keeps its outputs. Exit replay to edit and save.';
export const NO_RUN_NOTICE = 'In replay mode the notebook runs as a whole: use Run replay.';

export function readOnlyCommands(
  commands: NotebookCommands,
  say: (text: string) => void,
): NotebookCommands {
  const refuse = (text: string) => () => say(text);
  const refuseAsync = (text: string) => async () => say(text);
  return {
    ...commands,
    dispatch: (action) =>
      changesDocument(action) ? say(READ_ONLY_NOTICE) : commands.dispatch(action),
    run: refuse(NO_RUN_NOTICE),
    runAll: refuse(NO_RUN_NOTICE),
    restartAndRunAll: refuseAsync(NO_RUN_NOTICE),
    runAbove: refuse(NO_RUN_NOTICE),
    runBelow: refuse(NO_RUN_NOTICE),
    save: refuseAsync(NO_SAVE_NOTICE),
    saveAs: refuseAsync(NO_SAVE_NOTICE),
    addCell: refuse(READ_ONLY_NOTICE),
    recover: refuse(READ_ONLY_NOTICE),
  };
}

/** Whether an action edits the document (text, cells, their metadata or outputs). */
export function changesDocument(action: NotebookAction): boolean {
  switch (action.type) {
    case 'insert-cell':
    case 'delete-cells':
    case 'move-cells':
    case 'paste-cells':
    case 'merge-cells':
    case 'split-cell':
    case 'edit-source':
    case 'replace-sources':
    case 'change-kind':
    case 'clear-outputs':
    case 'toggle-hidden':
    case 'record-sample':
    case 'undo':
    case 'redo':
    case 'run-queued':
    case 'saved':
      return true;
    case 'load':
    case 'select':
    case 'select-relative':
    case 'set-mode':
    case 'copy-cells':
    case 'run-started':
    case 'run-output':
    case 'run-job':
    case 'run-display-update':
    case 'run-finished':
    case 'jobs-lost':
    case 'kernel':
    case 'kernel-restarted':
    case 'notice':
      return false;
    default:
      return action satisfies never;
  }
}
