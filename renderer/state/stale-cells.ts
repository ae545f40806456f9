/**
 * Which cells are stale: their outputs were computed from values that have changed since,
 * derived from what each cell's code read and defined when it last ran (the kernel's
 * dependencies, core/protocol.ts), not from the order of the cells alone.
 *
 * A cell C that ran is stale when, for a name it read, another cell D that defines that name
 * - changed: D's code differs from the code D last ran with (edited since), or
 * - ran after C (a rerun of D, or D's first run coming after C's), or
 * - is itself stale (transitively, through any number of dependants).
 * A cell whose own code changed since it ran is "edited" instead: it is not stale (running it
 * brings it up to date), but its dependants are. Only the current kernel's runs count: a restart
 * clears every mark until cells run again.
 */
import type { Cell } from '../../core/notebook/model';
import type { CellRun } from './notebook-state';

export type StaleCause = {
  /** The 1-based number of the cell that makes this one stale (`Cell N`). */
  upstream: number;
  /** The name it defines that this cell read. */
  name: string;
  why: 'changed' | 'ran-after' | 'stale';
};

export type Staleness = { kind: 'stale'; cause: StaleCause } | { kind: 'edited' };

type RanCell = { id: string; number: number; run: CellRun; edited: boolean };

/**
 * @param runOf the cell's last run in the current kernel, or null (renderer/state/notebook-state.ts
 *   `currentRunOf`)
 * @returns the cells that are stale or edited, by id; the others are up to date or never ran
 */
export function staleCells(
  cells: readonly Cell[],
  runOf: (cellId: string) => CellRun | null,
): Map<string, Staleness> {
  const ran: RanCell[] = [];
  cells.forEach((cell, index) => {
    const run = cell.cell_type === 'code' ? runOf(cell.id) : null;
    if (run) ran.push({ id: cell.id, number: index + 1, run, edited: run.source !== cell.source });
  });
  const definers = new Map<string, RanCell[]>();
  for (const cell of ran) {
    for (const name of cell.run.dependencies.defines)
      definers.set(name, [...(definers.get(name) ?? []), cell]);
  }
  const stale = new Map<string, StaleCause>();
  // Each pass marks at least one more cell or ends, so this ends after at most `ran.length`.
  for (let changed = true; changed;) {
    changed = false;
    for (const cell of ran) {
      if (stale.has(cell.id)) continue;
      const cause = causeOf(cell, definers, stale);
      if (cause) {
        stale.set(cell.id, cause);
        changed = true;
      }
    }
  }
  const marks = new Map<string, Staleness>();
  for (const cell of ran) {
    const cause = stale.get(cell.id);
    if (cause) marks.set(cell.id, { kind: 'stale', cause });
    else if (cell.edited) marks.set(cell.id, { kind: 'edited' });
  }
  return marks;
}

function causeOf(
  cell: RanCell,
  definers: ReadonlyMap<string, RanCell[]>,
  stale: ReadonlyMap<string, StaleCause>,
): StaleCause | null {
  for (const name of cell.run.dependencies.reads) {
    for (const upstream of definers.get(name) ?? []) {
      if (upstream.id === cell.id) continue;
      const why = upstream.edited
        ? 'changed'
        : upstream.run.sequence > cell.run.sequence
          ? 'ran-after'
          : stale.has(upstream.id)
            ? 'stale'
            : null;
      if (why) return { upstream: upstream.number, name, why };
    }
  }
  return null;
}

/** Why a cell is stale, for its status line's tooltip. */
export function describeStaleCause(cause: StaleCause): string {
  const what = `it defines ${cause.name}, which this cell reads`;
  switch (cause.why) {
    case 'changed':
      return `cell ${cause.upstream} changed after this cell ran: ${what}`;
    case 'ran-after':
      return `cell ${cause.upstream} ran after this cell: ${what}`;
    case 'stale':
      return `cell ${cause.upstream} is stale: ${what}`;
  }
}
