/**
 * The `sql` template's values as prepared-statement parameters. DuckDB-WASM sends parameters as
 * JSON and types them by their JSON value, so every number would bind as DOUBLE
 * (`range(${250000})` fails with `range(DOUBLE)`), a bigint cannot be sent at all and a Date
 * would arrive as text. So each value is still sent as a parameter, never spliced into the SQL,
 * but the kernel wraps the parameter it generated in a cast to the type the value has:
 *
 *   safe integer → CAST($n AS BIGINT)      bigint → CAST($n AS BIGINT or HUGEINT), sent as digits
 *   other number → CAST($n AS DOUBLE)      (NaN and ±Infinity sent as text: JSON has neither)
 *   Date → CAST($n AS TIMESTAMP), sent as its ISO text (UTC)
 *   boolean → CAST($n AS BOOLEAN)          string → $n (VARCHAR, or what it is compared with)
 *   null, undefined → NULL                 array → [e1, e2, …], its elements bound the same way
 *
 * A string stays a bare parameter, typed by where it stands as a string literal is (compared
 * with a DATE, it is a date). null is the keyword itself, which carries nothing of the user's: a
 * NULL parameter would be typed as a string (`${null} + 1` would fail), the keyword fits anywhere.
 */
import { RewrittenSql, type SqlEdit } from './rewritten-sql';

/** What DuckDB-WASM can send as a parameter (through JSON). */
export type BoundParameter = number | string | boolean;

export type TemplateQuery = {
  /** Its source shows each value as `$1`, `$2`, … (by the value's place in the template). */
  query: RewrittenSql;
  params: BoundParameter[];
};

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

export function templateQuery(
  strings: readonly string[],
  values: readonly unknown[],
): TemplateQuery {
  const params: BoundParameter[] = [];
  const edits: SqlEdit[] = [];
  let source = strings[0];
  values.forEach((value, i) => {
    const placeholder = `$${i + 1}`;
    const replacement = parameterSql(value, placeholder, params);
    edits.push({ start: source.length, end: source.length + placeholder.length, replacement });
    source += placeholder + strings[i + 1];
  });
  return { query: RewrittenSql.of(source).withEdits(edits), params };
}

/**
 * Appends `value`'s parameters to `params` and returns the SQL that stands for it.
 * @param label how an error names the value (`$2`, or `$2[0]` inside an array)
 */
function parameterSql(value: unknown, label: string, params: BoundParameter[]): string {
  const bind = (param: BoundParameter, type?: string) => {
    params.push(param);
    return type === undefined ? `$${params.length}` : `CAST($${params.length} AS ${type})`;
  };
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'string') return bind(value);
  if (typeof value === 'boolean') return bind(value, 'BOOLEAN');
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return bind(value, 'BIGINT');
    return bind(Number.isFinite(value) ? value : String(value), 'DOUBLE');
  }
  if (typeof value === 'bigint') {
    return bind(value.toString(), value >= INT64_MIN && value <= INT64_MAX ? 'BIGINT' : 'HUGEINT');
  }
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime()))
      throw new TypeError(`sql: parameter ${label} is an invalid Date`);
    return bind(value.toISOString(), 'TIMESTAMP');
  }
  if (Array.isArray(value)) {
    return `[${value.map((item: unknown, i) => parameterSql(item, `${label}[${i}]`, params)).join(', ')}]`;
  }
  throw new TypeError(
    `sql: parameter ${label} is ${typeof value === 'object' ? 'an object' : `a ${typeof value}`}; only numbers, bigints, strings, booleans, dates, null and arrays of them can be bound (register a frame to query a table of values)`,
  );
}
