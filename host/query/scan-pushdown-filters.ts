/**
 * Which conditions of a statement can be evaluated on the file alone, before the rest of the
 * statement sees its rows, without changing the statement's result: the top-level AND terms of
 * the WHERE of the SELECT whose FROM holds the file, when the file is that FROM or is joined
 * on a side every row of which the join keeps, and when the term reads the file's columns only
 * through pure built-in functions (no subquery, aggregate, window, parameter, lambda, volatile
 * or session-dependent function, no type the host may not know).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  isAstObject,
  objectField,
  renderExpression,
  stringField,
  stringsField,
  walkAst,
  type AstObject,
} from './scan-pushdown-ast';
import type { FileReference, FileScope } from './scan-pushdown-reference';

const PURE_CLASSES = new Set([
  'COLUMN_REF',
  'CONSTANT',
  'COMPARISON',
  'CONJUNCTION',
  'OPERATOR',
  'BETWEEN',
  'CASE',
  'CAST',
  'FUNCTION',
]);

/** Consistent for DuckDB, yet they read the session, which the host's is not. */
const SESSION_FUNCTION =
  /^(getvariable|current_.*|get_current_.*|pg_.*|has_.*|txid_.*|version|user|session_user)$/;

/** A WHERE term rewritten over the file's own column names, and the functions it calls. */
type Candidate = { expression: AstObject; functions: Set<string> };

/** The terms as SQL over the file's unqualified columns, to be ANDed. */
export async function filtersInStatement(
  connection: DuckDBConnection,
  reference: FileReference,
  fileColumns: readonly string[],
): Promise<string[]> {
  const scope = reference.scope;
  if (scope === null || reference.renamesColumns || !keepsFileRowsWhole(scope, reference))
    return [];
  const where = objectField(scope.select, 'where_clause');
  if (where === null) return [];
  const columns = new Set(fileColumns.map((column) => column.toLowerCase()));
  const fileAlone = scope.joins.length === 0;
  const candidates = conjuncts(where)
    .map((term) => candidate(term, (parts) => fileColumnOf(parts, reference, columns, fileAlone)))
    .filter((found): found is Candidate => found !== null);
  if (candidates.length === 0) return [];
  const pure = await pureFunctions(
    connection,
    candidates.flatMap((found) => [...found.functions]),
  );
  const filters: string[] = [];
  for (const found of candidates) {
    if (![...found.functions].every((name) => pure.has(name))) continue;
    const sql = await renderExpression(connection, found.expression);
    if (sql !== null) filters.push(sql);
  }
  return filters;
}

/**
 * Whether every file row that passes the WHERE reaches it as it would unfiltered: through
 * inner and cross joins, and the kept side of a LEFT or RIGHT join; never through a FULL, ASOF,
 * POSITIONAL or SEMI/ANTI join, nor after a sample (which a filter would change).
 */
function keepsFileRowsWhole(scope: FileScope, reference: FileReference): boolean {
  const unsampled = [scope.select, reference.node, ...scope.joins.map(({ join }) => join)].every(
    (node) => node.sample === null || node.sample === undefined,
  );
  return (
    unsampled &&
    scope.joins.every(({ join, side }) => {
      const refType = stringField(join, 'ref_type');
      const joinType = stringField(join, 'join_type');
      if (refType !== 'REGULAR' && refType !== 'CROSS') return false;
      return (
        joinType === 'INNER' ||
        (joinType === 'LEFT' && side === 'left') ||
        (joinType === 'RIGHT' && side === 'right')
      );
    })
  );
}

function conjuncts(expression: AstObject): AstObject[] {
  if (stringField(expression, 'type') !== 'CONJUNCTION_AND') return [expression];
  const children = expression.children;
  return Array.isArray(children) ? children.filter(isAstObject).flatMap(conjuncts) : [expression];
}

/**
 * The file column a reference names in this scope: `o.amount` with the file's alias `o`, or
 * `amount` when the file is the whole FROM (SQL resolves a bare name in the innermost scope).
 * Nothing else is sure: a bare name beside a join could be the other table's.
 */
function fileColumnOf(
  parts: readonly string[],
  reference: FileReference,
  columns: ReadonlySet<string>,
  fileAlone: boolean,
): string | null {
  const name = parts[parts.length - 1];
  if (name === undefined || !columns.has(name.toLowerCase())) return null;
  if (parts.length === 1 && fileAlone) return name;
  if (
    parts.length === 2 &&
    reference.alias !== null &&
    parts[0].toLowerCase() === reference.alias
  ) {
    return name;
  }
  return null;
}

function candidate(
  term: AstObject,
  fileColumn: (parts: readonly string[]) => string | null,
): Candidate | null {
  const functions = new Set<string>();
  let columnsRead = 0;
  let pure = true;
  walkAst(term, (node) => {
    if (!pure) return false;
    const nodeClass = stringField(node, 'class');
    if (nodeClass === null) return true; // a value, a CASE branch: its parts are checked
    if (!PURE_CLASSES.has(nodeClass)) pure = false;
    else if (nodeClass === 'COLUMN_REF') {
      const parts = stringsField(node, 'column_names');
      if (parts === null || fileColumn(parts) === null) pure = false;
      columnsRead++;
    } else if (nodeClass === 'FUNCTION') {
      const name = plainFunctionName(node);
      if (name === null) pure = false;
      else functions.add(name);
    } else if (nodeClass === 'CAST' && !isBuiltInType(node.cast_type)) pure = false;
    return pure;
  });
  if (!pure || columnsRead === 0) return null;
  return { expression: withFileColumnNames(term, fileColumn), functions };
}

/** A plain call `f(a, b)` (no DISTINCT, FILTER, ORDER BY, schema of a user's): its name. */
function plainFunctionName(node: AstObject): string | null {
  const name = stringField(node, 'function_name');
  const schema = stringField(node, 'schema') ?? '';
  const orders = objectField(node, 'order_bys')?.orders;
  const plain =
    node.distinct === false &&
    (node.filter === null || node.filter === undefined) &&
    (orders === undefined || (Array.isArray(orders) && orders.length === 0)) &&
    (schema === '' || schema === 'main') &&
    (stringField(node, 'catalog') ?? '') === '';
  return plain && name !== null ? name.toLowerCase() : null;
}

/** A type the host knows too: not a name that only the kernel's catalog may resolve. */
function isBuiltInType(type: unknown): boolean {
  let builtIn = isAstObject(type);
  walkAst(type, (node) => {
    const id = stringField(node, 'id');
    if (id === 'UNBOUND' || id === 'USER') builtIn = false;
    return builtIn;
  });
  return builtIn;
}

function withFileColumnNames(
  term: AstObject,
  fileColumn: (parts: readonly string[]) => string | null,
): AstObject {
  const rewrite = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!isAstObject(value)) return value;
    const parts =
      stringField(value, 'class') === 'COLUMN_REF' ? stringsField(value, 'column_names') : null;
    if (parts !== null) return { ...value, column_names: [fileColumn(parts)] };
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [key, rewrite(child)]));
  };
  return rewrite(term) as AstObject;
}

/**
 * Of these names, those that are the host's own scalar functions, consistent, free of side
 * effects and of the session. (A macro made in the kernel under a built-in's name would shadow
 * it there; the host cannot see the kernel's catalog.)
 */
async function pureFunctions(connection: DuckDBConnection, names: string[]): Promise<Set<string>> {
  const asked = [...new Set(names)].filter((name) => !SESSION_FUNCTION.test(name));
  if (asked.length === 0) return new Set();
  const reader = await connection.runAndReadAll(
    `SELECT lower(function_name) FROM duckdb_functions()
     WHERE lower(function_name) IN (SELECT unnest(from_json($1::VARCHAR, '["VARCHAR"]')))
     GROUP BY 1
     HAVING bool_and(function_type = 'scalar' AND internal AND stability = 'CONSISTENT'
       AND NOT has_side_effects)`,
    [JSON.stringify(asked)],
  );
  return new Set(reader.getRows().map((row) => String(row[0])));
}
