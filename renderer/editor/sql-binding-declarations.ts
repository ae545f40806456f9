/**
 * The declarations the TypeScript cells need for the names `%%sql NAME` cells bind in the
 * kernel's scope: one `declare const` per name, typed with the permissive row of
 * kernels/typings/quarry-globals.d.ts (`QuarrySqlBindingRow`), since the columns are unknown
 * until the query runs.
 */
import { parseSqlCell, SqlMagicError } from '../../core/notebook/sql-cell';

/**
 * The names bound by the cells' `%%sql NAME` lines, each once, in cell order. Cells bind at run
 * time, so two cells binding one name are one variable. A malformed magic line binds nothing:
 * the kernel reports it when the cell runs, and half-typed lines are common while editing.
 */
export function sqlBindingNames(sources: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const source of sources) {
    const name = bindingOf(source);
    if (name !== null) names.add(name);
  }
  return [...names];
}

/** The text of the extra lib that declares every `%%sql NAME` binding of the cells. */
export function sqlBindingDeclarations(sources: Iterable<string>): string {
  return sqlBindingNames(sources)
    .map((name) => `declare const ${name}: QuarrySqlResult<QuarrySqlBindingRow>;\n`)
    .join('');
}

function bindingOf(source: string): string | null {
  try {
    return parseSqlCell(source)?.bindTo ?? null;
  } catch (error) {
    if (error instanceof SqlMagicError) return null;
    throw error;
  }
}
