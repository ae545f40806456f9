/**
 * The client's view of the cells it sent to the kernel worker and that have not ended yet:
 * queued, or running since when. When the worker has to be replaced, the cells being stopped
 * end as `interrupted` without the worker saying so, and the others are sent again to the new
 * worker, so the tracker keeps each request whole.
 */
import type { KernelEvent } from '../../core/protocol';
import type { ExecuteRequest } from './kernel-client';

type TrackedCell = { request: ExecuteRequest; startedAt: number | null };

export type DoneEvent = Extract<KernelEvent, { type: 'done' }>;

export class CellTracker {
  /** In the order they were sent, which is the order the worker runs them. */
  private readonly cells = new Map<string, TrackedCell>();

  queued(request: ExecuteRequest): void {
    this.cells.set(request.requestId, { request, startedAt: null });
  }

  started(requestId: string, now: number): void {
    const cell = this.cells.get(requestId);
    if (cell) cell.startedAt = now;
  }

  finished(requestId: string): void {
    this.cells.delete(requestId);
  }

  pendingIds(): string[] {
    return [...this.cells.keys()];
  }

  /** Forgets the cells `requestIds` names, returning the events that end each as interrupted. */
  interrupt(requestIds: ReadonlySet<string>, now: number): DoneEvent[] {
    const stopped = [...this.cells.values()].filter((c) => requestIds.has(c.request.requestId));
    for (const cell of stopped) this.cells.delete(cell.request.requestId);
    return stopped.map((cell) => done(cell, 'interrupted', now));
  }

  /**
   * The cells still pending, in order, to send to a new worker: none of them has run there, so
   * each counts as queued again (whatever the old worker said about it is void).
   */
  resend(): ExecuteRequest[] {
    for (const cell of this.cells.values()) cell.startedAt = null;
    return [...this.cells.values()].map((cell) => cell.request);
  }

  /** Forgets every cell, returning events that end each one with `evalue` as its error. */
  failAll(evalue: string, now: number): KernelEvent[] {
    return this.drain().flatMap((cell): KernelEvent[] => [
      {
        type: 'output',
        requestId: cell.request.requestId,
        cellId: cell.request.cellId,
        output: {
          output_type: 'error',
          ename: 'KernelError',
          evalue,
          traceback: [`KernelError: ${evalue}`],
        },
      },
      done(cell, 'error', now),
    ]);
  }

  private drain(): TrackedCell[] {
    const cells = [...this.cells.values()];
    this.cells.clear();
    return cells;
  }
}

function done(cell: TrackedCell, status: DoneEvent['status'], now: number): DoneEvent {
  return {
    type: 'done',
    requestId: cell.request.requestId,
    cellId: cell.request.cellId,
    status,
    durationMs: cell.startedAt === null ? 0 : now - cell.startedAt,
    errorLocation: null,
    engine: null,
    dependencies: { defines: [], reads: [] },
    seeds: [],
    trainingRuns: [],
  };
}
