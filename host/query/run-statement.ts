/**
 * Runs one statement of a request once its paths are checked and rewritten: DuckDB prepares it,
 * its kind decides whether it may run here (statement-check.ts) and how its result comes back.
 */
import type { RewrittenSql } from '../../kernels/sql/rewritten-sql';
import { readRowsAsArrow, type RowsOutcome } from './arrow-result';
import type { StatementFiles } from './file-literals';
import { duckDbFailure, ONLY_FILE_QUERIES, refused } from './query-failures';
import type { RunContext } from './run-context';
import { runSmallResult } from './small-result';
import { prepareChecked, type StatementKind } from './statement-check';

export async function runStatement(
  context: RunContext,
  sql: RewrittenSql,
  files: StatementFiles,
  allowed: readonly StatementKind[],
): Promise<RowsOutcome> {
  try {
    const checked = await prepareChecked(context.connection, sql.text, files);
    if (!checked.ok) return refused(checked.message);
    if (!allowed.includes(checked.kind)) {
      checked.prepared.destroySync();
      return refused(ONLY_FILE_QUERIES);
    }
    if (checked.kind === 'rows') return await readRowsAsArrow(context, sql, checked.prepared);
    if (context.params.length > 0) checked.prepared.bind(context.params);
    return { ok: true, ...(await runSmallResult(checked.prepared)) };
  } catch (error) {
    return duckDbFailure(error, sql, context.writtenPaths);
  }
}
