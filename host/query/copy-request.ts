/**
 * A `copy` request: `COPY (…) TO 'file'` whose source reads the kernel's tables. The kernel
 * sends the source's rows as Arrow IPC; they are written to a Parquet file in the engine's
 * private folder (parquet-wasm), and the user's COPY runs with its source standing for that
 * file, its target checked and made absolute as in a query.
 */
import { writeFile } from 'node:fs/promises';
import type { HostQueryRequest } from '../../core/query/host-query';
import { RewrittenSql, type SqlEdit } from '../../kernels/sql/rewritten-sql';
import type { RowsOutcome } from './arrow-result';
import { findFileLiterals } from './file-literals';
import { checkFileLiterals } from './file-paths';
import { ipcToParquet } from './parquet-arrow';
import { internalFailure } from './query-failures';
import { sqlString, withTempFile, type RunContext } from './run-context';
import { runStatement } from './run-statement';

export async function runCopyRequest(
  context: RunContext,
  request: Extract<HostQueryRequest, { kind: 'copy' }>,
): Promise<RowsOutcome> {
  const { sql, source } = request;
  const files = findFileLiterals(sql);
  // What the source names is the kernel's; it is replaced below.
  const outside = files.literals.filter((l) => l.end <= source.start || l.start >= source.end);
  const paths = await checkFileLiterals(outside, context);
  if (!paths.ok) return paths;
  return withTempFile(context, 'parquet', async (rowsFile) => {
    try {
      await writeFile(rowsFile, ipcToParquet(request.ipc));
    } catch (error) {
      return internalFailure(error);
    }
    const sourceEdit: SqlEdit = {
      start: source.start,
      end: source.end,
      replacement: `(SELECT * FROM read_parquet(${sqlString(rowsFile)}))`,
    };
    const edits = [...paths.edits, sourceEdit].sort((a, b) => a.start - b.start);
    const copy = RewrittenSql.of(sql).withEdits(edits);
    return runStatement(context, copy, { literals: outside, copyDirection: files.copyDirection }, [
      'copy-to',
    ]);
  });
}
