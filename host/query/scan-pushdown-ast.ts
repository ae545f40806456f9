/**
 * DuckDB's own parse of a statement, as JSON (`json_serialize_sql`), and the way back to SQL
 * (`json_deserialize_sql`), so that scan pushdown reads the statement the way DuckDB does and
 * never prints SQL itself. The JSON is DuckDB's internal shape and may change between
 * versions: everything here is read through guards, and whatever does not match reads as
 * "cannot analyse" to the callers.
 */
import type { DuckDBConnection } from '@duckdb/node-api';

export type AstObject = { readonly [key: string]: unknown };

/** One step from the root down to a node: the object and the property the walk went into. */
export type AstStep = { node: AstObject; key: string };

export type ParsedStatement =
  | { kind: 'select'; statement: AstObject }
  /** DuckDB parsed it, but serialises SELECT statements only (CREATE TABLE AS, INSERT, COPY). */
  | { kind: 'not-select' }
  | { kind: 'rejected' };

export function isAstObject(value: unknown): value is AstObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function stringField(node: AstObject, key: string): string | null {
  const value = node[key];
  return typeof value === 'string' ? value : null;
}

export function objectField(node: AstObject, key: string): AstObject | null {
  const value = node[key];
  return isAstObject(value) ? value : null;
}

export function stringsField(node: AstObject, key: string): string[] | null {
  const value = node[key];
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : null;
}

/**
 * Visits every object under `root`, parents first, with the path that leads to it; a visit
 * returning false skips that object's children.
 */
export function walkAst(
  root: unknown,
  visit: (node: AstObject, path: readonly AstStep[]) => boolean | void,
  path: AstStep[] = [],
): void {
  if (Array.isArray(root)) {
    for (const item of root) walkAst(item, visit, path);
    return;
  }
  if (!isAstObject(root)) return;
  if (visit(root, path) === false) return;
  for (const [key, child] of Object.entries(root)) {
    if (typeof child !== 'object' || child === null) continue;
    path.push({ node: root, key });
    walkAst(child, visit, path);
    path.pop();
  }
}

/** The one statement in `sql`, as DuckDB parses it. */
export async function parseStatement(
  connection: DuckDBConnection,
  sql: string,
): Promise<ParsedStatement> {
  const reader = await connection.runAndReadAll('SELECT json_serialize_sql($1::VARCHAR)', [sql]);
  const json: unknown = JSON.parse(String(reader.getRows()[0][0]));
  if (!isAstObject(json)) return { kind: 'rejected' };
  if (json.error !== false) {
    const notSelect = stringField(json, 'error_message')?.startsWith('Only SELECT statements');
    return { kind: notSelect ? 'not-select' : 'rejected' };
  }
  const statements = json.statements;
  if (!Array.isArray(statements) || statements.length !== 1) return { kind: 'rejected' };
  const only: unknown = statements[0];
  return isAstObject(only) ? { kind: 'select', statement: only } : { kind: 'rejected' };
}

/** An expression as SQL, printed by DuckDB: it goes in as the select list of `SELECT 1`. */
export async function renderExpression(
  connection: DuckDBConnection,
  expression: AstObject,
): Promise<string | null> {
  const template = await connection.runAndReadAll("SELECT json_serialize_sql('SELECT 1')");
  const parsed: unknown = JSON.parse(String(template.getRows()[0][0]));
  if (!isAstObject(parsed) || !Array.isArray(parsed.statements)) return null;
  const statement: unknown = parsed.statements[0];
  if (!isAstObject(statement) || !isAstObject(statement.node)) return null;
  const select = { ...statement.node, select_list: [{ ...expression, alias: '' }] };
  const withExpression = { ...parsed, statements: [{ ...statement, node: select }] };
  const reader = await connection.runAndReadAll('SELECT json_deserialize_sql($1::VARCHAR)', [
    JSON.stringify(withExpression, withoutLocations),
  ]);
  const sql = String(reader.getRows()[0][0]);
  return sql.startsWith('SELECT ') ? sql.slice('SELECT '.length) : null;
}

/**
 * Locations are byte offsets, "none" being 2^64 - 1, which a JavaScript number cannot hold and
 * DuckDB then refuses to read back; printing does not need them.
 */
function withoutLocations(key: string, value: unknown): unknown {
  return key === 'query_location' ? 0 : value;
}
