/**
 * `%%sql` cells: a code cell whose first line is `%%sql` or `%%sql NAME` (DESIGN.md). Read by the
 * kernel (which runs the query and binds NAME) and by the editor (which declares NAME to the
 * TypeScript cells), so both agree on which names a notebook binds.
 */
export type SqlCell = { query: string; bindTo: string | null };

const MAGIC = /^%%sql(?:[ \t]+(.*))?$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/**
 * Words a strict-mode script cannot declare as a `const`: a binding named `class` or `let` could
 * never be used from a TypeScript cell (which the editor checks in strict mode), and declaring it
 * would break the editor's declarations of every other binding.
 */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends ' +
    'false finally for function if import in instanceof new null return super switch this throw ' +
    'true try typeof var void while with implements interface let package private protected ' +
    'public static yield await arguments eval'
  ).split(' '),
);

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
  if (name !== null && (!IDENTIFIER.test(name) || RESERVED.has(name))) {
    throw new SqlMagicError(
      `"%%sql ${name}": NAME must be a TypeScript identifier, not a reserved word, e.g. %%sql churn_by_plan`,
    );
  }
  return { query: newline === -1 ? '' : source.slice(newline + 1), bindTo: name };
}

export class SqlMagicError extends Error {
  override readonly name = 'UsageError';
}
