/** The notebook window: toolbar, banners, side panels, cells, and the keyboard. */
import { useEffect, useMemo, useState } from 'react';
import type { HostClient } from '../../core/host-contract';
import { foreignNotebookBanner } from '../../core/notebook/language';
import type { EditorCommand } from '../editor/CodeEditor';
import { createLiveSources } from '../editor/live-sources';
import { onMenuCommand } from '../host-client/host-bridge';
import type { KernelClient } from '../kernel/kernel-client';
import { currentRunOf, runtimeOf, selectedCellIds } from '../state/notebook-state';
import { staleCells } from '../state/stale-cells';
import { cellActions } from './cell-actions';
import { CellView } from './CellView';
import { CommandPalette } from './CommandPalette';
import { FilePanel } from './FilePanel';
import { FindReplace } from './FindReplace';
import { NoticeBanner } from './NoticeBanner';
import { KernelStoppedBanner } from './KernelStoppedBanner';
import { paletteCommands, type Dialogs, type Panels } from './palette-commands';
import { PullSampleDialog } from './PullSampleDialog';
import { OpenElsewhereNotice, RecoveryPrompt } from './RecoveryPrompt';
import { SamplesPanel } from './SamplesPanel';
import { TableOfContents } from './TableOfContents';
import { Toolbar } from './Toolbar';
import { useCommandModeKeys } from './use-command-mode-keys';
import { useNotebookSession } from './use-notebook-session';
import { VariableInspector } from './VariableInspector';

type Props = { host: HostClient; kernel: KernelClient };

type PanelName = Parameters<Panels['toggle']>[0];

export function App({ host, kernel }: Props) {
  const liveSources = useMemo(createLiveSources, []);
  const session = useNotebookSession(host, kernel, liveSources);
  const { state, commands, recovery, loadError, language, openElsewhere } = session;
  const foreign = language.kind === 'foreign' ? language.language : null;
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [panel, setPanel] = useState<PanelName | null>(null);
  const [pullingSample, setPullingSample] = useState(false);
  /** Changes after each pull, so the Samples panel lists again. */
  const [samplesPulled, setSamplesPulled] = useState(0);
  const { dispatch } = commands;
  const cells = state.notebook.cells;
  const selection = new Set(selectedCellIds(state));
  const stale = useMemo(
    () => staleCells(state.notebook.cells, (cellId) => currentRunOf(state, cellId)),
    // The marks depend on the cells, their runs and the kernel's run log only.
    [state.notebook.cells, state.runtime, state.runs],
  );
  const actions = cellActions(state, commands);
  const panels: Panels = { toggle: (name) => setPanel((open) => (open === name ? null : name)) };
  const dialogs: Dialogs = { pullSample: () => setPullingSample(true) };

  const onEditorCommand = (cellId: string, command: EditorCommand) => {
    switch (command.kind) {
      case 'run':
        // Jupyter: running from the editor leaves edit mode, so command keys work next.
        (document.activeElement as HTMLElement | null)?.blur();
        return actions.run(command.advance, cellId);
      case 'save':
        return void commands.save();
      case 'command-mode':
        (document.activeElement as HTMLElement | null)?.blur();
        return dispatch({ type: 'select', cellId, mode: 'command' });
      case 'split':
        return actions.split(cellId, command.offsets);
      case 'leave':
        return actions.leaveEditor(cellId, command.direction);
    }
  };

  useCommandModeKeys(commands, actions, { ...panels, openPalette: () => setPaletteOpen(true) });

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
          return actions.run(command.advance);
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

  const palette = paletteCommands(commands, actions, panels, dialogs, state.selectedId);

  return (
    <div className="app">
      <Toolbar
        commands={commands}
        kernel={state.kernel}
        runnable={foreign === null}
        dirty={state.dirty}
        path={state.path}
        onTogglePanel={panels.toggle}
        onPullSample={dialogs.pullSample}
        onClearAllOutputs={actions.clearAllOutputs}
      />
      {recovery && (
        <RecoveryPrompt
          recovery={recovery}
          onRecover={commands.recover}
          onDiscard={() => void commands.discardRecovery()}
        />
      )}
      {language.kind === 'foreign' && (
        <div className="banner banner-warning" role="alert">
          {foreignNotebookBanner(language)}
        </div>
      )}
      {openElsewhere && <OpenElsewhereNotice />}
      <NoticeBanner
        notice={state.notice}
        onDismiss={() => dispatch({ type: 'notice', notice: null })}
      />
      {state.kernel.status === 'stopped' && (
        <KernelStoppedBanner onRestart={() => void commands.restart()} />
      )}
      {loadError && (
        <div className="banner banner-error" role="alert">
          {loadError}
        </div>
      )}
      <div className="workspace">
        {panel === 'files' && (
          <FilePanel
            host={host}
            onOpen={(path) => void commands.open(path)}
            onSaveAs={(path) => void commands.saveAs(path)}
          />
        )}
        {panel === 'find' && (
          <FindReplace
            cells={cells}
            liveSources={liveSources}
            onSelect={(cellId) => dispatch({ type: 'select', cellId, mode: 'command' })}
            onReplace={(sources) => dispatch({ type: 'replace-sources', sources })}
            onClose={() => setPanel(null)}
          />
        )}
        {panel === 'contents' && (
          <TableOfContents
            cells={cells}
            onSelect={(cellId) => dispatch({ type: 'select', cellId, mode: 'command' })}
          />
        )}
        {panel === 'variables' && <VariableInspector kernel={kernel} />}
        {panel === 'samples' && <SamplesPanel host={host} refreshKey={samplesPulled} />}
        <main className="notebook" aria-label="Notebook cells">
          {cells.map((cell, index) => (
            <CellView
              key={cell.id}
              cell={cell}
              cellNumber={index + 1}
              foreignLanguage={foreign}
              runtime={runtimeOf(state, cell.id)}
              staleness={stale.get(cell.id) ?? null}
              selected={cell.id === state.selectedId}
              inSelection={selection.size > 1 && selection.has(cell.id)}
              editing={cell.id === state.selectedId && state.mode === 'edit'}
              liveSources={liveSources}
              onSelect={(mode) => dispatch({ type: 'select', cellId: cell.id, mode })}
              onChange={(source) => dispatch({ type: 'edit-source', cellId: cell.id, source })}
              onRun={() => commands.run([cell.id])}
              onCommand={(command) => onEditorCommand(cell.id, command)}
              onToggleHidden={(part) =>
                dispatch({ type: 'toggle-hidden', cellIds: [cell.id], part })
              }
              onCancelJob={commands.cancelJob}
            />
          ))}
          {cells.length === 0 && !loadError && (
            <p className="empty">No cells yet: add one with the toolbar or press B.</p>
          )}
        </main>
      </div>
      {pullingSample && (
        <PullSampleDialog
          host={host}
          onPulled={({ name, file, manifest }) => {
            // Recorded as a document edit: the notebook says which data it was written against.
            dispatch({
              type: 'record-sample',
              sample: { name, file, sha256: manifest.sha256, rows: manifest.rows.actual },
            });
            setSamplesPulled((n) => n + 1);
          }}
          onClose={() => setPullingSample(false)}
        />
      )}
      {paletteOpen && <CommandPalette commands={palette} onClose={() => setPaletteOpen(false)} />}
    </div>
  );
}
