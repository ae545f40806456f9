/**
 * The SQL dialects a fitted pipeline compiles to (sql-compiler.ts, expression-sql.ts), behind one
 * interface: each place where engines differ is one member, so a new engine is one object. The
 * printers ask the dialect for every piece whose text or meaning varies; the semantics they must
 * reproduce are pipeline-spec.ts's (steps) and expression-functions.ts's (functions).
 *
 * DuckDB and PostgreSQL differ here:
 * - the double type's name (`DOUBLE`, `DOUBLE PRECISION`); every number is cast to it, since
 *   PostgreSQL divides integers as integers and EXTRACT returns numeric there;
 * - a boolean as 1.0/0.0: PostgreSQL has no boolean → double cast, only boolean → integer;
 * - ordering strings: PostgreSQL orders by the column's or database's collation (en_US puts 'a'
 *   before 'B'); `COLLATE "C"` orders by code point, as DuckDB's default binary collation does;
 * - errors: PostgreSQL raises on ln/sqrt out of domain, division by zero, exp's overflow and
 *   underflow, and power's undefined cases, where DuckDB raises on some and returns ±Infinity or
 *   NaN on others: the guarded forms below (shared by both) give null, as the subset says;
 * - EXTRACT(HOUR FROM a DATE) raises in PostgreSQL: the value is cast to TIMESTAMP first.
 *
 * Both: "double quoted" identifiers with doubled quotes, 'single quoted' strings with doubled
 * quotes (no backslash escapes: PostgreSQL's standard_conforming_strings, on by default), LEAST and
 * GREATEST that skip nulls, EXTRACT's DOW 0 = Sunday. Not handled, so a source view must: a
 * PostgreSQL BOOLEAN input column (cast it to integer), TIMESTAMPTZ inputs (date parts read the
 * session's TimeZone: set it to UTC, or convert), PostgreSQL identifiers past 63 bytes (truncated
 * by the server: a long one-hot category name comes back shortened, the column order is kept).
 *
 * What would change for the warehouses (issue 13 builds on this; check each against the engine):
 * - Trino: `DOUBLE`; booleans cast to DOUBLE directly; ln/sqrt/division of doubles return
 *   ±Infinity or NaN instead of raising, so the guards stay (they give null); GREATEST/LEAST
 *   return NULL when any argument is NULL, so they become a CASE over the non-null arguments;
 *   EXTRACT(DOW) is ISO (1 = Monday … 7 = Sunday): `day_of_week(x) % 7`; epoch days are
 *   `date_diff('day', DATE '1970-01-01', CAST(x AS DATE))` floored for timestamps; varchar compares
 *   by code point (no COLLATE).
 * - Spark SQL: `backtick` identifiers; string literals read backslash escapes unless
 *   `spark.sql.parser.escapedStringLiterals`, so quoteString escapes backslashes and quotes;
 *   `DOUBLE`; division by zero is NULL (non-ANSI) or an error (ANSI mode, Spark 4's default), so the
 *   NULLIF guard stays; `ln(x ≤ 0)` is NULL already; `dayofweek` is 1 = Sunday (minus 1),
 *   `dayofyear`, epoch days `unix_date(CAST(x AS DATE))`; GREATEST/LEAST skip nulls; strings
 *   compare by UTF-8 bytes (code point order).
 * - BigQuery: `backtick` identifiers; `FLOAT64` (CAST(b AS INT64) before FLOAT64 for booleans);
 *   backslash escapes in strings; division by zero raises (NULLIF or SAFE_DIVIDE), LN/SQRT out of
 *   domain raise (the guards, or the SAFE. prefix); EXTRACT(DAYOFWEEK) is 1 = Sunday (minus 1),
 *   DAYOFYEAR, UNIX_DATE for epoch days; TIMESTAMP is UTC by definition; GREATEST/LEAST return NULL
 *   when any argument is NULL (emulate); strings compare by code point.
 * - Snowflake: "double quoted" identifiers (unquoted ones fold to upper case; every name here is
 *   quoted); `DOUBLE`; division by zero raises (NULLIF, or DIV0NULL); DAYOFWEEK depends on the
 *   WEEK_START parameter, so `DAYOFWEEKISO(x) % 7`; DAYOFYEAR; epoch days from
 *   DATE_PART(EPOCH_SECOND, x); GREATEST/LEAST return NULL when any argument is NULL (emulate);
 *   booleans through IFF(b, 1, 0); strings compare by the column's collation (none: by bytes).
 */
import type { DatePart, SqlDialectName } from './pipeline-spec';
import { EXP_OVERFLOW, EXP_UNDERFLOW } from './expression-functions';

/** A non-boolean scalar type a NULL literal or a cast may need. */
export type SqlValueType = 'number' | 'string' | 'boolean';

export interface SqlDialect {
  readonly name: SqlDialectName;
  quoteIdentifier(name: string): string;
  quoteString(text: string): string;
  /** A finite number as a double literal that reads back as exactly the same double. */
  number(value: number): string;
  /** Any numeric SQL value (integer, decimal, numeric) as a double. */
  toDouble(sql: string): string;
  /** A boolean as 1.0 / 0.0 (null stays null). */
  booleanToDouble(sql: string): string;
  /** A NULL of the given type (PostgreSQL types a bare NULL as text in some places). */
  typedNull(type: SqlValueType): string;
  /** A string operand of <, <=, >, >=, BETWEEN, LEAST, GREATEST, ordered by code point. */
  codePointOrder(sql: string): string;
  /** n / d, null where d is 0. */
  divide(numerator: string, denominator: string): string;
  /** ln(x), null where x ≤ 0. */
  ln(x: string): string;
  /** sqrt(x), null where x < 0. */
  sqrt(x: string): string;
  /** exp(x) as expression-functions.ts says (null on overflow, 0 below the underflow). */
  exp(x: string): string;
  /** power(a, b), null where undefined (0 to a negative, a negative to a fraction). */
  power(base: string, exponent: string): string;
  /** round half away from zero to `digits` places, in doubles (expression-functions.ts). */
  round(x: string, digits: number): string;
  sign(x: string): string;
  /** LEAST/GREATEST skipping nulls. */
  extreme(which: 'least' | 'greatest', args: string[]): string;
  /** A part of a DATE or TIMESTAMP (pipeline-spec.ts), as a double. */
  datePart(part: DatePart, sql: string): string;
}

const EXTRACT_FIELD: Record<Exclude<DatePart, 'epochDays'>, string> = {
  year: 'YEAR',
  month: 'MONTH',
  day: 'DAY',
  dayOfWeek: 'DOW',
  dayOfYear: 'DOY',
  hour: 'HOUR',
};

/** What DuckDB and PostgreSQL print alike once the double type and casts are known. */
function portable(
  name: SqlDialectName,
  doubleType: string,
  booleanToDouble: (sql: string) => string,
  codePointOrder: (sql: string) => string,
): SqlDialect {
  const toDouble = (sql: string): string => `CAST(${sql} AS ${doubleType})`;
  const number = (value: number): string => {
    if (!Number.isFinite(value))
      throw new Error(`${String(value)} has no SQL literal: a pipeline's numbers must be finite`);
    // DuckDB reads 0.1 as a DECIMAL and converts it with a second rounding (measured: 1 in 20
    // random doubles came back an ulp off); a literal with an exponent is read as a double (DuckDB)
    // or an exact numeric (PostgreSQL), so its shortest exponent form returns the same bits.
    return toDouble(Number.isSafeInteger(value) ? String(value) : value.toExponential());
  };
  return {
    name,
    quoteIdentifier: (identifier) => `"${identifier.replaceAll('"', '""')}"`,
    quoteString: (text) => `'${text.replaceAll("'", "''")}'`,
    number,
    toDouble,
    booleanToDouble,
    typedNull: (type) => {
      switch (type) {
        case 'number':
          return `CAST(NULL AS ${doubleType})`;
        case 'string':
          return 'CAST(NULL AS VARCHAR)';
        case 'boolean':
          return 'CAST(NULL AS BOOLEAN)';
      }
    },
    codePointOrder,
    divide: (numerator, denominator) => `(${numerator} / NULLIF(${denominator}, ${number(0)}))`,
    // GREATEST skips a null (giving 0, which NULLIF turns back to null) and x ≤ 0 becomes 0 and
    // then null: x appears once, so a chain of inlined steps does not grow the SQL.
    ln: (x) => `ln(NULLIF(GREATEST(${x}, ${number(0)}), ${number(0)}))`,
    sqrt: (x) => `CASE WHEN ${x} >= ${number(0)} THEN sqrt(${x}) END`,
    exp: (x) =>
      `CASE WHEN ${x} < ${number(EXP_UNDERFLOW)} THEN ${number(0)}` +
      ` WHEN ${x} < ${number(EXP_OVERFLOW)} THEN exp(${x}) END`,
    power: (base, exponent) =>
      `CASE WHEN (${base} = ${number(0)} AND ${exponent} < ${number(0)})` +
      ` OR (${base} < ${number(0)} AND ${exponent} <> floor(${exponent})) THEN ${toDouble('NULL')}` +
      ` ELSE power(${base}, ${exponent}) END`,
    round: (x, digits) => {
      // 10^|digits| is an exact double (|digits| ≤ 15), so scaling up or down is one rounding.
      const scale = number(10 ** Math.abs(digits));
      const scaled =
        digits === 0 ? `abs(${x})` : digits > 0 ? `abs(${x}) * ${scale}` : `abs(${x}) / ${scale}`;
      const rounded = `${toDouble(`sign(${x})`)} * floor(${scaled} + ${number(0.5)})`;
      if (digits === 0) return `(${rounded})`;
      return digits > 0 ? `(${rounded} / ${scale})` : `(${rounded} * ${scale})`;
    },
    sign: (x) => toDouble(`sign(${x})`),
    extreme: (which, args) => `${which.toUpperCase()}(${args.join(', ')})`,
    datePart: (part, sql) => {
      switch (part) {
        case 'epochDays':
          return `floor(${toDouble(`EXTRACT(EPOCH FROM ${sql})`)} / ${number(86400)})`;
        case 'hour':
          return toDouble(`EXTRACT(HOUR FROM CAST(${sql} AS TIMESTAMP))`);
        case 'year':
        case 'month':
        case 'day':
        case 'dayOfWeek':
        case 'dayOfYear':
          return toDouble(`EXTRACT(${EXTRACT_FIELD[part]} FROM ${sql})`);
      }
    },
  };
}

export const DIALECTS: Record<SqlDialectName, SqlDialect> = {
  duckdb: portable(
    'duckdb',
    'DOUBLE',
    (sql) => `CAST(${sql} AS DOUBLE)`,
    (sql) => sql,
  ),
  postgres: portable(
    'postgres',
    'DOUBLE PRECISION',
    (sql) => `CAST(CAST(${sql} AS INTEGER) AS DOUBLE PRECISION)`,
    // Parenthesised: BETWEEN's low bound may not carry a COLLATE clause in PostgreSQL's grammar.
    (sql) => `(${sql} COLLATE "C")`,
  ),
};
