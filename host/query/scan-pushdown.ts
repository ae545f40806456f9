/**
 * Pushdown for a scan (core/query/host-query.ts, `scan`): of a statement that reads a file and
 * the kernel's tables, which columns of the file it can use and which of its WHERE conditions
 * can be evaluated on the file alone, so the host reads and sends no more than that. It reads
 * the statement through DuckDB's own parser and answers safely: a superset of the columns
 * needed, and only filters that cannot change the statement's result. Whatever it cannot
 * analyse reads the whole file (`columns: null`, no filters).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SqlSpan } from '../../core/query/host-query';
import { tokenizeSql } from '../../kernels/sql/sql-tokens';
import { parseStatement, type AstObject } from './scan-pushdown-ast';
import { columnsInStatement } from './scan-pushdown-columns';
import { filtersInStatement } from './scan-pushdown-filters';
import { locateReference } from './scan-pushdown-reference';

export type ScanPlan = {
  /** The file's columns to read, in the file's order; null: all of them. */
  columns: string[] | null;
  /** Boolean SQL over the file's unqualified columns, to be ANDed. */
  filters: string[];
};

const READ_ALL: ScanPlan = { columns: null, filters: [] };

/** How many SELECTs inside a statement that is not one are tried. */
const MAX_INNER_SELECTS = 8;

/**
 * `reference` is the file reference's span in `sql`; `fileColumns` are the file's columns, as
 * its reader names them. Never fails: a statement it cannot read gets READ_ALL.
 */
export async function planScan(
  connection: DuckDBConnection,
  sql: string,
  reference: SqlSpan,
  fileColumns: string[],
): Promise<ScanPlan> {
  try {
    const parsed = await parseStatement(connection, sql);
    switch (parsed.kind) {
      case 'select':
        return await planSelect(
          connection,
          parsed.statement,
          sql.slice(0, reference.start),
          fileColumns,
        );
      case 'rejected':
        return READ_ALL;
      case 'not-select':
        return await planInsideStatement(connection, sql, reference, fileColumns);
    }
  } catch {
    // Planning only narrows what is read; if it cannot be done, everything is read.
    return READ_ALL;
  }
}

/** `before`: the statement's text up to the reference (DuckDB locates nodes in UTF-8 bytes). */
async function planSelect(
  connection: DuckDBConnection,
  statement: AstObject,
  before: string,
  fileColumns: readonly string[],
): Promise<ScanPlan> {
  const reference = locateReference(statement, Buffer.byteLength(before, 'utf8'));
  if (reference === null) return READ_ALL;
  return {
    columns: columnsInStatement(statement, reference, fileColumns),
    filters: await filtersInStatement(connection, reference, fileColumns),
  };
}

/**
 * CREATE TABLE … AS SELECT, INSERT … SELECT, COPY (SELECT …) TO: the outermost SELECT holding
 * the reference that parses alone is planned as the statement (what lies outside a SELECT sees
 * only its result); with none, the file is read whole: words alone cannot tell where a
 * statement takes every column without a `*` (`COPY 'x.parquet' TO …`, `PIVOT`, `FROM x`).
 */
async function planInsideStatement(
  connection: DuckDBConnection,
  sql: string,
  reference: SqlSpan,
  fileColumns: readonly string[],
): Promise<ScanPlan> {
  for (const span of innerSelects(sql, reference).slice(0, MAX_INNER_SELECTS)) {
    const parsed = await parseStatement(connection, sql.slice(span.start, span.end));
    if (parsed.kind !== 'select') continue;
    return planSelect(
      connection,
      parsed.statement,
      sql.slice(span.start, reference.start),
      fileColumns,
    );
  }
  return READ_ALL;
}

/**
 * Spans that may be a SELECT holding the reference, outermost first: from each `SELECT` or
 * `WITH` to the parenthesis that closes around it, or to the end.
 */
function innerSelects(sql: string, reference: SqlSpan): SqlSpan[] {
  const tokens = tokenizeSql(sql);
  const spans: SqlSpan[] = [];
  const open: { starts: number[] }[] = [{ starts: [] }];
  const close = (end: number) => {
    const level = open.pop();
    for (const start of level?.starts ?? []) spans.push({ start, end });
  };
  for (const token of tokens) {
    if (token.kind === 'punct' && token.value === '(') open.push({ starts: [] });
    else if (token.kind === 'punct' && token.value === ')' && open.length > 1) close(token.start);
    else if (token.kind === 'word' && /^(select|with)$/i.test(token.value)) {
      open[open.length - 1].starts.push(token.start);
    }
  }
  while (open.length > 0) close(sql.length);
  return spans
    .filter((span) => span.start <= reference.start && span.end >= reference.end)
    .sort((a, b) => a.start - b.start);
}
