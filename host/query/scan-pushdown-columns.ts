/**
 * Which of a file's columns a statement can use: every name part of every column reference
 * that equals one of them (`o.amount`, `amount`, `s.amount.cents` all keep `amount`), or all of
 * them when the statement takes the file's row whole (`*`, `o.*`, `COLUMNS(…)`, `o` itself,
 * `#1`, a NATURAL join). Names compare as DuckDB compares them, ignoring case.
 */
import { stringField, stringsField, walkAst, type AstObject } from './scan-pushdown-ast';
import type { FileReference } from './scan-pushdown-reference';

/** null: all of them. */
export function columnsInStatement(
  statement: AstObject,
  reference: FileReference,
  fileColumns: readonly string[],
): string[] | null {
  if (reference.scope === null || reference.renamesColumns) return null;
  if (reference.scope.joins.some(({ join }) => stringField(join, 'ref_type') === 'NATURAL')) {
    return null;
  }
  const used = new Set<string>();
  let all = false;
  const noteName = (name: string) => used.add(name.toLowerCase());
  walkAst(statement, (node, path) => {
    if (all || node === reference.node) return false;
    switch (stringField(node, 'class')) {
      case 'COLUMN_REF': {
        const parts = stringsField(node, 'column_names') ?? [];
        parts.forEach(noteName);
        // `o` alone is the file's whole row, as a struct (unless a column is called `o`).
        if (parts.length === 1 && reference.names.includes(parts[0].toLowerCase())) all = true;
        break;
      }
      case 'STAR': {
        const relation = stringField(node, 'relation_name')?.toLowerCase() ?? '';
        // An unqualified star takes every relation of its own SELECT's FROM.
        const nearestSelect = [...path]
          .reverse()
          .find((step) => stringField(step.node, 'type') === 'SELECT_NODE');
        if (
          relation === ''
            ? nearestSelect?.node === reference.scope?.select
            : reference.names.includes(relation)
        ) {
          all = true;
        }
        break;
      }
      case 'POSITIONAL_REFERENCE':
        all = true;
        break;
      case null: // not an expression: a table, a clause, a value
      default: // other expressions name no column themselves; their children are visited
        break;
    }
    if (stringField(node, 'type') === 'JOIN')
      (stringsField(node, 'using_columns') ?? []).forEach(noteName);
    return true;
  });
  return all ? null : pickColumns(fileColumns, used);
}

/** The file's columns that were named, in the file's order; one at least (`count(*)`). */
function pickColumns(
  fileColumns: readonly string[],
  usedLowerCase: ReadonlySet<string>,
): string[] | null {
  if (fileColumns.length === 0) return null;
  const picked = fileColumns.filter((column) => usedLowerCase.has(column.toLowerCase()));
  return picked.length > 0 ? picked : [fileColumns[0]];
}
