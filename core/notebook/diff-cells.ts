/**
 * Which cell of the baseline each cell of the current notebook is compared with. Cells match by
 * id (nbformat 4.5). Cells whose id the other notebook lacks (a tool that gave every cell a new
 * id, a cell rewritten) fall back to position: between two cells matched by id, the unmatched
 * cells of either side pair in order, a code cell with a code cell, a markdown cell with a
 * markdown cell; what is left over was added or removed. Cells tagged `injected-parameters`
 * take no part (a replay's injected values are reported as parameters instead).
 */
import type { Cell } from './model';

export const INJECTED_PARAMETERS_TAG = 'injected-parameters';

/** A cell and its 0-based index among all the notebook's cells. */
export type PlacedCell = { index: number; cell: Cell };

export type CellPair =
  | { baseline: PlacedCell; current: PlacedCell }
  | { baseline: PlacedCell; current: null }
  | { baseline: null; current: PlacedCell };

export function isInjectedParameters(cell: Cell): boolean {
  const tags = cell.metadata.tags;
  return Array.isArray(tags) && tags.includes(INJECTED_PARAMETERS_TAG);
}

function comparedCells(cells: Cell[]): PlacedCell[] {
  return cells.flatMap((cell, index) => (isInjectedParameters(cell) ? [] : [{ index, cell }]));
}

/** The pairs in the current notebook's order, each removed cell after the cell before it. */
export function matchCells(baselineCells: Cell[], currentCells: Cell[]): CellPair[] {
  const baseline = comparedCells(baselineCells);
  const current = comparedCells(currentCells);
  const byId = new Map(current.map((c) => [c.cell.id, c]));
  /** Position in `baseline` → its partner in `current`, for the cells matched by id. */
  const partnerOf = new Map<number, PlacedCell>();
  const matchedCurrent = new Map<PlacedCell, number>();
  baseline.forEach((b, i) => {
    const partner = byId.get(b.cell.id);
    // Ids are unique in a valid notebook; a damaged one's second use of an id pairs by position.
    if (partner === undefined || matchedCurrent.has(partner)) return;
    partnerOf.set(i, partner);
    matchedCurrent.set(partner, i);
  });

  // Unmatched cells grouped by the baseline position of the id-matched cell before them.
  const gapsA = new Map<number, PlacedCell[]>();
  const gapsB = new Map<number, PlacedCell[]>();
  const push = (gaps: Map<number, PlacedCell[]>, gap: number, cell: PlacedCell) => {
    const cells = gaps.get(gap);
    if (cells) cells.push(cell);
    else gaps.set(gap, [cell]);
  };
  let gap = -1;
  baseline.forEach((b, i) => {
    if (partnerOf.has(i)) gap = i;
    else push(gapsA, gap, b);
  });
  gap = -1;
  for (const c of current) {
    const at = matchedCurrent.get(c);
    if (at === undefined) push(gapsB, gap, c);
    else gap = at;
  }

  const pairs: { pair: CellPair; order: [number, number] }[] = [];
  partnerOf.forEach((partner, i) =>
    pairs.push({ pair: { baseline: baseline[i], current: partner }, order: [partner.index, 0] }),
  );
  for (const [at, cells] of gapsA) {
    const after = at === -1 ? -1 : (partnerOf.get(at)?.index ?? -1);
    const candidates = gapsB.get(at) ?? [];
    gapsB.delete(at);
    let next = 0;
    for (const b of cells) {
      const found = candidates.findIndex(
        (c, j) => j >= next && c.cell.cell_type === b.cell.cell_type,
      );
      if (found === -1) {
        pairs.push({ pair: { baseline: b, current: null }, order: [after + 0.5, b.index] });
        continue;
      }
      for (const skipped of candidates.slice(next, found))
        pairs.push({ pair: { baseline: null, current: skipped }, order: [skipped.index, 0] });
      const c = candidates[found];
      pairs.push({ pair: { baseline: b, current: c }, order: [c.index, 0] });
      next = found + 1;
    }
    for (const left of candidates.slice(next))
      pairs.push({ pair: { baseline: null, current: left }, order: [left.index, 0] });
  }
  for (const cells of gapsB.values())
    for (const c of cells)
      pairs.push({ pair: { baseline: null, current: c }, order: [c.index, 0] });
  pairs.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1]);
  return pairs.map((p) => p.pair);
}
