/** A `query` request: the whole statement runs on the host, over files only. */
import type { HostQueryRequest } from '../../core/query/host-query';
import { RewrittenSql } from '../../kernels/sql/rewritten-sql';
import { findFileLiterals } from './file-literals';
import { checkFileLiterals } from './file-paths';
import type { RunContext } from './run-context';
import type { RowsOutcome } from './arrow-result';
import { runStatement } from './run-statement';

export async function runQueryRequest(
  context: RunContext,
  request: Extract<HostQueryRequest, { kind: 'query' }>,
): Promise<RowsOutcome> {
  const files = findFileLiterals(request.sql);
  const paths = await checkFileLiterals(files.literals, context);
  if (!paths.ok) return paths;
  const sql = RewrittenSql.of(request.sql).withEdits(paths.edits);
  return runStatement(context, sql, files, ['rows', 'explain', 'copy-to']);
}
