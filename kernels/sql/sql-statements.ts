/**
 * A cell's SQL as statements: split at the `;` between them (outside strings, quoted names and
 * comments), each with the way back to the cell's text, since each statement may run elsewhere
 * (statement-route.ts). Statements of nothing but comments are left out.
 */
import type { RewrittenSql } from './rewritten-sql';
import { significantTokens, isPunct } from './file-reference-spans';

export function splitStatements(query: RewrittenSql): RewrittenSql[] {
  const statements: RewrittenSql[] = [];
  let first: number | null = null;
  let last = 0;
  for (const token of significantTokens(query.text)) {
    if (isPunct(token, ';')) {
      if (first !== null) statements.push(query.slice(first, last));
      first = null;
    } else {
      first ??= token.start;
      last = token.end;
    }
  }
  if (first !== null) statements.push(query.slice(first, last));
  return statements;
}
