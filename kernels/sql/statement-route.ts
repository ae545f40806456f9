/**
 * Where one statement runs (docs/kernel.md, "Where a query runs"), decided from its tokens, its
 * file references (file-reference-spans.ts) and the names of the kernel's own tables and views:
 *
 * - no file references: the kernel's DuckDB-WASM;
 * - file references and no kernel names, in a statement that only reads (`select`, `with`,
 *   `from`, `describe`, …) or a `COPY … TO`: the whole statement on the host (`query`);
 * - `COPY <source> TO 'file'` whose source reads kernel names: the kernel runs the source and
 *   the host writes its rows (`copy`);
 * - otherwise (files and kernel names together, or a statement that changes the kernel's state):
 *   the host scans each file reference and the kernel runs the statement over the rows (`scan`),
 *   with pushdown unless the statement makes a view or macro, which reads all the file's columns
 *   later.
 */
import type { SqlSpan } from '../../core/query/host-query';
import {
  copyToIndex,
  isPunct,
  significantTokens,
  type FileReference,
} from './file-reference-spans';
import type { SqlToken } from './sql-tokens';

export type StatementRoute =
  | { where: 'kernel' }
  | { where: 'host' }
  | { where: 'copy'; source: SqlSpan }
  | { where: 'scan'; pushdown: boolean }
  /** A statement over files that neither side can run as written; `message` says what to write. */
  | { where: 'unsupported'; message: string };

/** The first words of statements that only read (the host's engine accepts these and COPY … TO). */
export const READING_STATEMENTS = new Set([
  'select',
  'with',
  'from',
  'values',
  'table',
  'describe',
  'summarize',
  'pivot',
  'unpivot',
  'explain',
]);

/**
 * @param kernelNames lower-cased names of the kernel's tables and views (and the samples')
 */
export function routeStatement(
  text: string,
  references: readonly FileReference[],
  kernelNames: ReadonlySet<string>,
): StatementRoute {
  if (references.length === 0) return { where: 'kernel' };
  const tokens = significantTokens(text);
  const outside = (token: SqlToken) =>
    !references.some((r) => token.start >= r.start && token.end <= r.end);
  const readsKernel = (from: number, to: number) =>
    tokens.some(
      (t) =>
        t.start >= from &&
        t.end <= to &&
        (t.kind === 'word' || t.kind === 'identifier') &&
        kernelNames.has(t.value.toLowerCase()) &&
        outside(t),
    );
  if (isCopyFrom(tokens)) {
    return {
      where: 'unsupported',
      message:
        "COPY … FROM a file cannot fill a table of the kernel's: files are read by the host's DuckDB. Write INSERT INTO t SELECT * FROM read_csv('file.csv', …) instead.",
    };
  }
  const to = copyToIndex(tokens);
  if (to !== -1) {
    const source = { start: tokens[1].start, end: tokens[to - 1].end };
    return readsKernel(source.start, source.end) ? { where: 'copy', source } : { where: 'host' };
  }
  const kernel = readsKernel(0, text.length);
  if (!kernel && isReading(tokens)) return { where: 'host' };
  return { where: 'scan', pushdown: !makesViewOrMacro(tokens) };
}

/** `COPY table [(columns)] FROM …`. */
function isCopyFrom(tokens: SqlToken[]): boolean {
  if (tokens[0]?.kind !== 'word' || tokens[0].value.toLowerCase() !== 'copy') return false;
  return (
    copyToIndex(tokens) === -1 &&
    tokens.some((t) => t.kind === 'word' && t.value.toLowerCase() === 'from')
  );
}

/** A statement that only reads: its first word, past opening parentheses. */
function isReading(tokens: SqlToken[]): boolean {
  const first = tokens.find((t) => !isPunct(t, '('));
  return first?.kind === 'word' && READING_STATEMENTS.has(first.value.toLowerCase());
}

const CREATE_MODIFIERS = new Set(['or', 'replace', 'temp', 'temporary']);

/** `create [or replace] [temp] view|macro|function …`. */
function makesViewOrMacro(tokens: SqlToken[]): boolean {
  const word = (i: number) => (tokens[i]?.kind === 'word' ? tokens[i].value.toLowerCase() : '');
  if (word(0) !== 'create') return false;
  let i = 1;
  while (CREATE_MODIFIERS.has(word(i))) i++;
  return word(i) === 'view' || word(i) === 'macro' || word(i) === 'function';
}
