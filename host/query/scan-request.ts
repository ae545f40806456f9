/**
 * A `scan` request: the file side of a statement that also reads the kernel's tables. The host
 * reads the one file reference at `reference` (a literal or a reader call), its paths checked
 * and made absolute as in a query, as `SELECT <columns> FROM <reference> [WHERE …]`: with
 * pushdown, only the columns and conditions planScan finds the statement needs (the file's
 * columns from DESCRIBE); without, all of it. Errors point into the reference through the
 * same rewriting.
 */
import type { HostQueryRequest, HostQueryResult } from '../../core/query/host-query';
import { RewrittenSql } from '../../kernels/sql/rewritten-sql';
import { tokenizeSql } from '../../kernels/sql/sql-tokens';
import type { RowsOutcome } from './arrow-result';
import { findFileLiterals, type FileLiteral } from './file-literals';
import { checkFileLiterals } from './file-paths';
import type { RunContext } from './run-context';
import { runStatement } from './run-statement';
import { planScan, type ScanPlan } from './scan-pushdown';
import { quoteIdentifier } from './portable-types';
import { tableFromIPC } from 'apache-arrow';

/** Rows and, for a scan, what was pushed into the file's reader (null for other requests). */
export type ScanOutcome =
  | (Extract<RowsOutcome, { ok: true }> & { pushdown: HostQueryResult['pushdown'] })
  | Extract<RowsOutcome, { ok: false }>;

export async function runScanRequest(
  context: RunContext,
  request: Extract<HostQueryRequest, { kind: 'scan' }>,
): Promise<ScanOutcome> {
  const { sql, reference } = request;
  const literals = referenceLiterals(sql, reference.start, reference.end);
  const paths = await checkFileLiterals(literals, context);
  if (!paths.ok) return paths;
  const files = { literals, copyDirection: null };
  const scanOf = (plan: ScanPlan) =>
    RewrittenSql.of(sql).withEdits([
      { start: 0, end: reference.start, replacement: `SELECT ${selected(plan.columns)} FROM ` },
      ...paths.edits,
      { start: reference.end, end: sql.length, replacement: where(plan.filters) },
    ]);
  let plan: ScanPlan = { columns: null, filters: [] };
  if (request.pushdown) {
    const described = await runStatement(
      context,
      scanOf(plan).withEdits([{ start: 0, end: 0, replacement: 'DESCRIBE ' }]),
      files,
      ['rows'],
    );
    if (!described.ok) return described;
    const fileColumns = columnNames(described.ipc);
    plan = await planScan(context.connection, sql, reference, fileColumns);
  }
  const reply = await runStatement(context, scanOf(plan), files, ['rows']);
  return reply.ok ? { ...reply, pushdown: plan } : reply;
}

function selected(columns: string[] | null): string {
  return columns === null ? '*' : columns.map(quoteIdentifier).join(', ');
}

function where(filters: string[]): string {
  return filters.length === 0 ? '' : ` WHERE ${filters.map((f) => `(${f})`).join(' AND ')}`;
}

/** DESCRIBE's `column_name` column, from its Arrow result. */
function columnNames(ipc: Uint8Array): string[] {
  const names = tableFromIPC(ipc).getChild('column_name');
  return names === null ? [] : names.toArray().map(String);
}

/** The reference itself when it is a literal (`'x.parquet'`), and its reader's file arguments. */
function referenceLiterals(sql: string, start: number, end: number): FileLiteral[] {
  const inside = (literal: FileLiteral) => literal.start >= start && literal.end <= end;
  const first = tokenizeSql(sql.slice(start, end)).find(
    (t) => t.kind !== 'space' && t.kind !== 'comment',
  );
  const own =
    first?.kind === 'string'
      ? [{ start: start + first.start, end: start + first.end, value: first.value }]
      : [];
  const found = findFileLiterals(sql).literals.filter(inside);
  return [...own, ...found.filter((literal) => literal.start !== own[0]?.start)];
}
