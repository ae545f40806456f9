/**
 * What `quarry diff` finds between two notebooks, as plain JSON-safe data: `quarry diff --json`
 * prints a NotebookDiff as it is, so its keys are a contract (docs/replay.md, "quarry diff").
 * Numbers are finite or null, never NaN or Infinity; every key is always present.
 */
import type { JsonObject, JsonValue } from '../json';
import type { CellKind } from './model';

/** Two numbers are the same when |current − baseline| ≤ atol + rtol·|baseline|. */
export type DiffTolerance = { rtol: number; atol: number };

export type NotebookDiff = {
  /** The version of this JSON shape: bumped when a key changes meaning or goes away. */
  format: 1;
  tolerance: DiffTolerance;
  /** True when no cell differs beyond the tolerance (notes such as edited sources allowed). */
  same: boolean;
  /** Cells compared (matched, added and removed; `injected-parameters` cells left out). */
  cellsCompared: number;
  cellsDiffering: number;
  parameters: ParametersDiff;
  /** Cells that differ, and cells with a note (an edited source), in the current's order. */
  cells: CellDiff[];
};

/** The parameters each notebook's run recorded (`metadata.quarry.parameters`). */
export type ParametersDiff = {
  baseline: JsonObject | null;
  current: JsonObject | null;
  /** Names whose value differs, or that only one side has, sorted. */
  changed: string[];
};

/**
 * - `changed`: matched, and its outputs differ.
 * - `edited`: matched, outputs the same but the source changed (a note: not a difference).
 * - `added` / `removed`: only in the current / only in the baseline. A code cell added or
 *   removed is a difference; a markdown or raw one is a note (they have no outputs).
 */
export type CellStatus = 'changed' | 'edited' | 'added' | 'removed';

export type CellDiff = {
  status: CellStatus;
  differs: boolean;
  /** 1-based position among all cells of the current notebook (what `quarry run` prints). */
  number: number | null;
  /** 1-based position in the baseline. */
  baselineNumber: number | null;
  /** The current cell's id (the baseline's for a removed cell). */
  id: string;
  /** The baseline cell's id: another one when the cells were matched by position. */
  baselineId: string | null;
  kind: CellKind;
  sourceChanged: boolean;
  /** Empty unless `changed`. */
  outputs: OutputChange[];
};

/** What a display or result is compared as (core/notebook/diff-outputs.ts, `representation`). */
export type OutputKind = 'table' | 'chart' | 'image' | 'text' | 'data';

export type OutputChange =
  | TextChange
  | TableChange
  | ChartChange
  | ImageChange
  | DataChange
  | ErrorChange
  | OutputPresenceChange
  | OutputKindChange;

/** Where an output sits: its 1-based position in the cell's outputs (current's, else baseline's). */
type AtOutput = { output: number | null };

/** Streams (all of a cell's stdout together, stderr apart) and text, HTML, markdown outputs. */
export type TextChange = AtOutput & {
  kind: 'text';
  /** `stdout`, `stderr`, or the MIME type compared (`text/plain`, `text/html`, …). */
  what: string;
  linesChanged: number;
  hunks: TextHunk[];
  /** Hunks found: more than `hunks` holds when the text changed in many places. */
  totalHunks: number;
};

export type TextHunk = {
  /** 1-based line in the baseline's text where the hunk starts (its removed lines). */
  baselineLine: number;
  currentLine: number;
  removed: string[];
  added: string[];
  /** Lines of the hunk left out of `removed` / `added` to keep the diff short. */
  removedMore: number;
  addedMore: number;
};

export type TableChange = AtOutput & {
  kind: 'table';
  schema: SchemaChange | null;
  /**
   * Row counts of the whole results (`quarry.total_rows` when the output holds the first rows);
   * a difference when they differ.
   */
  rows: { baseline: number; current: number };
  /** The rows both outputs hold, compared column by column for the columns both have. */
  values: ValueStats;
  /** Rows each output holds (fewer than its row count when the table was cut). */
  rowsHeld: { baseline: number; current: number };
};

export type SchemaChange = {
  added: string[];
  removed: string[];
  retyped: { column: string; baseline: string; current: string }[];
  /** Same columns, another order. */
  reordered: boolean;
};

export type ValueStats = {
  compared: number;
  changed: number;
  /** Largest |current − baseline| among changed numbers; null when no number changed. */
  maxAbs: number | null;
  /** Largest |current − baseline| / |baseline| among changed numbers with a baseline ≠ 0. */
  maxRel: number | null;
  examples: ValueExample[];
};

/** `row` is 1-based (a table's row, a chart trace's point); for a chart `column` is the key. */
export type ValueExample = { row: number; column: string; baseline: JsonValue; current: JsonValue };

export type ChartChange = AtOutput & {
  kind: 'chart';
  traces: { baseline: number; current: number } | null;
  differences: ChartDifference[];
};

export type ChartDifference =
  | {
      kind: 'values';
      /** 1-based trace number. */
      trace: number;
      key: string;
      lengths: { baseline: number; current: number } | null;
      values: ValueStats;
    }
  | {
      kind: 'setting';
      /** 1-based trace number; null for the layout. */
      trace: number | null;
      key: string;
      baseline: JsonValue;
      current: JsonValue;
    };

export type ImageChange = AtOutput & {
  kind: 'image';
  mime: string;
  baselineBytes: number;
  currentBytes: number;
};

/** Another MIME type (`application/json`, …), compared as JSON with the tolerance. */
export type DataChange = AtOutput & { kind: 'data'; mime: string };

export type ErrorChange = AtOutput & {
  kind: 'error';
  baseline: { ename: string; evalue: string } | null;
  current: { ename: string; evalue: string } | null;
};

export type OutputPresenceChange = AtOutput & {
  kind: 'added' | 'removed';
  what: OutputKind;
};

export type OutputKindChange = AtOutput & {
  kind: 'kind';
  baseline: OutputKind;
  current: OutputKind;
};
