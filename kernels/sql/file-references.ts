/**
 * Finds the relative data-file paths a query names in string literals (`'data/x.parquet'`,
 * `read_csv('logs/*.csv')`), so the kernel can register them with DuckDB-WASM under exactly
 * those names before the query runs. The query text itself is not rewritten (except for Parquet
 * and JSON files, which loaded-formats.ts loads into tables).
 */
import { tokenizeSql } from './sql-tokens';

const DATA_EXTENSIONS = /\.(csv|tsv|txt|parquet|json|jsonl|ndjson|arrow|ipc|feather|xlsx|gz|zst)$/i;

export function relativeFileReferences(sqlText: string): string[] {
  const found = new Set<string>();
  for (const token of tokenizeSql(sqlText)) {
    if (token.kind === 'string' && isRelativeDataPath(token.value)) found.add(token.value);
  }
  return [...found];
}

export function isRelativeDataPath(literal: string): boolean {
  if (literal.length === 0 || literal.length > 1024) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(literal) || /^([/\\~]|[a-z]:)/i.test(literal)) return false;
  if (/[\n\r]/.test(literal)) return false;
  return DATA_EXTENSIONS.test(literal);
}

export function isGlob(path: string): boolean {
  return /[*?[{]/.test(path);
}
