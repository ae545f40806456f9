/**
 * A table output as Quarry writes it: `application/vnd.dataresource+json` (a Frictionless Table
 * Schema and its rows) with Quarry's own `quarry` block. The kernel builds it
 * (kernels/display/table-bundle.ts), the file trimmer keeps part of it (notebook/file-outputs.ts)
 * and the renderer shows it (renderer/outputs/table/): they take the shape, the row limits and
 * the shape note from here. Tables from other tools may differ, so readers stay lenient.
 */
import type { JsonObject } from './json';

/** Table Schema field types, as Quarry's kernel names its columns'. */
export type TableFieldType =
  'integer' | 'number' | 'string' | 'boolean' | 'date' | 'datetime' | 'array' | 'object' | 'any';

export type TableResource = {
  schema: { fields: { name: string; type: TableFieldType }[] };
  /** The first rows (at most OUTPUT_TABLE_ROWS), as objects keyed by field name. */
  data: JsonObject[];
  quarry: TableResourceQuarry;
};

export type TableResourceQuarry = {
  /** Rows of the whole result: more than `data` holds when it is long. */
  total_rows: number;
  /** Each field's type as the source names it (`Float64`, `Utf8`), for the header. */
  source_types: string[];
  /**
   * The name the app's kernel keeps the whole result under, to page through and sort it there;
   * absent in headless runs and in files (it means nothing outside that kernel).
   */
  result_id?: string;
};

/** The rows an output carries: a 10M-row result costs the notebook a few kilobytes. */
export const OUTPUT_TABLE_ROWS = 500;

/** The rows a saved notebook keeps of a table (one from another tool may hold more). */
export const FILE_TABLE_ROWS = 500;

/** "N rows × M columns", with "(first K shown)" when only the first K of the N are shown. */
export function tableShapeNote(rows: number, columns: number, shown: number): string {
  const size = `${rows.toLocaleString('en-US')} ${rows === 1 ? 'row' : 'rows'} × ${columns} ${columns === 1 ? 'column' : 'columns'}`;
  return shown < rows ? `${size} (first ${shown.toLocaleString('en-US')} shown)` : size;
}
