/**
 * Tables as MIME bundles: `application/vnd.dataresource+json` for the app's table view,
 * `text/html` for other Jupyter front ends and `text/plain` for terminals. Each shows the row
 * count and only the first rows, so a 10M-row result costs the notebook a few kilobytes.
 */
import { MIME, type MimeBundle } from '../../core/outputs';
import type { Field } from '../frames/arrow-columns';
import { escapeHtml } from './html';

export const TABLE_LIMITS = {
  dataResourceRows: 500,
  htmlRows: 20,
  plainRows: 10,
  cellChars: 200,
} as const;

/**
 * Rows a table sends to the front end. A notebook file keeps only TABLE_LIMITS.dataResourceRows
 * (the app trims tables when it saves: core/notebook/file-outputs.ts); the app's kernel worker
 * sends more, so a 100k-row result can be scrolled in its table view. Set once per kernel
 * process (each worker or CLI run is its own).
 */
let liveTableRows: number = TABLE_LIMITS.dataResourceRows;

export function setLiveTableRows(rows: number): void {
  liveTableRows = Math.max(TABLE_LIMITS.dataResourceRows, Math.floor(rows));
}

export type TableSource = {
  fields: Field[];
  numRows: number;
  /** How many leading fields are row labels (a frame's index), not counted as columns. */
  indexColumns?: number;
  /** The first `limit` rows as plain objects. */
  rows(limit: number): Record<string, unknown>[];
};

export function tableBundle(source: TableSource): MimeBundle {
  const rows = source.rows(liveTableRows);
  const json = rows.map((row) => jsonRow(row, source.fields));
  return {
    [MIME.table]: {
      schema: { fields: source.fields.map(({ name, type }) => ({ name, type })) },
      data: json,
      quarry: { total_rows: source.numRows, source_types: source.fields.map((f) => f.sourceType) },
    },
    [MIME.html]: htmlTable(source, json.slice(0, TABLE_LIMITS.htmlRows)),
    [MIME.text]: plainTable(source, json.slice(0, TABLE_LIMITS.plainRows)),
  };
}

export function shapeNote(source: TableSource, shown: number): string {
  const columns = source.fields.length - (source.indexColumns ?? 0);
  const size = `${source.numRows.toLocaleString('en-US')} ${source.numRows === 1 ? 'row' : 'rows'} × ${columns} ${columns === 1 ? 'column' : 'columns'}`;
  return shown < source.numRows ? `${size} (first ${shown} shown)` : size;
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
function jsonRow(row: Record<string, unknown>, fields: Field[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
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
export function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Uint8Array) return `<${value.length} bytes>`;
  if (Array.isArray(value)) return value.map(jsonValue);
  if (typeof value === 'object' && value !== null)
    return mapValues(value as Record<string, unknown>, jsonValue);
  return value ?? null;
}

function mapValues(
  row: Record<string, unknown>,
  fn: (v: unknown) => unknown,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(row)) out[key] = fn(row[key]);
  return out;
}
