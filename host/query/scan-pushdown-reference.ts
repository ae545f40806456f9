/**
 * Finds a file reference (`'x.parquet'`, `read_csv(…)`) in DuckDB's parse of a statement and
 * says how the statement names it and where it stands: in the FROM of which SELECT, behind
 * which joins.
 */
import {
  objectField,
  stringField,
  stringsField,
  walkAst,
  type AstObject,
  type AstStep,
} from './scan-pushdown-ast';

export type FileReference = {
  node: AstObject;
  /** Lower case: the `AS` alias, or null when the statement gives none. */
  alias: string | null;
  /**
   * Lower case: every name the statement may use for the file's row (the alias; without one,
   * DuckDB's own: `orders` for `'data/orders.parquet'`, `read_csv` for `read_csv(…)`).
   */
  names: string[];
  /** `'x.parquet' AS o(a, b)` renames the file's columns: nothing can be pushed by name. */
  renamesColumns: boolean;
  /** The SELECT whose FROM holds the file through joins alone, or null (PIVOT, …). */
  scope: FileScope | null;
};

export type FileScope = {
  select: AstObject;
  /** The joins from the FROM's top down to the file, with the side the file is on. */
  joins: { join: AstObject; side: 'left' | 'right' }[];
};

/** The table reference that starts at byte `location` of the statement's text. */
export function locateReference(statement: AstObject, location: number): FileReference | null {
  let found: { node: AstObject; path: AstStep[] } | null = null;
  walkAst(statement, (node, path) => {
    if (found !== null) return false;
    const type = stringField(node, 'type');
    if ((type === 'BASE_TABLE' || type === 'TABLE_FUNCTION') && node.query_location === location) {
      found = { node, path: [...path] };
      return false;
    }
    return true;
  });
  if (found === null) return null;
  const { node, path } = found as { node: AstObject; path: AstStep[] };
  const alias = stringField(node, 'alias')?.toLowerCase() || null;
  return {
    node,
    alias,
    names: alias !== null ? [alias] : implicitNames(node),
    renamesColumns: (stringsField(node, 'column_name_alias') ?? ['?']).length > 0,
    scope: scopeOf(path),
  };
}

/** DuckDB names `'dir/x.csv.gz'` `x`, and a table function by the function. */
function implicitNames(node: AstObject): string[] {
  const table = stringField(node, 'table_name');
  const functionName = stringField(objectField(node, 'function') ?? {}, 'function_name');
  const names = [table, functionName]
    .filter((name): name is string => name !== null)
    .flatMap((name) => {
      const base = name.split(/[/\\]/).pop() ?? name;
      return [name, base, base.split('.')[0]];
    });
  return [...new Set(names.map((name) => name.toLowerCase()))];
}

function scopeOf(path: readonly AstStep[]): FileScope | null {
  const joins: FileScope['joins'] = [];
  for (let i = path.length - 1; i >= 0; i--) {
    const { node, key } = path[i];
    const type = stringField(node, 'type');
    if (type === 'JOIN' && (key === 'left' || key === 'right')) {
      joins.unshift({ join: node, side: key });
    } else if (type === 'SELECT_NODE' && key === 'from_table') {
      return { select: node, joins };
    } else {
      return null;
    }
  }
  return null;
}
