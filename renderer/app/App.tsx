/** The notebook window: toolbar, banners, cells, and the command-mode keyboard. */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { HostClient } from '../../core/host-contract';
import type { KernelClient } from '../kernel/kernel-client';
import { runtimeOf } from '../state/notebook-state';
import { onMenuCommand } from '../host-client/host-bridge';
import { CellView } from './CellView';
import { CommandPalette, type PaletteCommand } from './CommandPalette';
import { commandForKey } from './command-keys';
import { FilePanel } from './FilePanel';
import { RecoveryPrompt } from './RecoveryPrompt';
import { Toolbar } from './Toolbar';
import { useNotebookSession } from './use-notebook-session';
import type { EditorCommand } from '../editor/CodeEditor';

type Props = { host: HostClient; kernel: KernelClient };

export function App({ host, kernel }: Props) {
  const { state, commands, recovery, loadError } = useNotebookSession(host, kernel);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [filesOpen, setFilesOpen] = useState(false);
  const lastKeyWasD = useRef(false);
  const { dispatch } = commands;
  const cells = state.notebook.cells;
  const selected = state.selectedId;

  const runSelected = (advance: boolean) => {
    if (!selected) return;
    commands.run([selected]);
    const index = cells.findIndex((c) => c.id === selected);
    if (advance) {
      if (index === cells.length - 1)
        dispatch({ type: 'insert-cell', kind: 'code', position: 'below' });
      else dispatch({ type: 'select', cellId: cells[index + 1].id, mode: 'command' });
    } else dispatch({ type: 'set-mode', mode: 'command' });
  };

  const onEditorCommand = (command: EditorCommand) => {
    switch (command) {
      case 'run-and-advance':
        return runSelected(true);
      case 'run':
        return runSelected(false);
      case 'save':
        return void commands.save();
      case 'command-mode':
        (document.activeElement as HTMLElement | null)?.blur();
        return dispatch({ type: 'set-mode', mode: 'command' });
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      // Keys typed into an editor, input or button belong to it, not to command mode.
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
      switch (command.kind) {
        case 'insert':
          return dispatch({ type: 'insert-cell', kind: 'code', position: command.position });
        case 'delete':
          return selected ? dispatch({ type: 'delete-cell', cellId: selected }) : undefined;
        case 'change-kind':
          return selected
            ? dispatch({ type: 'change-kind', cellId: selected, kind: command.to })
            : undefined;
        case 'edit':
          return dispatch({ type: 'set-mode', mode: 'edit' });
        case 'select':
          return dispatch({ type: 'select-relative', delta: command.delta });
        case 'run':
          return runSelected(command.advance);
        case 'save':
          return void commands.save();
        case 'copy':
          return selected ? dispatch({ type: 'copy-cell', cellId: selected }) : undefined;
        case 'paste':
          return dispatch({ type: 'paste-cell' });
        case 'palette':
          return setPaletteOpen(true);
        case 'pending-delete':
          return;
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // The desktop app's native menu (a no-op in browser mode).
  useEffect(() =>
    onMenuCommand((command) => {
      switch (command.kind) {
        case 'open-notebook':
          return void commands.open(command.path);
        case 'save':
          return void commands.save();
        case 'save-as':
          return void commands.saveAs(command.path);
        case 'run':
          return runSelected(command.advance);
        case 'run-all':
          return commands.runAll();
        case 'interrupt':
          return commands.interrupt();
        case 'restart-kernel':
          return void commands.restart();
      }
    }),
  );

  // Closing the window or tab with unsaved edits asks first (the recovery copy is a second net).
  useEffect(() => {
    if (!state.dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [state.dirty]);

  const palette = useMemo<PaletteCommand[]>(
    () => [
      { label: 'Run all', run: commands.runAll },
      {
        label: 'Run selected cell',
        shortcut: 'Ctrl+Enter',
        run: () => selected && commands.run([selected]),
      },
      { label: 'Run cells above', run: () => selected && commands.runAbove(selected) },
      { label: 'Run selected cell and below', run: () => selected && commands.runBelow(selected) },
      { label: 'Interrupt', run: commands.interrupt },
      { label: 'Restart kernel', run: () => void commands.restart() },
      { label: 'Save', shortcut: 'Ctrl+S', run: () => void commands.save() },
      { label: 'Add code cell', shortcut: 'B', run: () => commands.addCell('code') },
      { label: 'Add SQL cell', run: () => commands.addCell('sql') },
      { label: 'Add markdown cell', run: () => commands.addCell('markdown') },
      {
        label: 'Delete cell',
        shortcut: 'D D',
        run: () => selected && dispatch({ type: 'delete-cell', cellId: selected }),
      },
      {
        label: 'Move cell up',
        run: () => selected && dispatch({ type: 'move-cell', cellId: selected, delta: -1 }),
      },
      {
        label: 'Move cell down',
        run: () => selected && dispatch({ type: 'move-cell', cellId: selected, delta: 1 }),
      },
      {
        label: 'Clear cell output',
        run: () => selected && dispatch({ type: 'clear-outputs', cellId: selected }),
      },
      { label: 'Show files', run: () => setFilesOpen(true) },
    ],
    [commands, selected, dispatch],
  );

  return (
    <div className="app">
      <Toolbar
        commands={commands}
        kernel={state.kernel}
        dirty={state.dirty}
        path={state.path}
        onToggleFiles={() => setFilesOpen((open) => !open)}
      />
      {recovery && (
        <RecoveryPrompt
          recovery={recovery}
          onRecover={commands.recover}
          onDiscard={() => void commands.discardRecovery()}
        />
      )}
      {state.notice && (
        <div className={`banner banner-${state.notice.kind}`} role="alert">
          <span>{state.notice.text}</span>
          <button type="button" onClick={() => dispatch({ type: 'notice', notice: null })}>
            Dismiss
          </button>
        </div>
      )}
      {loadError && (
        <div className="banner banner-error" role="alert">
          {loadError}
        </div>
      )}
      <div className="workspace">
        {filesOpen && (
          <FilePanel
            host={host}
            onOpen={(path) => void commands.open(path)}
            onSaveAs={(path) => void commands.saveAs(path)}
          />
        )}
        <main className="notebook" aria-label="Notebook cells">
          {cells.map((cell, index) => (
            <CellView
              key={cell.id}
              cell={cell}
              cellNumber={index + 1}
              runtime={runtimeOf(state, cell.id)}
              selected={cell.id === selected}
              editing={cell.id === selected && state.mode === 'edit'}
              onSelect={(mode) => dispatch({ type: 'select', cellId: cell.id, mode })}
              onChange={(source) => dispatch({ type: 'edit-source', cellId: cell.id, source })}
              onRun={() => commands.run([cell.id])}
              onCommand={onEditorCommand}
            />
          ))}
          {cells.length === 0 && !loadError && (
            <p className="empty">No cells yet: add one with the toolbar or press B.</p>
          )}
        </main>
      </div>
      {paletteOpen && <CommandPalette commands={palette} onClose={() => setPaletteOpen(false)} />}
    </div>
  );
}
