/**
 * Tables (`application/vnd.dataresource+json`, core/table-resource.ts) as a paged HTML table:
 * the first page is in the markup, so it shows without script; the rows the output holds are in
 * a JSON data block beside it, and the report's script (report-script.ts) pages through them.
 * An output holds the first OUTPUT_TABLE_ROWS of a long result, so the label gives both the
 * result's row count and how many rows the report holds. Read leniently, as the app does
 * (renderer/outputs/table/table-model.ts): a table may come from another tool.
 */
import { escapeHtml, jsonForScript } from './report-escape';

export const PAGE_ROWS = 25;
/** A longer value is cut: a report is for reading, the notebook keeps the whole value. */
const CELL_CHARS = 200;

type Column = { name: string; label: string; numeric: boolean };

/** Rows as display text; null is SQL NULL (a missing value). */
export type ReportTable = { columns: Column[]; rows: (string | null)[][]; totalRows: number };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readTable(value: unknown): ReportTable | null {
  if (!isRecord(value) || !isRecord(value.schema) || !Array.isArray(value.data)) return null;
  const fields = value.schema.fields;
  if (!Array.isArray(fields) || !fields.every((f) => isRecord(f) && typeof f.name === 'string'))
    return null;
  const quarry = isRecord(value.quarry) ? value.quarry : {};
  const sourceTypes = Array.isArray(quarry.source_types) ? quarry.source_types : [];
  const columns = fields.map((field: Record<string, unknown>, index): Column => {
    const type = typeof field.type === 'string' ? field.type : 'any';
    const source: unknown = sourceTypes[index];
    return {
      name: String(field.name),
      label: typeof source === 'string' && source !== '' ? source : type,
      numeric: type === 'number' || type === 'integer',
    };
  });
  const rows = value.data.map((row: unknown) =>
    columns.map((column, index) =>
      cellText(Array.isArray(row) ? row[index] : isRecord(row) ? row[column.name] : undefined),
    ),
  );
  const total = quarry.total_rows;
  const totalRows =
    typeof total === 'number' && Number.isInteger(total) && total >= rows.length
      ? total
      : rows.length;
  return { columns, rows, totalRows };
}

function cellText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > CELL_CHARS ? `${text.slice(0, CELL_CHARS - 1)}…` : text;
}

const count = (n: number) => n.toLocaleString('en-US');

/** "Rows 1–25 of 10,000"; the script writes the same words as it pages. */
function rangeLabel(first: number, last: number, total: number): string {
  return `Rows ${count(first)}–${count(last)} of ${count(total)}`;
}

function rowCount(total: number): string {
  return `${count(total)} ${total === 1 ? 'row' : 'rows'}`;
}

export function renderTable(table: ReportTable): string {
  const head = table.columns
    .map(
      (c) =>
        `<th scope="col"${c.numeric ? ' class="qr-num"' : ''} title="${escapeHtml(c.label)}">${escapeHtml(c.name)}</th>`,
    )
    .join('');
  const firstPage = table.rows.slice(0, PAGE_ROWS);
  const body = firstPage.map((row) => renderRow(row, table.columns)).join('\n');
  const paged = table.rows.length > PAGE_ROWS;
  const held =
    table.rows.length < table.totalRows
      ? ` <span class="qr-held">(the report holds the first ${count(table.rows.length)})</span>`
      : '';
  const columns = `${table.columns.length} ${table.columns.length === 1 ? 'column' : 'columns'}`;
  const pager = paged
    ? `<span class="qr-pager" hidden><button type="button" data-page="previous" disabled>Previous</button> <button type="button" data-page="next">Next</button></span>`
    : '';
  const data = paged
    ? `<script type="application/json" class="qr-table-data">${jsonForScript({
        numeric: table.columns.map((c) => c.numeric),
        rows: table.rows,
      })}</script>`
    : '';
  return (
    `<figure class="qr-table" data-page-rows="${PAGE_ROWS}" data-total-rows="${table.totalRows}">` +
    `<div class="qr-table-scroll"><table><thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table></div>` +
    `<figcaption><span class="qr-range" aria-live="polite">${paged ? rangeLabel(1, firstPage.length, table.totalRows) : rowCount(table.totalRows)}</span>${held} · ${columns} ${pager}</figcaption>` +
    `${data}</figure>`
  );
}

function renderRow(row: (string | null)[], columns: Column[]): string {
  const cells = row.map((text, i) => {
    const classes = [columns[i].numeric ? 'qr-num' : '', text === null ? 'qr-null' : '']
      .filter(Boolean)
      .join(' ');
    return `<td${classes ? ` class="${classes}"` : ''}>${text === null ? 'NULL' : escapeHtml(text)}</td>`;
  });
  return `<tr>${cells.join('')}</tr>`;
}
