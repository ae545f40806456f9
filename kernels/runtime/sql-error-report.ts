/**
 * How a SQL error reads: DuckDB's message once, then the line it points at as DuckDB shows it
 * (`LINE n:` and a caret), but taken from the SQL the user wrote and numbered as the lines they
 * see. DuckDB's own excerpt would show the query as the kernel rewrote it (typed parameters,
 * loaded files), numbered from the query's first line rather than the cell's.
 */
import type { CellLocation } from '../../core/protocol';
import type { SqlError } from '../sql/sql-error';

/**
 * `Name: message`, then the line the error points at as DuckDB shows it (`LINE n:` and a caret),
 * n counted from `firstLine` for the query's first line.
 */
export function sqlErrorReport(
  error: SqlError,
  firstLine: number,
): { lines: string[]; location: CellLocation | null } {
  const head = `${error.name}: ${error.message}`;
  if (!error.location) return { lines: [head], location: null };
  const { query, offset } = error.location;
  const before = query.slice(0, offset).split('\n');
  const line = firstLine + before.length - 1;
  const column = before[before.length - 1].length + 1;
  const text = query.split('\n')[before.length - 1].replace(/\r$/, '');
  return { lines: [head, '', ...sqlExcerpt(text, line, column)], location: { line, column } };
}

/** DuckDB shows at most this many characters either side of the column. */
const SQL_EXCERPT_REACH = 60;

function sqlExcerpt(text: string, line: number, column: number): string[] {
  const from = Math.max(0, column - 1 - SQL_EXCERPT_REACH);
  const to = Math.min(text.length, column - 1 + SQL_EXCERPT_REACH);
  const lead = `LINE ${line}: ${from > 0 ? '...' : ''}`;
  // Tabs before the column stay tabs, so the caret lines up wherever the tab stops are.
  const indent = text.slice(from, column - 1).replace(/[^\t]/g, ' ');
  return [
    `${lead}${text.slice(from, to)}${to < text.length ? '...' : ''}`,
    `${' '.repeat(lead.length)}${indent}^`,
  ];
}
