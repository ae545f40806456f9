/**
 * How a table cell shows its value. Numbers keep six significant digits, as the kernel's text and
 * HTML tables do (the JSON keeps every digit), so the three renderings of a result agree.
 */

export type CellKind = 'null' | 'number' | 'boolean' | 'text';
export type FormattedCell = { text: string; kind: CellKind };

/** Longer cell text is cut: the cell shows one line, and its full text is in the tooltip. */
export const MAX_CELL_CHARS = 1000;

const ISO_TIMESTAMP = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})(\.\d+)?Z$/;

export function formatCellValue(value: unknown, type = 'any'): FormattedCell {
  if (value === null || value === undefined) return { text: 'NULL', kind: 'null' };
  if (typeof value === 'number') return { text: formatNumber(value), kind: 'number' };
  if (typeof value === 'bigint') return { text: value.toString(), kind: 'number' };
  if (typeof value === 'boolean') return { text: String(value), kind: 'boolean' };
  if (typeof value === 'string') {
    const text = type === 'datetime' ? formatTimestamp(value) : value;
    return { text: clip(text), kind: 'text' };
  }
  return { text: clip(safeJson(value)), kind: 'text' };
}

/** Integers in full (ids must not turn into 1.23457e+6); other numbers to 6 significant digits. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value) && Math.abs(value) < 1e21) return String(value);
  return String(Number(value.toPrecision(6)));
}

/** The kernel sends timestamps as ISO strings in UTC; a table reads better without T, Z and .000. */
function formatTimestamp(text: string): string {
  const match = ISO_TIMESTAMP.exec(text);
  if (!match) return text;
  const fraction = match[3] && /[1-9]/.test(match[3]) ? match[3] : '';
  return `${match[1]} ${match[2]}${fraction}`;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function clip(text: string): string {
  return text.length > MAX_CELL_CHARS ? `${text.slice(0, MAX_CELL_CHARS - 1)}…` : text;
}
