/** Jupyter's command mode (no editor focused): the keys of command-keys.ts, carried out. */
import { useEffect, useRef } from 'react';
import type { CellActions } from './cell-actions';
import { commandForKey } from './command-keys';
import type { Panels } from './palette-commands';
import type { NotebookCommands } from './use-notebook-session';

export function useCommandModeKeys(
  commands: NotebookCommands,
  actions: CellActions,
  panels: Panels & { openPalette(): void },
): void {
  const lastKeyWasD = useRef(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // Keys typed into an editor, input or dialog belong to it, not to command mode.
      if (target?.closest('.monaco-editor, input, textarea, [role="dialog"]')) return;
      const command = commandForKey(
        {
          key: event.key,
          shift: event.shiftKey,
          ctrlOrMeta: event.ctrlKey || event.metaKey,
          alt: event.altKey,
        },
        lastKeyWasD.current,
      );
      lastKeyWasD.current = command?.kind === 'pending-delete';
      if (!command) return;
      event.preventDefault();
      const { dispatch } = commands;
      switch (command.kind) {
        case 'insert':
          return dispatch({ type: 'insert-cell', kind: 'code', position: command.position });
        case 'delete':
          return actions.delete();
        case 'change-kind':
          return actions.changeKind(command.to);
        case 'edit':
          return dispatch({ type: 'set-mode', mode: 'edit' });
        case 'select':
          return dispatch({
            type: 'select-relative',
            delta: command.delta,
            extend: command.extend,
          });
        case 'run':
          return actions.run(command.advance);
        case 'restart-and-run-all':
          return void commands.restartAndRunAll();
        case 'save':
          return void commands.save();
        case 'copy':
          return actions.copy();
        case 'paste':
          return actions.paste();
        case 'undo':
          return actions.undo();
        case 'redo':
          return actions.redo();
        case 'merge':
          return actions.merge();
        case 'toggle-outputs':
          return actions.toggleOutputs();
        case 'find':
          return panels.toggle('find');
        case 'palette':
          return panels.openPalette();
        case 'pending-delete':
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
}
