/**
 * The file literals of a request, checked (path-guard.ts) and made absolute: the edits that
 * turn each relative literal into its absolute path (globs kept), or the refusal of the first
 * literal that may not be used, pointing at it.
 */
import type { SqlEdit } from '../../kernels/sql/rewritten-sql';
import type { FileLiteral } from './file-literals';
import { checkPath } from './path-guard';
import { refused, type FailedReply } from './query-failures';
import { sqlString, type RunContext } from './run-context';

export type CheckedPaths = { ok: true; edits: SqlEdit[] } | FailedReply;

export async function checkFileLiterals(
  literals: readonly FileLiteral[],
  context: RunContext,
): Promise<CheckedPaths> {
  const edits: SqlEdit[] = [];
  for (const literal of literals) {
    const check = await checkPath(literal.value, context.folders);
    if (!check.ok) return refused(check.message, literal.start);
    if (check.absolute === literal.value) continue;
    context.writtenPaths.set(check.absolute, literal.value);
    edits.push({
      start: literal.start,
      end: literal.end,
      replacement: sqlString(check.absolute),
    });
  }
  return { ok: true, edits };
}
