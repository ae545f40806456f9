/**
 * The table of an `application/vnd.dataresource+json` bundle (core/table-resource.ts: what the
 * kernel writes), checked field by field because a notebook may come from another tool, so it is
 * read leniently. Rows stay as they came: copying 100k rows to render 30 is waste.
 */
import { tableShapeNote, type TableResourceQuarry } from '../../../core/table-resource';

export type Column = {
  name: string;
  /** Table Schema type: integer, number, string, boolean, date, datetime, … */
  type: string;
  /** What the header shows: the source's own type when the kernel sent it, else `type`. */
  label: string;
  /** Position in the schema; also the key of a row written as an array. */
  index: number;
  numeric: boolean;
};

export type TableModel = {
  columns: Column[];
  rows: readonly unknown[];
  /** Rows of the whole result: more than `rows.length` when the kernel sent only the first ones. */
  totalRows: number;
  /**
   * The name the kernel keeps the whole result under (`quarry.result_id`), to page through and
   * sort it there; null for a table from a file or another tool.
   */
  resultId: string | null;
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isTableResource(value: unknown): boolean {
  return parseTable(value) !== null;
}

export function parseTable(value: unknown): TableModel | null {
  if (!isRecord(value) || !isRecord(value.schema) || !Array.isArray(value.data)) return null;
  const fields = value.schema.fields;
  if (!Array.isArray(fields) || !fields.every((f) => isRecord(f) && typeof f.name === 'string'))
    return null;
  // Quarry's own block, key by key as core names them, each still to be checked.
  const quarry: Partial<Record<keyof TableResourceQuarry, unknown>> = isRecord(value.quarry)
    ? value.quarry
    : {};
  const sourceTypes = Array.isArray(quarry.source_types) ? quarry.source_types : [];
  const columns = fields.map((field: Record<string, unknown>, index): Column => {
    const type = typeof field.type === 'string' ? field.type : 'any';
    const source = sourceTypes[index];
    return {
      name: String(field.name),
      type,
      label: typeof source === 'string' && source !== '' ? source : type,
      index,
      numeric: type === 'number' || type === 'integer',
    };
  });
  const total = quarry.total_rows;
  const totalRows =
    typeof total === 'number' && Number.isInteger(total) && total >= value.data.length
      ? total
      : value.data.length;
  const resultId = typeof quarry.result_id === 'string' ? quarry.result_id : null;
  return { columns, rows: value.data, totalRows, resultId };
}

/** A row's value in `column`: rows are objects keyed by name, or arrays in schema order. */
export function cellOf(row: unknown, column: Column): unknown {
  if (Array.isArray(row)) return row[column.index];
  if (isRecord(row)) return row[column.name];
  return undefined;
}

/** "N rows × M columns", with "(first K shown)" when the view shows only the first K rows. */
export function shapeNote(table: TableModel, shown = table.rows.length): string {
  return tableShapeNote(table.totalRows, table.columns.length, shown);
}
