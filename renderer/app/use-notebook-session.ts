/**
 * The notebook session: the state reducer wired to the host (open, save, recovery) and to the
 * kernel (run, interrupt, restart). Components get the state and a set of named commands.
 */
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { HostClient, HostResponses } from '../../core/host-contract';
import type { KernelInfo } from '../../core/protocol';
import { trimOutputsForFile } from '../../core/notebook/file-outputs';
import { parseNotebook, serializeNotebook } from '../../core/notebook/ipynb';
import { canRun, notebookLanguage } from '../../core/notebook/language';
import { createNotebook } from '../../core/notebook/model';
import { withLiveSources, type LiveSources } from '../editor/live-sources';
import type { KernelClient, KernelClientEvent } from '../kernel/kernel-client';
import { notebookReducer, type NotebookAction } from '../state/notebook-reducer';
import { initialState, type NewCellKind, type NotebookState } from '../state/notebook-state';
import type { RunAction } from '../state/run-events';
import { withAppRunRecord } from '../state/run-record-on-save';
import { LatestPerFrame } from './latest-per-frame';
import { useRecoveryAutosave } from './use-recovery-autosave';

export type PendingRecovery = { text: string; savedAtMs: number };

export type NotebookCommands = {
  dispatch(action: NotebookAction): void;
  run(cellIds: string[]): void;
  runAll(): void;
  restartAndRunAll(): Promise<void>;
  runAbove(cellId: string): void;
  runBelow(cellId: string): void;
  interrupt(): void;
  cancelJob(jobId: string): void;
  restart(): Promise<void>;
  save(): Promise<void>;
  saveAs(path: string): Promise<void>;
  open(path: string): Promise<void>;
  addCell(kind: NewCellKind): void;
  recover(): void;
  discardRecovery(): Promise<void>;
};

export function useNotebookSession(host: HostClient, kernel: KernelClient, live: LiveSources) {
  const [state, dispatch] = useReducer(notebookReducer, undefined, () =>
    initialState(createNotebook(), null, null),
  );
  const [recovery, setRecovery] = useState<PendingRecovery | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const stateRef = useRef<NotebookState>(state);
  stateRef.current = state;
  const executionCount = useRef(0);
  const requestCounts = useRef(new Map<string, number>());

  useEffect(() => {
    // A display updated at any rate is drawn at most once a frame, in its last version.
    const displayUpdates = new LatestPerFrame<DisplayUpdate>((updates) =>
      updates.forEach(dispatch),
    );
    return kernel.subscribe((event) =>
      onKernelEvent(event, dispatch, requestCounts.current, displayUpdates),
    );
  }, [kernel]);
  useEffect(() => {
    kernel.ready.then(
      (info) => dispatch({ type: 'kernel', kernel: { status: 'idle', info } }),
      (error: unknown) => {
        dispatch({ type: 'kernel', kernel: { status: 'failed' } });
        dispatch({
          type: 'notice',
          notice: { kind: 'error', text: `The kernel could not start: ${String(error)}` },
        });
      },
    );
  }, [kernel]);

  const open = useCallback(
    async (path: string) => {
      try {
        const opened = await host.call('notebook.open', { path });
        dispatch({
          type: 'load',
          notebook: parseNotebook(opened.text),
          path: opened.path,
          mtimeMs: opened.mtimeMs,
        });
        setRecovery(opened.recovery);
        setLoadError(null);
        document.title = `${opened.path} — Quarry`;
      } catch (error) {
        setLoadError(error instanceof Error ? error.message : String(error));
      }
    },
    [host],
  );

  useEffect(() => {
    host.call('workspace.info', {}).then(
      (info) => (info.notebook ? open(info.notebook) : undefined),
      (error: unknown) => setLoadError(String(error)),
    );
  }, [host, open]);

  const reportAutosaveFailure = useCallback(
    (text: string) => dispatch({ type: 'notice', notice: { kind: 'error', text } }),
    [],
  );
  const { openElsewhere } = useRecoveryAutosave(host, state, live, reportAutosaveFailure);
  const language = useMemo(() => notebookLanguage(state.notebook), [state.notebook]);

  const commands = useMemo<NotebookCommands>(() => {
    const run = (cellIds: string[]) => {
      // Another language's cells are never run as TypeScript (core/notebook/language.ts).
      if (!canRun(stateRef.current.notebook)) return;
      for (const cellId of cellIds) {
        const cell = stateRef.current.notebook.cells.find((c) => c.id === cellId);
        if (!cell || cell.cell_type !== 'code') continue;
        // What the editor shows, not the state's copy, which may be a keystroke behind.
        const code = live.read(cellId) ?? cell.source;
        if (code !== cell.source) dispatch({ type: 'edit-source', cellId, source: code });
        const count = ++executionCount.current;
        const requestId = `${cellId}:${count}`;
        requestCounts.current.set(requestId, count);
        dispatch({ type: 'run-queued', cellId, requestId });
        kernel.execute({ requestId, cellId, code, executionCount: count });
      }
    };
    const ids = () => stateRef.current.notebook.cells.map((c) => c.id);
    const save = async (path: string | null, overwrite: boolean) => {
      const current = stateRef.current;
      if (!path) return;
      const expectedMtimeMs = path === current.path ? current.mtimeMs : null;
      let result: HostResponses['notebook.save'];
      // The run record goes in now, from the outputs and sources saved (run-record-on-save.ts).
      const recorded = withAppRunRecord(
        current,
        withLiveSources(current.notebook, live),
        Date.now(),
      );
      try {
        const text = serializeNotebook(trimOutputsForFile(recorded.notebook));
        result = await host.call('notebook.save', { path, text, expectedMtimeMs, overwrite });
      } catch (error) {
        // Said, never swallowed: the editors keep the work (nothing is reloaded or marked saved).
        dispatch({
          type: 'notice',
          notice: {
            kind: 'error',
            text: `${path} was not saved: ${error instanceof Error ? error.message : String(error)}`,
          },
        });
        return;
      }
      switch (result.kind) {
        case 'saved':
          dispatch({ type: 'saved', path, mtimeMs: result.mtimeMs });
          dispatch({
            type: 'notice',
            notice: recorded.notice === null ? null : { kind: 'warning', text: recorded.notice },
          });
          return;
        case 'conflict':
          if (
            window.confirm(
              `${path} changed on disk since it was opened. Overwrite it with this version?`,
            )
          )
            return save(path, true);
          dispatch({
            type: 'notice',
            notice: {
              kind: 'warning',
              text: `Not saved: ${path} changed on disk. Save as another file to keep both.`,
            },
          });
      }
    };
    /** True when a new kernel is ready. */
    const restart = async (): Promise<boolean> => {
      dispatch({ type: 'kernel', kernel: { status: 'restarting' } });
      let info: KernelInfo;
      try {
        info = await kernel.restart();
      } catch (error) {
        dispatch({ type: 'kernel', kernel: { status: 'failed' } });
        dispatch({
          type: 'notice',
          notice: { kind: 'error', text: `The kernel could not restart: ${String(error)}` },
        });
        return false;
      }
      executionCount.current = 0;
      dispatch({ type: 'kernel-restarted' });
      dispatch({ type: 'kernel', kernel: { status: 'idle', info } });
      dispatch({
        type: 'notice',
        notice: { kind: 'info', text: 'The kernel was restarted: its variables are gone.' },
      });
      return true;
    };
    return {
      dispatch,
      run,
      runAll: () => run(ids()),
      restartAndRunAll: async () => {
        if (await restart()) run(ids());
      },
      runAbove: (cellId) => run(ids().slice(0, ids().indexOf(cellId))),
      runBelow: (cellId) => run(ids().slice(ids().indexOf(cellId))),
      interrupt: () => kernel.interrupt(),
      cancelJob: (jobId) => kernel.cancelJob(jobId),
      restart: async () => {
        await restart();
      },
      save: () =>
        save(
          stateRef.current.path ??
            window.prompt('Save as (path in the notebook folder):', 'untitled.ipynb'),
          false,
        ),
      saveAs: (path) => save(path, false),
      open: async (path) => {
        if (
          stateRef.current.dirty &&
          !window.confirm('Discard the unsaved changes of this notebook?')
        )
          return;
        await open(path);
      },
      addCell: (kind) => dispatch({ type: 'insert-cell', kind, position: 'below' }),
      recover: () => {
        if (!recovery) return;
        dispatch({
          type: 'load',
          notebook: parseNotebook(recovery.text),
          path: stateRef.current.path,
          mtimeMs: stateRef.current.mtimeMs,
          dirty: true,
        });
        setRecovery(null);
      },
      discardRecovery: async () => {
        const path = stateRef.current.path;
        setRecovery(null);
        if (path) await host.call('recovery.discard', { path });
      },
    };
  }, [host, kernel, live, recovery, open]);

  return { state, commands, recovery, loadError, language, openElsewhere };
}

type DisplayUpdate = Extract<RunAction, { type: 'run-display-update' }>;

function onKernelEvent(
  event: KernelClientEvent,
  dispatch: (action: NotebookAction) => void,
  counts: Map<string, number>,
  displayUpdates: LatestPerFrame<DisplayUpdate>,
): void {
  switch (event.type) {
    case 'ready':
      return dispatch({ type: 'kernel', kernel: { status: 'idle', info: event.info } });
    case 'loading':
      return dispatch({ type: 'kernel', kernel: { status: 'starting' } });
    case 'info':
      return dispatch({ type: 'kernel', kernel: { info: event.info } });
    case 'status':
      if (event.status === 'running') {
        dispatch({ type: 'kernel', kernel: { status: 'busy' } });
        dispatch({
          type: 'run-started',
          cellId: event.cellId,
          requestId: event.requestId,
          executionCount: counts.get(event.requestId) ?? 0,
          startedAtMs: Date.now(),
        });
      }
      return;
    case 'output':
      return dispatch({
        type: 'run-output',
        cellId: event.cellId,
        requestId: event.requestId,
        output: event.output,
      });
    case 'job':
      return dispatch({
        type: 'run-job',
        cellId: event.cellId,
        requestId: event.requestId,
        job: event.job,
        atMs: Date.now(),
      });
    case 'display-update':
      return displayUpdates.push(event.displayId, {
        type: 'run-display-update',
        cellId: event.cellId,
        requestId: event.requestId,
        displayId: event.displayId,
        output: event.output,
      });
    case 'done':
      counts.delete(event.requestId);
      dispatch({
        type: 'run-finished',
        cellId: event.cellId,
        requestId: event.requestId,
        status: event.status,
        durationMs: event.durationMs,
        errorLocation: event.errorLocation,
        engine: event.engine,
        dependencies: event.dependencies,
        seeds: event.seeds,
        trainingRuns: event.trainingRuns,
      });
      if (counts.size === 0) dispatch({ type: 'kernel', kernel: { status: 'idle' } });
      return;
    case 'restarted':
      dispatch({ type: 'jobs-lost' });
      dispatch({ type: 'kernel-restarted' });
      dispatch({ type: 'kernel', kernel: { status: 'idle' } });
      return dispatch({ type: 'notice', notice: { kind: 'warning', text: event.message } });
    case 'stopped':
      // Its cells have ended with the reason; the banner (KernelStoppedBanner) offers a restart.
      dispatch({ type: 'jobs-lost' });
      return dispatch({ type: 'kernel', kernel: { status: 'stopped' } });
    default:
      event satisfies never;
  }
}
