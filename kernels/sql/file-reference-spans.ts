/**
 * Where a statement names files (docs/kernel.md, "Where a query runs"): a string literal after
 * FROM, JOIN, DESCRIBE or SUMMARIZE, the target of `COPY … TO`, or a reader function whose
 * first argument is a string or a list of strings (`read_csv('logs/*.csv', header = true)`).
 * Any path counts, in any format: absolute and `../` paths too, which the host refuses with a
 * message that points at them. Such a statement reads (or writes) files, so it runs on the host,
 * or the host scans its file side (statement-route.ts).
 */
import type { SqlSpan } from '../../core/query/host-query';
import { tokenizeSql, type SqlToken } from './sql-tokens';

/** A place in a statement that names files: a literal, or a whole reader call. */
export type FileReference = SqlSpan & {
  /** The paths or globs it names (a list argument names several). */
  patterns: string[];
  /** `read_csv(…)` rather than a bare `'x.csv'`. */
  call: boolean;
};

const TABLE_KEYWORDS = new Set(['from', 'join', 'describe', 'summarize', 'pivot', 'unpivot']);

/** Words that start a clause: the nearest one before a `, 'x.csv'` says whose list it is in. */
const CLAUSE_WORDS = new Set([
  'select',
  'from',
  'where',
  'group',
  'order',
  'having',
  'limit',
  'values',
  'set',
  'on',
  'using',
  'qualify',
  'window',
]);

const READER_FUNCTIONS = new Set([
  'read_csv',
  'read_csv_auto',
  'sniff_csv',
  'read_parquet',
  'parquet_scan',
  'parquet_metadata',
  'parquet_schema',
  'parquet_file_metadata',
  'parquet_kv_metadata',
  'read_text',
  'read_blob',
  'glob',
]);

/** `extract(year from '2024-01-01')`, `trim(both 'x' from 'y')`: a FROM that is no table's. */
const FROM_IN_CALL = new Set(['extract', 'trim', 'substring', 'overlay', 'position']);

export function isReaderFunction(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    READER_FUNCTIONS.has(lower) || lower.startsWith('read_json') || lower.startsWith('read_ndjson')
  );
}

/** The significant tokens of `text` (no spaces or comments). */
export function significantTokens(text: string): SqlToken[] {
  return tokenizeSql(text).filter((t) => t.kind !== 'space' && t.kind !== 'comment');
}

/** The file references of one statement, in order. */
export function findFileReferences(text: string): FileReference[] {
  const tokens = significantTokens(text);
  const found: FileReference[] = [];
  /** For each open parenthesis, the word before it (a function's name), or ''. */
  const opened: string[] = [];
  const copyTarget = copyTargetIndex(tokens);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (isPunct(token, '(')) {
      opened.push(tokens[i - 1]?.kind === 'word' ? tokens[i - 1].value.toLowerCase() : '');
    } else if (isPunct(token, ')')) {
      opened.pop();
    } else if (
      token.kind === 'word' &&
      isReaderFunction(token.value) &&
      tokens[i + 1]?.value === '('
    ) {
      const call = readerCall(tokens, i);
      if (call) {
        found.push(call.reference);
        i = call.lastIndex;
      }
    } else if (token.kind === 'string') {
      const previous = tokens[i - 1];
      const afterKeyword =
        previous?.kind === 'word' &&
        TABLE_KEYWORDS.has(previous.value.toLowerCase()) &&
        !FROM_IN_CALL.has(opened[opened.length - 1] ?? '');
      const listed = isPunct(previous, ',') && inFromList(tokens, i);
      if (afterKeyword || listed || i === copyTarget) {
        found.push({ start: token.start, end: token.end, patterns: [token.value], call: false });
      }
    }
  }
  return found;
}

/** Whether token `index` is in the list of tables of a FROM (`from t, 'x.csv'`). */
function inFromList(tokens: SqlToken[], index: number): boolean {
  let depth = 0;
  for (let i = index - 1; i >= 0; i--) {
    if (isPunct(tokens[i], ')')) depth++;
    else if (isPunct(tokens[i], '(')) {
      if (depth === 0) return false;
      depth--;
    } else if (depth === 0 && tokens[i].kind === 'word') {
      const word = tokens[i].value.toLowerCase();
      if (CLAUSE_WORDS.has(word)) return word === 'from';
    }
  }
  return false;
}

/** The index of the target literal of `COPY <source> TO 'file'`, or -1. */
function copyTargetIndex(tokens: SqlToken[]): number {
  const to = copyToIndex(tokens);
  return to !== -1 && tokens[to + 1]?.kind === 'string' ? to + 1 : -1;
}

/** The index of the top-level TO of a `COPY … TO` statement, or -1. */
export function copyToIndex(tokens: SqlToken[]): number {
  if (tokens[0]?.kind !== 'word' || tokens[0].value.toLowerCase() !== 'copy') return -1;
  let depth = 0;
  for (let i = 1; i < tokens.length; i++) {
    if (isPunct(tokens[i], '(')) depth++;
    else if (isPunct(tokens[i], ')')) depth--;
    else if (depth === 0 && tokens[i].kind === 'word') {
      const word = tokens[i].value.toLowerCase();
      if (word === 'to') return i;
      if (word === 'from') return -1;
    }
  }
  return -1;
}

/** `read_x('a' | ['a', 'b'] [, options…])`, up to its closing parenthesis. */
function readerCall(
  tokens: SqlToken[],
  nameIndex: number,
): { reference: FileReference; lastIndex: number } | null {
  const first = tokens[nameIndex + 2];
  const patterns: string[] = [];
  if (first?.kind === 'string') patterns.push(first.value);
  else if (first?.value === '[') {
    for (let j = nameIndex + 3; j < tokens.length && tokens[j].value !== ']'; j++) {
      if (tokens[j].kind === 'string') patterns.push(tokens[j].value);
      else if (tokens[j].value !== ',') return null;
    }
  }
  if (patterns.length === 0) return null;
  let depth = 0;
  for (let j = nameIndex + 1; j < tokens.length; j++) {
    if (isPunct(tokens[j], '(')) depth++;
    else if (isPunct(tokens[j], ')') && --depth === 0) {
      const reference = {
        start: tokens[nameIndex].start,
        end: tokens[j].end,
        patterns,
        call: true,
      };
      return { reference, lastIndex: j };
    }
  }
  return null;
}

export function isPunct(token: SqlToken | undefined, value: string): boolean {
  return token?.kind === 'punct' && token.value === value;
}
