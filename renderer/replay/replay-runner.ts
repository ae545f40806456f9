/**
 * Runs a notebook that is not the document (the saved notebook with its parameters injected) on
 * the kernel, every code cell top to bottom, one at a time, stopping at the first cell that
 * fails as `quarry run` does. The session's run machinery writes outputs into the document,
 * which replay must leave untouched, so the outputs are collected here, by cell id.
 */
import type { Notebook } from '../../core/notebook/model';
import { replaceDisplay, type Output } from '../../core/outputs';
import type { KernelClient, KernelClientEvent } from '../kernel/kernel-client';
import { appendOutput, isCodeCell } from '../state/notebook-state';

export type ReplayStatus = 'done' | 'error' | 'cancelled';

/** Where a replay is: the outputs so far, and which cells have finished. */
export type ReplaySnapshot = {
  /** 1-based position of the running cell among the code cells (0 before the first). */
  current: number;
  total: number;
  /** Outputs by cell id, for the cells that started. */
  outputs: Record<string, Output[]>;
  /** Ids of the cells whose run ended (in order). */
  finished: string[];
  /** The cell running now; null before the first and once the run has ended. */
  runningCellId: string | null;
};

export type ReplayOutcome = ReplaySnapshot & {
  status: ReplayStatus;
  /** The cell that failed (an error, or the kernel stopped under it); null when none did. */
  failedCellId: string | null;
};

export type ReplayRun = {
  /** Interrupts the running cell; the run ends `cancelled`. */
  cancel(): void;
  readonly outcome: Promise<ReplayOutcome>;
};

let runs = 0;

export function startReplay(
  kernel: KernelClient,
  notebook: Notebook,
  onUpdate: (snapshot: ReplaySnapshot) => void,
): ReplayRun {
  const run = ++runs;
  const cells = notebook.cells.filter(isCodeCell);
  let snapshot: ReplaySnapshot = {
    current: 0,
    total: cells.length,
    outputs: {},
    finished: [],
    runningCellId: null,
  };
  /** requestId → cell id of this run's executions, so late outputs land in their cell. */
  const requests = new Map<string, string>();
  let running: string | null = null;
  let cancelled = false;
  let settle: (outcome: ReplayOutcome) => void = () => undefined;
  const outcome = new Promise<ReplayOutcome>((resolve) => (settle = resolve));

  const update = (next: ReplaySnapshot) => {
    snapshot = next;
    onUpdate(snapshot);
  };
  const finish = (status: ReplayStatus, failedCellId: string | null) => {
    running = null;
    unsubscribe();
    update({ ...snapshot, runningCellId: null });
    settle({ ...snapshot, status, failedCellId });
  };
  const next = () => {
    const cell = cells[snapshot.current];
    if (cancelled) return finish('cancelled', null);
    if (!cell) return finish('done', null);
    const requestId = `replay-${run}-${cell.id}`;
    requests.set(requestId, cell.id);
    running = requestId;
    update({ ...snapshot, current: snapshot.current + 1, runningCellId: cell.id });
    kernel.execute({
      requestId,
      cellId: cell.id,
      code: cell.source,
      executionCount: snapshot.current,
    });
  };
  const onEvent = (event: KernelClientEvent) => {
    switch (event.type) {
      case 'output': {
        const cellId = requests.get(event.requestId);
        if (cellId === undefined) return;
        const outputs = appendOutput(snapshot.outputs[cellId] ?? [], event.output);
        return update({ ...snapshot, outputs: { ...snapshot.outputs, [cellId]: outputs } });
      }
      case 'display-update': {
        if (!requests.has(event.requestId)) return;
        const outputs = Object.fromEntries(
          Object.entries(snapshot.outputs).map(([id, list]) => [
            id,
            replaceDisplay(list, event.displayId, event.output),
          ]),
        );
        return update({ ...snapshot, outputs });
      }
      case 'done': {
        if (event.requestId !== running) return;
        const cellId = event.cellId;
        update({
          ...snapshot,
          outputs: { ...snapshot.outputs, [cellId]: snapshot.outputs[cellId] ?? [] },
          finished: [...snapshot.finished, cellId],
        });
        if (event.status === 'done') return next();
        // Interrupted by Cancel or by the toolbar's Interrupt: either way the person stopped it.
        return event.status === 'interrupted' ? finish('cancelled', null) : finish('error', cellId);
      }
      case 'stopped':
        // The kernel died: the running cell's `done` may never come.
        if (running !== null) finish('error', requests.get(running) ?? null);
        return;
      case 'ready':
      case 'loading':
      case 'info':
      case 'status':
      case 'job':
      case 'restarted':
        return;
      default:
        event satisfies never;
    }
  };
  const unsubscribe = kernel.subscribe(onEvent);
  next();
  return {
    cancel: () => {
      if (running === null || cancelled) return;
      cancelled = true;
      kernel.interrupt();
    },
    outcome,
  };
}
