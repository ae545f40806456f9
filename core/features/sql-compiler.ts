/**
 * A fitted pipeline (pipeline-spec.ts) as ONE SELECT over raw rows: the feature matrix a model
 * reads, computed by the database in production exactly as the TypeScript transform computes it
 * in the notebook (pipeline-spec.ts pins each step's meaning; expression-functions.ts each
 * function's). Each step's SQL is inlined where a later step reads its output, so the statement
 * needs no CTE or temporary table and runs wherever a SELECT does; the guarded forms reference
 * their input once where they can (sql-dialect.ts), so the text stays small for the usual chains
 * (impute → standardize, clip → bucketize).
 *
 * Every numeric input is cast to a double where it is read, so PostgreSQL never divides integers
 * as integers, and every literal is a double, so no CASE or COALESCE turns into numeric.
 */
import { parseExpression } from './expression';
import { expressionToSql } from './expression-sql';
import { expressionType } from './expression-types';
import {
  expressionColumnType,
  parseFittedPipelineJson,
  PipelineJsonError,
  stepOutputs,
} from './pipeline-json';
import type {
  FittedPipelineJson,
  FittedStep,
  InputColumnType,
  SqlDialectName,
} from './pipeline-spec';
import { DIALECTS, type SqlDialect } from './sql-dialect';

export type PipelineSqlOptions = {
  /** Default 'duckdb'. */
  dialect?: SqlDialectName;
  /** Raw columns to pass through first (an id, the label), before the features. */
  keep?: string[];
};

/** A column as the SELECT computes it so far: its SQL and its kind. */
type Column = { sql: string; kind: InputColumnType };

/** The SQL of each column a step writes, in `stepOutputs` order. */
function stepSql(step: FittedStep, read: (name: string) => Column, dialect: SqlDialect): string[] {
  const n = (value: number): string => dialect.number(value);
  switch (step.kind) {
    case 'number':
      return [read(step.column).sql];
    case 'standardize': {
      const x = read(step.column).sql;
      return [`((${x} - ${n(step.mean)}) / ${n(step.std === 0 ? 1 : step.std)})`];
    }
    case 'minMax': {
      const x = read(step.column).sql;
      const range = step.max - step.min;
      return [`((${x} - ${n(step.min)}) / ${n(range === 0 ? 1 : range)})`];
    }
    case 'log':
      return [dialect.ln(`(${read(step.column).sql} + ${n(step.offset)})`)];
    case 'clip': {
      const x = read(step.column).sql;
      const below = step.min === null ? '' : ` WHEN ${x} < ${n(step.min)} THEN ${n(step.min)}`;
      const above = step.max === null ? '' : ` WHEN ${x} > ${n(step.max)} THEN ${n(step.max)}`;
      // A null matches no WHEN and stays null (LEAST/GREATEST would skip it: sql-dialect.ts).
      return [below === '' && above === '' ? x : `CASE${below}${above} ELSE ${x} END`];
    }
    case 'bucketize': {
      const x = read(step.column).sql;
      const { boundaries } = step;
      if (boundaries.length === 0) return [`CASE WHEN ${x} IS NOT NULL THEN ${n(0)} END`];
      // Below the i-th boundary, i of them are ≤ x; a null matches no WHEN and stays null.
      const whens = boundaries.map((b, i) => ` WHEN ${x} < ${n(b)} THEN ${n(i)}`).join('');
      const last = boundaries[boundaries.length - 1];
      return [`CASE${whens} WHEN ${x} >= ${n(last)} THEN ${n(boundaries.length)} END`];
    }
    case 'impute': {
      const x = read(step.column).sql;
      const filled = `COALESCE(${x}, ${n(step.value)})`;
      if (step.indicator === null) return [filled];
      return [filled, `CASE WHEN ${x} IS NULL THEN ${n(1)} ELSE ${n(0)} END`];
    }
    case 'oneHot': {
      const column = read(step.column);
      const values = step.categories.map((category) => categoryLiteral(category, column, dialect));
      const outputs = values.map((value) =>
        value === null ? n(0) : `CASE WHEN ${column.sql} = ${value} THEN ${n(1)} ELSE ${n(0)} END`,
      );
      const known = values.filter((value) => value !== null);
      const other =
        known.length === 0
          ? n(1)
          : `CASE WHEN ${column.sql} IN (${known.join(', ')}) THEN ${n(0)} ELSE ${n(1)} END`;
      return [...outputs, other];
    }
    case 'vocabulary': {
      const column = read(step.column);
      const whens = step.vocabulary
        .map((value, i) => [categoryLiteral(value, column, dialect), i + 1] as const)
        .filter(([value]) => value !== null)
        .map(([value, index]) => ` WHEN ${value} THEN ${n(index)}`)
        .join('');
      return [whens === '' ? n(0) : `CASE ${column.sql}${whens} ELSE ${n(0)} END`];
    }
    case 'dateParts': {
      const x = read(step.column).sql;
      return step.parts.map((part) => dialect.datePart(part, x));
    }
    case 'ratio':
      return [dialect.divide(read(step.numerator).sql, read(step.denominator).sql)];
    case 'expression': {
      const expr = parseExpression(step.sql);
      const columnType = (name: string) => expressionColumnType(name, read(name).kind);
      const sql = expressionToSql(expr, dialect, (name) => read(name).sql, columnType);
      const type = expressionType(expr, columnType);
      return [type === 'boolean' ? dialect.booleanToDouble(sql) : sql];
    }
  }
}

/**
 * A category of a string column as a string literal; of a number column (categories are the
 * values' JavaScript text, `String(value)`) as the number it spells, or null for one that spells
 * none and so matches no row.
 */
function categoryLiteral(category: string, column: Column, dialect: SqlDialect): string | null {
  if (column.kind === 'string') return dialect.quoteString(category);
  const value = category.trim() === '' ? NaN : Number(category);
  return Number.isFinite(value) ? dialect.number(value) : null;
}

/**
 * `json` (validated first: parseFittedPipelineJson) as one SELECT over `source`, SQL placed
 * after FROM as given: a table or view name (quote it if needed), or `(SELECT …) AS t`. The
 * columns are `keep`'s raw columns, then the features in order, named as the features are.
 */
export function pipelineToSql(
  json: FittedPipelineJson,
  source: string,
  options: PipelineSqlOptions = {},
): string {
  const pipeline = parseFittedPipelineJson(json);
  const name = options.dialect ?? 'duckdb';
  // Checked at run time too: the options may come from a notebook cell's untyped code.
  if (!Object.hasOwn(DIALECTS, name))
    throw new Error(
      `unknown SQL dialect "${String(name)}": use one of ${Object.keys(DIALECTS).join(', ')}`,
    );
  const dialect = DIALECTS[name];
  if (source.trim() === '')
    throw new Error('pipelineToSql needs a source: a table or view name, or a subquery');
  const keep = options.keep ?? [];
  const clash = keep.find(
    (name, i) => keep.indexOf(name) !== i || pipeline.features.includes(name),
  );
  if (clash !== undefined)
    throw new Error(
      `keep lists "${clash}" ${keep.indexOf(clash) !== keep.lastIndexOf(clash) ? 'twice' : 'which is also a feature'}: each output column needs its own name`,
    );

  const columns = new Map<string, Column>();
  for (const input of pipeline.inputs) {
    const quoted = dialect.quoteIdentifier(input.name);
    columns.set(input.name, {
      sql: input.type === 'number' ? dialect.toDouble(quoted) : quoted,
      kind: input.type,
    });
  }
  // The validator has checked every read; this guards the compiler's own bookkeeping.
  const reader =
    (where: string) =>
    (name: string): Column => {
      const column = columns.get(name);
      if (column === undefined)
        throw new PipelineJsonError(`${where} reads "${name}", which nothing provides`);
      return column;
    };
  pipeline.steps.forEach((step, index) => {
    const sql = stepSql(step, reader(`step ${index} (${step.kind})`), dialect);
    stepOutputs(step).forEach((output, i) => columns.set(output, { sql: sql[i], kind: 'number' }));
  });

  const feature = reader('the feature list');
  const select = [
    ...keep.map((name) => dialect.quoteIdentifier(name)),
    ...pipeline.features.map((name) => `${feature(name).sql} AS ${dialect.quoteIdentifier(name)}`),
  ];
  return `SELECT\n  ${select.join(',\n  ')}\nFROM ${source}`;
}
