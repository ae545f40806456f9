/** `%%sql` cells: a code cell whose first line is `%%sql` or `%%sql NAME` (DESIGN.md). */
export type SqlCell = { query: string; bindTo: string | null };

const MAGIC = /^%%sql(?:[ \t]+(.*))?$/;

/** The SQL cell in `source`, or null when the cell is TypeScript. Throws on a malformed line. */
export function parseSqlCell(source: string): SqlCell | null {
  const newline = source.indexOf('\n');
  const firstLine = (newline === -1 ? source : source.slice(0, newline)).trimEnd();
  const match = MAGIC.exec(firstLine);
  if (!match) {
    if (firstLine.startsWith('%%sql'))
      throw new SqlMagicError(`"${firstLine}": write %%sql or %%sql NAME`);
    return null;
  }
  const name = match[1]?.trim() || null;
  if (name !== null && !/^[A-Za-z_$][\w$]*$/.test(name)) {
    throw new SqlMagicError(
      `"%%sql ${name}": NAME must be a TypeScript identifier, e.g. %%sql churn_by_plan`,
    );
  }
  return { query: newline === -1 ? '' : source.slice(newline + 1), bindTo: name };
}

export class SqlMagicError extends Error {
  override readonly name = 'UsageError';
}
