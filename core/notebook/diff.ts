/**
 * What changed between two runs of a notebook (`quarry diff`, `quarry run --compare`, the app's
 * replay badges): cell by cell, their outputs by kind, numbers within a tolerance. A difference
 * is a difference in what the code produced: a matched cell's outputs, or a code cell added or
 * removed. Edited sources and prose cells added or removed are reported as notes and do not
 * make two notebooks differ. The modules: diff-cells.ts (which cells pair), diff-outputs.ts
 * (one cell), diff-table.ts, diff-chart.ts, diff-text.ts, diff-values.ts (the tolerance),
 * diff-format.ts (the summary), diff-types.ts (the JSON shape).
 */
import type { JsonObject } from '../json';
import type { Output } from '../outputs';
import { matchCells, type CellPair } from './diff-cells';
import { diffOutputs } from './diff-outputs';
import type { CellDiff, DiffTolerance, NotebookDiff, ParametersDiff } from './diff-types';
import { sameValue } from './diff-values';
import { cellKindOf, type Cell, type Notebook } from './model';
import { recordedParametersOf } from './run-record';

export type * from './diff-types';
export { diffOutputs } from './diff-outputs';
export { formatCellDiff, formatNotebookDiff } from './diff-format';

/**
 * rtol 1e-9: the same doubles summed in another order (DuckDB aggregates in parallel, in
 * whatever order its threads finish) differ in the last bits, up to about n·2⁻⁵³ relative for n
 * terms: 1e-9 absorbs that for sums of millions of rows while any change a person would call a
 * change (a value moving in its 6th significant digit, what a table shows) is reported.
 * atol 1e-12: a result that should be 0 comes out as 1e-17 and such; below 1e-12 of anything
 * is rounding, not data. numpy's isclose defaults (1e-5, 1e-8) hide real changes in small
 * values, so they are not the default; `--rtol` / `--atol` loosen it.
 */
export const DEFAULT_TOLERANCE: DiffTolerance = { rtol: 1e-9, atol: 1e-12 };

export function diffNotebooks(
  baseline: Notebook,
  current: Notebook,
  tolerance: DiffTolerance,
): NotebookDiff {
  const pairs = matchCells(baseline.cells, current.cells);
  const cells = pairs.flatMap((pair) => {
    const diff = diffPair(pair, tolerance);
    return diff === null ? [] : [diff];
  });
  const cellsDiffering = cells.filter((c) => c.differs).length;
  return {
    format: 1,
    tolerance: { ...tolerance },
    same: cellsDiffering === 0,
    cellsCompared: pairs.length,
    cellsDiffering,
    parameters: diffParameters(baseline.metadata, current.metadata),
    cells,
  };
}

function outputsOf(cell: Cell): Output[] {
  return cell.cell_type === 'code' ? cell.outputs : [];
}

function diffPair(pair: CellPair, tolerance: DiffTolerance): CellDiff | null {
  const { baseline, current } = pair;
  if (baseline === null)
    return {
      status: 'added',
      differs: current.cell.cell_type === 'code',
      number: current.index + 1,
      baselineNumber: null,
      id: current.cell.id,
      baselineId: null,
      kind: cellKindOf(current.cell),
      sourceChanged: false,
      outputs: [],
    };
  if (current === null)
    return {
      status: 'removed',
      differs: baseline.cell.cell_type === 'code',
      number: null,
      baselineNumber: baseline.index + 1,
      id: baseline.cell.id,
      baselineId: baseline.cell.id,
      kind: cellKindOf(baseline.cell),
      sourceChanged: false,
      outputs: [],
    };
  const outputs = diffOutputs(outputsOf(baseline.cell), outputsOf(current.cell), tolerance);
  const sourceChanged =
    baseline.cell.source !== current.cell.source ||
    baseline.cell.cell_type !== current.cell.cell_type;
  if (outputs.length === 0 && !sourceChanged) return null;
  return {
    status: outputs.length > 0 ? 'changed' : 'edited',
    differs: outputs.length > 0,
    number: current.index + 1,
    baselineNumber: baseline.index + 1,
    id: current.cell.id,
    baselineId: baseline.cell.id,
    kind: cellKindOf(current.cell),
    sourceChanged,
    outputs,
  };
}

/** Parameters are inputs, compared exactly: a replay with other values is what the user asked for. */
function diffParameters(baseline: JsonObject, current: JsonObject): ParametersDiff {
  const a = recordedParametersOf(baseline);
  const b = recordedParametersOf(current);
  const names = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  const exact = { rtol: 0, atol: 0 };
  const changed = [...names]
    .filter((name) => {
      const before = a?.[name];
      const after = b?.[name];
      return before === undefined || after === undefined || !sameValue(before, after, exact);
    })
    .sort();
  return { baseline: a, current: b, changed };
}
