/**
 * Finds the relative data-file paths a query names in string literals (`'data/x.parquet'`,
 * `read_csv('logs/*.csv')`), so the kernel can register them with DuckDB-WASM under exactly
 * those names before the query runs. The query text itself is never rewritten.
 */
const STRING_LITERAL = /'((?:[^']|'')*)'/g;
const DATA_EXTENSIONS = /\.(csv|tsv|txt|parquet|json|jsonl|ndjson|arrow|ipc|feather|xlsx|gz|zst)$/i;

export function relativeFileReferences(sqlText: string): string[] {
  const found = new Set<string>();
  for (const match of sqlText.matchAll(STRING_LITERAL)) {
    const literal = match[1].replaceAll("''", "'");
    if (isRelativeDataPath(literal)) found.add(literal);
  }
  return [...found];
}

function isRelativeDataPath(literal: string): boolean {
  if (literal.length === 0 || literal.length > 1024) return false;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(literal) || /^([/\\~]|[a-z]:)/i.test(literal)) return false;
  if (/[\n\r]/.test(literal)) return false;
  return DATA_EXTENSIONS.test(literal);
}

export function isGlob(path: string): boolean {
  return /[*?[{]/.test(path);
}
