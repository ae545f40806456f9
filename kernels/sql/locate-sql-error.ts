/**
 * Points a failed query's error at the SQL the user wrote. DuckDB gives parser, binder and most
 * catalog errors a position in the text it was sent; that is mapped back through the kernel's
 * rewriting (rewritten-sql.ts). A file DuckDB (or the kernel's own loader) cannot find or read
 * is reported by name, `No files found that match the pattern "x.csv"`, with no position after
 * FROM and the reader function's position in `read_csv(…)`: such an error points at the string
 * literal it quotes, which is where the user named the file. So does any error with no position
 * that quotes a literal's value.
 */
import type { RewrittenSql } from './rewritten-sql';
import { duckDbErrorOf, SqlError } from './sql-error';
import { tokenizeSql } from './sql-tokens';

export function locateSqlError(thrown: unknown, query: RewrittenSql): SqlError {
  // The kernel's own errors may be located already (a sample that cannot be loaded points at
  // the name the query gave it: sample-views.ts).
  if (thrown instanceof SqlError && thrown.location) return thrown;
  const { name, message, position } = duckDbErrorOf(thrown);
  const quoted =
    position === null || name === 'IOError' ? quotedLiteralOffset(message, query.source) : null;
  const offset =
    quoted ?? (position === null ? null : query.sourceOffset(utf16Offset(query.text, position)));
  return new SqlError(name, message, offset === null ? null : { query: query.source, offset });
}

/** The UTF-16 offset (a JavaScript string index) of UTF-8 byte `byteOffset` of `text`. */
function utf16Offset(text: string, byteOffset: number): number {
  let bytes = 0;
  let i = 0;
  while (i < text.length && bytes < byteOffset) {
    const codePoint = text.codePointAt(i) ?? 0;
    bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    i += codePoint < 0x10000 ? 1 : 2;
  }
  return i;
}

/**
 * Where the first string literal whose value the message quotes stands in `sqlText`. DuckDB
 * quotes names in double quotes; the browser build's file system in single ones (`Opening file
 * 'data/x.csv' failed`).
 */
function quotedLiteralOffset(message: string, sqlText: string): number | null {
  const quoted = new Set(
    [...message.matchAll(/"([^"]+)"|'([^']+)'/g)].map((match) => match[1] ?? match[2]),
  );
  if (quoted.size === 0) return null;
  // The host names a file by its absolute path: `"/home/me/nb/data/x.csv"` for `'data/x.csv'`.
  const names = (value: string) =>
    quoted.has(value) || [...quoted].some((q) => q.endsWith(`/${value.replace(/^\.\//, '')}`));
  const literal = tokenizeSql(sqlText).find((t) => t.kind === 'string' && names(t.value));
  return literal?.start ?? null;
}
