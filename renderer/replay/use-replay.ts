/**
 * Replay mode: the open notebook read-only, a parameter form from its `parameters` cell, and
 * `Run replay`, which restarts the kernel (the session's own restart), injects the form's
 * parameters into a copy of the notebook and runs that copy top to bottom (replay-runner.ts).
 * The replay's outputs are shown in place of the saved ones, which stay in the document for
 * the comparison (change-badges.ts); leaving replay mode drops them and the document is as it
 * was.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Notebook } from '../../core/notebook/model';
import { injectParameters } from '../../core/notebook/parameters';
import type { Output } from '../../core/outputs';
import type { KernelClient } from '../kernel/kernel-client';
import type { NotebookState } from '../state/notebook-state';
import type { NotebookCommands } from '../app/use-notebook-session';
import { compareCells, isInjectedCell, type CellComparison } from './change-badges';
import { checkForm, initialTexts, parameterForm, type FieldTexts } from './parameter-form';
import { readOnlyCommands } from './read-only-commands';
import { startReplay, type ReplayRun, type ReplayStatus } from './replay-runner';

export type ReplayPhase =
  | { kind: 'ready' }
  | { kind: 'restarting' }
  | { kind: 'running'; current: number; total: number }
  | { kind: 'ended'; status: ReplayStatus; failedCellId: string | null };

/** What replay mode shows in one cell. */
export type ReplayCell = {
  /** The replay's outputs, shown in place of the saved ones; null before the replay reaches it. */
  outputs: Output[] | null;
  comparison: CellComparison | null;
  running: boolean;
};

type Results = {
  outputs: Record<string, Output[]>;
  finished: string[];
  runningCellId: string | null;
};

const NO_RESULTS: Results = { outputs: {}, finished: [], runningCellId: null };

export function useReplay(
  session: { state: NotebookState; commands: NotebookCommands },
  kernel: KernelClient,
  startActive: boolean,
) {
  const { state, commands } = session;
  const notebook = state.notebook;
  const [active, setActive] = useState(startActive);
  const [texts, setTexts] = useState<FieldTexts>({});
  const [phase, setPhase] = useState<ReplayPhase>({ kind: 'ready' });
  const [results, setResults] = useState<Results>(NO_RESULTS);
  const run = useRef<ReplayRun | null>(null);
  /** Cancel pressed while the kernel restarts: the run does not start. */
  const cancelled = useRef(false);
  const form = useMemo(() => parameterForm(notebook), [notebook]);
  const check = useMemo(() => checkForm(form, texts), [form, texts]);
  const comparisons = useMemo(
    () => compareCells(notebook, results.outputs, results.finished),
    [notebook, results],
  );

  // Entering replay mode, or opening another notebook in it, starts from the saved state.
  const notebookRef = useRef(notebook);
  notebookRef.current = notebook;
  useEffect(() => {
    if (!active) return;
    const opened = notebookRef.current;
    setTexts(initialTexts(parameterForm(opened), opened));
    setResults(NO_RESULTS);
    setPhase({ kind: 'ready' });
  }, [active, state.path, state.mtimeMs]);
  useEffect(() => () => run.current?.cancel(), []);

  const say = (text: string) =>
    commands.dispatch({ type: 'notice', notice: { kind: 'info', text } });

  const start = async () => {
    if (!check.ok || phase.kind === 'restarting' || phase.kind === 'running') return;
    const replayed = withParameters(notebook, check.assignments);
    cancelled.current = false;
    setResults(NO_RESULTS);
    setPhase({ kind: 'restarting' });
    await commands.restart();
    if (cancelled.current)
      return setPhase({ kind: 'ended', status: 'cancelled', failedCellId: null });
    const started = startReplay(kernel, replayed, (snapshot) => {
      setResults({
        outputs: snapshot.outputs,
        finished: snapshot.finished,
        runningCellId: snapshot.runningCellId,
      });
      setPhase({ kind: 'running', current: snapshot.current, total: snapshot.total });
    });
    run.current = started;
    const outcome = await started.outcome;
    run.current = null;
    setPhase({ kind: 'ended', status: outcome.status, failedCellId: outcome.failedCellId });
  };

  const cancel = () => {
    cancelled.current = true;
    run.current?.cancel();
  };

  const exit = () => {
    cancel();
    setActive(false);
    setResults(NO_RESULTS);
  };

  return {
    active,
    form,
    texts,
    check,
    phase,
    comparisons,
    setText: (name: string, text: string) => setTexts((old) => ({ ...old, [name]: text })),
    start: () => void start(),
    cancel,
    toggle: () => (active ? exit() : setActive(true)),
    /** The commands every control uses: read-only ones in replay mode. */
    guard: (all: NotebookCommands) => (active ? readOnlyCommands(all, say) : all),
    cell: (cellId: string): ReplayCell => ({
      outputs: results.outputs[cellId] ?? null,
      comparison: comparisons[cellId] ?? null,
      running: results.runningCellId === cellId,
    }),
  };
}

export type Replay = ReturnType<typeof useReplay>;

/**
 * The notebook to run: the parameters injected after the `parameters` cell, or the notebook as
 * saved when nothing was changed and it holds no injected cell to replace.
 */
function withParameters(
  notebook: Notebook,
  assignments: Parameters<typeof injectParameters>[1],
): Notebook {
  if (assignments.length === 0 && !notebook.cells.some(isInjectedCell)) return notebook;
  return injectParameters(notebook, assignments).notebook;
}

/**
 * Whether the app was opened straight into replay mode: browser mode's URL carries
 * `replay=1` next to the token (`http://127.0.0.1:PORT/?token=TOKEN&replay=1`).
 */
export function replayRequested(search: string): boolean {
  return new URLSearchParams(search).get('replay') === '1';
}
