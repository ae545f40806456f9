/**
 * Each replayed cell against its saved outputs (core/notebook/diff.ts, the comparison
 * `quarry diff` makes): `changed`, `same`, or `new` where the saved notebook had no outputs.
 * The replay's outputs are first cut as a file keeps them (file-outputs.ts), so a table is
 * compared on the rows a saved one has.
 */
import { DEFAULT_TOLERANCE, diffOutputs, type OutputChange } from '../../core/notebook/diff';
import { trimOutputsForFile } from '../../core/notebook/file-outputs';
import {
  createCodeCell,
  createNotebook,
  type Cell,
  type Notebook,
} from '../../core/notebook/model';
import type { Output } from '../../core/outputs';

export type ChangeBadge = 'changed' | 'same' | 'new';

export type CellComparison = { badge: ChangeBadge; changes: OutputChange[] };

/** Comparisons by cell id, for the document's code cells whose replay has ended. */
export function compareCells(
  document: Notebook,
  outputs: Record<string, Output[]>,
  finished: readonly string[],
): Record<string, CellComparison> {
  const ended = new Set(finished);
  const comparisons: Record<string, CellComparison> = {};
  for (const cell of document.cells) {
    if (cell.cell_type !== 'code' || !ended.has(cell.id) || isInjectedCell(cell)) continue;
    const current = asSaved(outputs[cell.id] ?? []);
    if (cell.outputs.length === 0) {
      comparisons[cell.id] = { badge: current.length > 0 ? 'new' : 'same', changes: [] };
      continue;
    }
    const changes = diffOutputs(cell.outputs, current, DEFAULT_TOLERANCE);
    comparisons[cell.id] = { badge: changes.length > 0 ? 'changed' : 'same', changes };
  }
  return comparisons;
}

/** `3 of 12 cells changed`, and how many are new, over the cells compared so far. */
export function summaryLine(comparisons: Record<string, CellComparison>): string {
  const all = Object.values(comparisons);
  const count = (badge: ChangeBadge) => all.filter((c) => c.badge === badge).length;
  const cells = all.length === 1 ? 'cell' : 'cells';
  const fresh = count('new');
  return `${count('changed')} of ${all.length} ${cells} changed${fresh > 0 ? `, ${fresh} new` : ''}`;
}

/** The injected-parameters cell differs by design; the form says what it holds. */
export function isInjectedCell(cell: Cell): boolean {
  const tags = cell.metadata.tags;
  return Array.isArray(tags) && tags.includes('injected-parameters');
}

function asSaved(outputs: Output[]): Output[] {
  const [cell] = trimOutputsForFile(createNotebook([{ ...createCodeCell(), outputs }])).cells;
  return cell.cell_type === 'code' ? cell.outputs : outputs;
}
