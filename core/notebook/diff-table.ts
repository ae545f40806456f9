/**
 * Tables (`application/vnd.dataresource+json`, core/table-resource.ts) compared by their data,
 * never by their text or HTML renderings: the schema (column names and types), the row count
 * (`quarry.total_rows` when the output holds only the first rows) and the values of the rows
 * both outputs hold, row by row, column by column for the columns both have, with the
 * tolerance. The rest of the `quarry` block (`result_id`, the source types) is runtime detail
 * or rendering and is not compared. Tables from other tools are read leniently: a missing
 * schema is taken from the rows' keys.
 */
import { isJsonObject } from '../json';
import type { DiffTolerance, SchemaChange, TableChange } from './diff-types';
import { ValueTally } from './diff-values';

type Table = { fields: { name: string; type: string }[]; rows: unknown[]; totalRows: number };

/** Null when the tables are the same within the tolerance. */
export function diffTable(
  baseline: unknown,
  current: unknown,
  tolerance: DiffTolerance,
  output: number | null,
): TableChange | null {
  const a = readTable(baseline);
  const b = readTable(current);
  const schema = diffSchema(a.fields, b.fields);
  const rows = { baseline: a.totalRows, current: b.totalRows };
  const tally = new ValueTally(tolerance);
  const columns = b.fields
    .map((f) => f.name)
    .filter((name) => a.fields.some((f) => f.name === name));
  const held = Math.min(a.rows.length, b.rows.length);
  for (let row = 0; row < held; row++) {
    const rowA = recordOf(a.rows[row]);
    const rowB = recordOf(b.rows[row]);
    for (const column of columns) {
      const before = rowA[column];
      const after = rowB[column];
      if (before === after) tally.addIdentical();
      else tally.add(row + 1, column, before, after);
    }
  }
  const values = tally.stats();
  if (schema === null && rows.baseline === rows.current && values.changed === 0) return null;
  return {
    kind: 'table',
    output,
    schema,
    rows,
    values,
    rowsHeld: { baseline: a.rows.length, current: b.rows.length },
  };
}

function readTable(value: unknown): Table {
  const table = isJsonObject(value) ? value : {};
  const rows: unknown[] = Array.isArray(table.data) ? table.data : [];
  const schema = isJsonObject(table.schema) ? table.schema : {};
  const declared = Array.isArray(schema.fields) ? schema.fields : [];
  const fields = declared.flatMap((field) =>
    isJsonObject(field) && typeof field.name === 'string'
      ? [{ name: field.name, type: typeof field.type === 'string' ? field.type : 'any' }]
      : [],
  );
  if (fields.length === 0 && rows.length > 0)
    fields.push(...Object.keys(recordOf(rows[0])).map((name) => ({ name, type: 'any' })));
  const quarry = isJsonObject(table.quarry) ? table.quarry : {};
  const total = quarry.total_rows;
  const totalRows =
    typeof total === 'number' && Number.isInteger(total) && total >= rows.length
      ? total
      : rows.length;
  return { fields, rows, totalRows };
}

const EMPTY: Record<string, unknown> = {};

function recordOf(row: unknown): Record<string, unknown> {
  return typeof row === 'object' && row !== null && !Array.isArray(row)
    ? (row as Record<string, unknown>)
    : EMPTY;
}

function diffSchema(a: Table['fields'], b: Table['fields']): SchemaChange | null {
  const typeA = new Map(a.map((f) => [f.name, f.type]));
  const typeB = new Map(b.map((f) => [f.name, f.type]));
  const added = b.filter((f) => !typeA.has(f.name)).map((f) => f.name);
  const removed = a.filter((f) => !typeB.has(f.name)).map((f) => f.name);
  const retyped = b.flatMap((f) => {
    const before = typeA.get(f.name);
    return before !== undefined && before !== f.type
      ? [{ column: f.name, baseline: before, current: f.type }]
      : [];
  });
  const commonA = a.filter((f) => typeB.has(f.name)).map((f) => f.name);
  const commonB = b.filter((f) => typeA.has(f.name)).map((f) => f.name);
  const reordered = commonA.some((name, i) => name !== commonB[i]);
  if (added.length === 0 && removed.length === 0 && retyped.length === 0 && !reordered) return null;
  return { added, removed, retyped, reordered };
}
