/**
 * The client's view of the cells it sent to the kernel worker and that have not ended yet:
 * queued, or running since when. When the worker has to be replaced, these are the cells that
 * end as `interrupted` without the worker saying so.
 */
import type { KernelEvent } from '../../core/protocol';

type TrackedCell = { requestId: string; cellId: string; startedAt: number | null };

export type DoneEvent = Extract<KernelEvent, { type: 'done' }>;

export class CellTracker {
  /** In the order they were sent, which is the order the worker runs them. */
  private readonly cells = new Map<string, TrackedCell>();

  queued(requestId: string, cellId: string): void {
    this.cells.set(requestId, { requestId, cellId, startedAt: null });
  }

  started(requestId: string, now: number): void {
    const cell = this.cells.get(requestId);
    if (cell) cell.startedAt = now;
  }

  finished(requestId: string): void {
    this.cells.delete(requestId);
  }

  isPending(requestId: string): boolean {
    return this.cells.has(requestId);
  }

  pendingIds(): string[] {
    return [...this.cells.keys()];
  }

  /** Forgets every cell, returning the events that end each one as interrupted. */
  interruptAll(now: number): DoneEvent[] {
    return this.drain().map((cell) => done(cell, 'interrupted', now));
  }

  /** Forgets every cell, returning events that end each one with `evalue` as its error. */
  failAll(evalue: string, now: number): KernelEvent[] {
    return this.drain().flatMap((cell): KernelEvent[] => [
      {
        type: 'output',
        requestId: cell.requestId,
        cellId: cell.cellId,
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
    requestId: cell.requestId,
    cellId: cell.cellId,
    status,
    durationMs: cell.startedAt === null ? 0 : now - cell.startedAt,
    errorLocation: null,
  };
}
