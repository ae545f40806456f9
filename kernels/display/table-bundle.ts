/**
 * Tables as MIME bundles: `application/vnd.dataresource+json` for the app's table view,
 * `text/html` for other Jupyter front ends and `text/plain` for terminals. Each shows the row
 * count and only the first rows, so a 10M-row result costs the notebook a few kilobytes. The app's
 * kernel keeps the table itself (runtime/kept-tables.ts) and names it in the bundle, so the view
 * pages through the rest and sorts all of it by asking the kernel.
 */
import type { JsonObject, JsonValue } from '../../core/json';
import { MIME, type MimeBundle } from '../../core/outputs';
import { OUTPUT_TABLE_ROWS, tableShapeNote, type TableResource } from '../../core/table-resource';
import type { Field } from '../frames/arrow-columns';
import { escapeHtml } from './html';
import { firstRows, type TableSource } from './table-source';

/** What the HTML and plain-text views show (the table itself: OUTPUT_TABLE_ROWS). */
export const TABLE_LIMITS = {
  htmlRows: 20,
  plainRows: 10,
  cellChars: 200,
} as const;

/**
 * @param resultId the name the kernel keeps the table under (`quarry.result_id`), or null when
 *   it does not keep it (headless runs).
 */
export function tableBundle(source: TableSource, resultId: string | null = null): MimeBundle {
  const shown = Math.min(source.numRows, OUTPUT_TABLE_ROWS);
  const json = source.rows(firstRows(shown)).map((row) => jsonRow(row, source.fields));
  const table: TableResource = {
    schema: { fields: source.fields.map(({ name, type }) => ({ name, type })) },
    data: json,
    quarry: {
      total_rows: source.numRows,
      source_types: source.fields.map((f) => f.sourceType),
      ...(resultId === null ? {} : { result_id: resultId }),
    },
  };
  return {
    [MIME.table]: table,
    [MIME.html]: htmlTable(source, json.slice(0, TABLE_LIMITS.htmlRows)),
    [MIME.text]: plainTable(source, json.slice(0, TABLE_LIMITS.plainRows)),
  };
}

export function shapeNote(source: TableSource, shown: number): string {
  return tableShapeNote(source.numRows, source.fields.length - (source.indexColumns ?? 0), shown);
}

function htmlTable(source: TableSource, rows: Record<string, unknown>[]): string {
  const head = source.fields
    .map((f) => `<th title="${escapeHtml(f.sourceType)}">${escapeHtml(f.name)}</th>`)
    .join('');
  const body = rows
    .map(
      (row) =>
        `<tr>${source.fields.map((f) => `<td>${escapeHtml(cellText(row[f.name]))}</td>`).join('')}</tr>`,
    )
    .join('\n');
  return `<table class="quarry-table">\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>\n<p>${escapeHtml(shapeNote(source, rows.length))}</p>`;
}

function plainTable(source: TableSource, rows: Record<string, unknown>[]): string {
  const header = source.fields.map((f) => f.name);
  const cells = rows.map((row) => source.fields.map((f) => cellText(row[f.name], 40)));
  const widths = header.map((name, c) => Math.max(name.length, ...cells.map((r) => r[c].length)));
  const line = (values: string[]) =>
    values
      .map((v, c) => v.padEnd(widths[c]))
      .join('  ')
      .trimEnd();
  return [line(header), ...cells.map(line), `[${shapeNote(source, rows.length)}]`].join('\n');
}

function cellText(value: unknown, max: number = TABLE_LIMITS.cellChars): string {
  const text =
    value === null || value === undefined
      ? 'NULL'
      : typeof value === 'string'
        ? value
        : typeof value === 'number'
          ? formatNumber(value)
          : JSON.stringify(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Six significant digits, as pandas shows floats; integers in full. The JSON keeps every digit. */
function formatNumber(value: number): string {
  return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
}

/** A row for the JSON table: DATE columns as `YYYY-MM-DD`, the rest through `jsonValue`. */
export function jsonRow(row: Record<string, unknown>, fields: Field[]): JsonObject {
  const out: JsonObject = {};
  for (const field of fields) {
    const value = row[field.name];
    out[field.name] =
      field.type === 'date' && value instanceof Date && !Number.isNaN(value.getTime())
        ? value.toISOString().slice(0, 10)
        : jsonValue(value);
  }
  return out;
}

/** A JSON-safe value: dates as ISO strings, non-finite numbers as null, bigints as strings. */
export function jsonValue(value: unknown): JsonValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (Array.isArray(value)) return value.map(jsonValue);
  if (typeof value === 'object') {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) out[key] = jsonValue(item);
    return out;
  }
  // Functions and symbols: JSON has no such values.
  return null;
}
