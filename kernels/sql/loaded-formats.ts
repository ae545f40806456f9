/**
 * Parquet and JSON files in queries. This DuckDB-WASM build has neither extension built in and
 * would fetch them from the internet (which these machines and many users' cannot reach), so the
 * kernel reads such files itself (Parquet through parquet-wasm, JSON through DuckDB-WASM's own
 * JSON importer), loads them whole into tables of the schema `quarry_files`, and points the query
 * at those tables. The SQL the user wrote is only changed where it names such a file:
 *
 *   from 'data/x.parquet'                    →  from quarry_files."data/x.parquet"
 *   read_parquet('logs/*.parquet', …)         →  quarry_files."logs/*.parquet"
 *   read_json(['a.json', 'b.json'])           →  quarry_files."a.json|b.json"
 *
 * A loaded file is reloaded when its version (size and modification time) changes.
 */
import { isRelativeDataPath } from './file-references';
import type { SqlEdit } from './rewritten-sql';
import { tokenizeSql, type SqlToken } from './sql-tokens';

export type LoadedFormat = 'parquet' | 'json' | 'ndjson';

export const LOADED_FILES_SCHEMA = 'quarry_files';

const READER_FUNCTIONS = new Set([
  'read_parquet',
  'parquet_scan',
  'read_json',
  'read_json_auto',
  'read_ndjson',
  'read_ndjson_auto',
]);
const TABLE_KEYWORDS = new Set(['from', 'join', 'describe', 'summarize']);

export function loadedFormatOf(path: string): LoadedFormat | null {
  if (/\.parquet$/i.test(path)) return 'parquet';
  if (/\.(jsonl|ndjson)$/i.test(path)) return 'ndjson';
  if (/\.json$/i.test(path)) return 'json';
  return null;
}

/** A place in the query that names loaded files: the span to replace and the files' patterns. */
export type FileReference = { start: number; end: number; patterns: string[] };

/** The references to Parquet/JSON files in a query, in order. */
export function findLoadedFileReferences(sqlText: string): FileReference[] {
  const tokens = tokenizeSql(sqlText).filter((t) => t.kind !== 'space' && t.kind !== 'comment');
  const found: FileReference[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (
      token.kind === 'word' &&
      READER_FUNCTIONS.has(token.value.toLowerCase()) &&
      tokens[i + 1]?.value === '('
    ) {
      const call = readerCall(tokens, i);
      if (call) {
        found.push(call.reference);
        i = call.lastIndex;
      }
    } else if (token.kind === 'string' && isLoadedPath(token.value)) {
      const previous = tokens[i - 1];
      if (previous?.kind === 'word' && TABLE_KEYWORDS.has(previous.value.toLowerCase())) {
        found.push({ start: token.start, end: token.end, patterns: [token.value] });
      }
    }
  }
  return found;
}

/** The table a reference is loaded into (unqualified name). */
export function loadedTableName(patterns: string[]): string {
  return patterns.join('|');
}

/** Replaces each reference by its table (errors map back through the edits: rewritten-sql.ts). */
export function loadedFileEdits(references: FileReference[]): SqlEdit[] {
  return references.map(({ start, end, patterns }) => ({
    start,
    end,
    replacement: `${LOADED_FILES_SCHEMA}."${loadedTableName(patterns).replaceAll('"', '""')}"`,
  }));
}

function isLoadedPath(value: string): boolean {
  return isRelativeDataPath(value) && loadedFormatOf(value) !== null;
}

/** `read_parquet('x.parquet' | ['a', 'b'] [, options…])`, up to its closing parenthesis. */
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
  if (patterns.length === 0 || !patterns.every(isLoadedPath)) return null;
  let depth = 0;
  for (let j = nameIndex + 1; j < tokens.length; j++) {
    if (tokens[j].value === '(') depth++;
    else if (tokens[j].value === ')' && --depth === 0) {
      return {
        reference: { start: tokens[nameIndex].start, end: tokens[j].end, patterns },
        lastIndex: j,
      };
    }
  }
  return null;
}
