/**
 * A `scan` request: the file side of a statement that also reads the kernel's tables. The host
 * reads the one file reference at `reference` (a literal or a reader call), its paths checked
 * and made absolute as in a query, as `SELECT * FROM <reference>`; errors point into the
 * reference through the same rewriting.
 */
import type { HostQueryRequest, HostQueryResult } from '../../core/query/host-query';
import { RewrittenSql } from '../../kernels/sql/rewritten-sql';
import { tokenizeSql } from '../../kernels/sql/sql-tokens';
import type { RowsReply } from './arrow-result';
import { findFileLiterals, type FileLiteral } from './file-literals';
import { checkFileLiterals } from './file-paths';
import type { RunContext } from './run-context';
import { runStatement } from './run-statement';

/** Rows and, for a scan, what was pushed into the file's reader (null for other requests). */
export type ScanReply =
  | (Extract<RowsReply, { ok: true }> & { pushdown: HostQueryResult['pushdown'] })
  | Extract<RowsReply, { ok: false }>;

export async function runScanRequest(
  context: RunContext,
  request: Extract<HostQueryRequest, { kind: 'scan' }>,
): Promise<ScanReply> {
  const { sql, reference } = request;
  const literals = referenceLiterals(sql, reference.start, reference.end);
  const paths = await checkFileLiterals(literals, context);
  if (!paths.ok) return paths;
  const scan = RewrittenSql.of(sql).withEdits([
    { start: 0, end: reference.start, replacement: 'SELECT * FROM ' },
    ...paths.edits,
    { start: reference.end, end: sql.length, replacement: '' },
  ]);
  const files = { literals, copyDirection: null };
  const reply = await runStatement(context, scan, files, ['rows']);
  return reply.ok ? { ...reply, pushdown: { columns: null, filters: [] } } : reply;
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
