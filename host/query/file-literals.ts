/**
 * Where a statement names files: the string literals in a file position. The host checks each
 * against the folders it may read and write (path-guard.ts) before DuckDB sees the statement,
 * since binding a query already opens its files (a CSV is sniffed at bind time).
 *
 * File positions: a literal right after FROM, JOIN, DESCRIBE or SUMMARIZE (`FROM 'x.csv'`) or
 * after a comma in a FROM clause's list (`FROM t, 'x.csv'`), the first argument of a reader or
 * file function (`read_csv('logs/*.csv', …)`, `read_parquet(['a.parquet', 'b.parquet'])`),
 * and a COPY's target after its TO. A path that
 * this misses (one built by an expression) is still stopped by DuckDB's own
 * `allowed_directories` (sampler-duckdb.ts), which the engine reports as a refusal too.
 */
import { tokenizeSql, type SqlToken } from '../../kernels/sql/sql-tokens';

/** A string literal in a file position: its span in the text and its value. */
export type FileLiteral = { start: number; end: number; value: string };

/** Functions whose first argument is a file, a glob or a list of them. */
const FILE_FUNCTIONS = new Set([
  'read_csv',
  'read_csv_auto',
  'read_parquet',
  'parquet_scan',
  'read_json',
  'read_json_auto',
  'read_ndjson',
  'read_ndjson_auto',
  'read_json_objects',
  'read_json_objects_auto',
  'read_ndjson_objects',
  'read_text',
  'read_blob',
  'glob',
  'parquet_metadata',
  'parquet_schema',
  'parquet_file_metadata',
  'parquet_kv_metadata',
  'parquet_bloom_probe',
  'sniff_csv',
]);

const BEFORE_FILE = new Set(['from', 'join', 'describe', 'summarize']);

/** Words that end a FROM clause's list of tables (`FROM t, 'x.csv' WHERE …`). */
const AFTER_FROM = new Set([
  'where',
  'group',
  'having',
  'qualify',
  'window',
  'order',
  'limit',
  'offset',
  'union',
  'except',
  'intersect',
  'select',
  'on',
  'using',
  'sample',
  'tablesample',
  'pivot',
  'unpivot',
]);

/**
 * Functions with `FROM` inside their parentheses (`trim('x' FROM s)`, `extract(year FROM d)`):
 * a literal after that FROM is a value, not a file.
 */
const FROM_INSIDE_CALL = new Set(['extract', 'trim', 'substring', 'overlay']);

/** The statement's top-level shape, as far as files go. */
export type StatementFiles = {
  literals: FileLiteral[];
  /** For a COPY: whether it writes (`TO`) or reads (`FROM`); null for other statements. */
  copyDirection: 'to' | 'from' | null;
};

export function findFileLiterals(sql: string): StatementFiles {
  const tokens = tokenizeSql(sql).filter((t) => t.kind !== 'space' && t.kind !== 'comment');
  const literals: FileLiteral[] = [];
  const copyDirection = copyDirectionOf(tokens);
  /** For each open parenthesis: the word before it, lower-cased ('' when none). */
  const parens: string[] = [];
  /** For each depth (0: outside any parenthesis): whether a FROM clause's tables are listed. */
  const inFrom: boolean[] = [false];
  let copyTargetAt = copyDirection === 'to' ? copyKeywordIndex(tokens) + 1 : -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    const previous = tokens[i - 1];
    if (token.kind === 'punct' && token.value === '(') {
      parens.push(previous?.kind === 'word' ? previous.value.toLowerCase() : '');
      inFrom.push(false);
      if (previous?.kind === 'word' && FILE_FUNCTIONS.has(previous.value.toLowerCase()))
        literals.push(...firstArgumentLiterals(tokens, i + 1));
    } else if (token.kind === 'punct' && token.value === ')') {
      parens.pop();
      if (inFrom.length > 1) inFrom.pop();
    } else if (token.kind === 'word') {
      const word = token.value.toLowerCase();
      if (word === 'from' || word === 'join') inFrom[inFrom.length - 1] = true;
      else if (AFTER_FROM.has(word)) inFrom[inFrom.length - 1] = false;
    } else if (
      token.kind === 'string' &&
      previous?.kind === 'punct' &&
      previous.value === ',' &&
      inFrom[inFrom.length - 1] &&
      !FROM_INSIDE_CALL.has(parens[parens.length - 1] ?? '')
    ) {
      literals.push(literalOf(token));
    } else if (token.kind === 'string' && previous?.kind === 'word') {
      const word = previous.value.toLowerCase();
      const inCall = FROM_INSIDE_CALL.has(parens[parens.length - 1] ?? '');
      const cast = tokens[i + 1]?.kind === 'punct' && tokens[i + 1].value === ':';
      if (i === copyTargetAt || (BEFORE_FILE.has(word) && !inCall && !cast))
        literals.push(literalOf(token));
    }
    if (i === copyTargetAt && token.kind !== 'string') copyTargetAt = -1;
  }
  return { literals: dedupe(literals), copyDirection };
}

/** The literal(s) starting at `at`: `'x'` or `['x', 'y']`. */
function firstArgumentLiterals(tokens: SqlToken[], at: number): FileLiteral[] {
  const first = tokens[at];
  if (first?.kind === 'string') return [literalOf(first)];
  if (first?.kind !== 'punct' || first.value !== '[') return [];
  const found: FileLiteral[] = [];
  for (let i = at + 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'string') found.push(literalOf(token));
    else if (token.kind !== 'punct' || token.value !== ',') break;
  }
  return found;
}

/** `COPY x TO …` writes, `COPY x FROM …` reads: the first TO or FROM outside parentheses. */
function copyDirectionOf(tokens: SqlToken[]): StatementFiles['copyDirection'] {
  const at = copyKeywordIndex(tokens);
  if (at === -1) return null;
  return tokens[at].value.toLowerCase() === 'to' ? 'to' : 'from';
}

function copyKeywordIndex(tokens: SqlToken[]): number {
  if (tokens[0]?.kind !== 'word' || tokens[0].value.toLowerCase() !== 'copy') return -1;
  let depth = 0;
  for (let i = 1; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'punct' && token.value === '(') depth++;
    else if (token.kind === 'punct' && token.value === ')') depth--;
    else if (depth === 0 && token.kind === 'word' && /^(to|from)$/i.test(token.value)) return i;
  }
  return -1;
}

function literalOf(token: SqlToken): FileLiteral {
  return { start: token.start, end: token.end, value: token.value };
}

function dedupe(literals: FileLiteral[]): FileLiteral[] {
  const seen = new Set<number>();
  return literals
    .filter((literal) => !seen.has(literal.start) && seen.add(literal.start))
    .sort((a, b) => a.start - b.start);
}
