/**
 * What may run on the host. Cell code in the kernel's worker can post any request, so the host
 * trusts none: a request is exactly one statement, and it reads (SELECT and its kin) or writes
 * a file with COPY … TO. Everything else (INSTALL, LOAD, ATTACH, SET, PRAGMA, CREATE, COPY …
 * FROM, several statements) is refused before it runs; the kind comes from DuckDB's own parser
 * (the prepared statement's type), not from a guess at the text.
 */
import {
  StatementType,
  type DuckDBConnection,
  type DuckDBPreparedStatement,
} from '@duckdb/node-api';
import { tokenizeSql } from '../../kernels/sql/sql-tokens';
import type { StatementFiles } from './file-literals';
import { READING_STATEMENTS } from '../../kernels/sql/statement-route';
import { ONLY_FILE_QUERIES } from './query-failures';

/** The words a statement that may run starts with (or a parenthesis: `(SELECT …)`). */
const LEADING_WORDS = new Set(['(', 'copy', ...READING_STATEMENTS]);

/** How a statement that may run runs: its rows come back, or (EXPLAIN, COPY) its small result. */
export type StatementKind = 'rows' | 'explain' | 'copy-to';

export type CheckedStatement =
  | { ok: true; prepared: DuckDBPreparedStatement; kind: StatementKind }
  | { ok: false; message: string };

/** DuckDB runs a PIVOT without an IN list as two statements: it first creates an ENUM type. */
const PIVOT_NEEDS_VALUES =
  "A PIVOT on the host needs its values listed (PIVOT … ON column IN ('a', 'b') USING …): without them DuckDB makes a type first, and only queries over files and COPY … TO run on the host.";

/** Prepares `sql` (DuckDB's errors are thrown), or says why it may not run here. */
export async function prepareChecked(
  connection: DuckDBConnection,
  sql: string,
  files: StatementFiles,
): Promise<CheckedStatement> {
  // Refused before DuckDB binds it, so that `CREATE TABLE t AS …` is refused rather than
  // failing on a missing table; the statement type below is what decides.
  const refused = { ok: false, message: ONLY_FILE_QUERIES } as const;
  const leading = leadingWord(sql);
  if (leading === null || !LEADING_WORDS.has(leading) || files.copyDirection === 'from')
    return refused;
  const statements = await connection.extractStatements(sql);
  if (statements.count !== 1)
    return leading === 'pivot' ? { ok: false, message: PIVOT_NEEDS_VALUES } : refused;
  const prepared = await statements.prepare(0);
  const kind = kindOf(prepared.statementType, files);
  if (kind === null) {
    prepared.destroySync();
    return refused;
  }
  return { ok: true, prepared, kind };
}

function kindOf(type: StatementType, files: StatementFiles): StatementKind | null {
  // DESCRIBE, SUMMARIZE, PIVOT, UNPIVOT, VALUES, TABLE and FROM-first are SELECTs to DuckDB.
  if (type === StatementType.SELECT) return 'rows';
  if (type === StatementType.EXPLAIN) return 'explain';
  if (type === StatementType.COPY && files.copyDirection === 'to') return 'copy-to';
  return null;
}

/** The statement's first word, lower-cased; `(` for `(SELECT …)`; null for anything else. */
function leadingWord(sql: string): string | null {
  const first = tokenizeSql(sql).find((t) => t.kind !== 'space' && t.kind !== 'comment');
  if (first?.kind === 'punct' && first.value === '(') return '(';
  return first?.kind === 'word' ? first.value.toLowerCase() : null;
}
