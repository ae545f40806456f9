/**
 * The statements docs/sampling.md shows ("the SQL each would receive"), generated from the
 * composer (sampling-sql.ts) and each engine's dialect for one example table, so the page can
 * be checked against the code (doc-examples.test.ts) and never drift from it.
 */
import type { SampleRequest } from '../../../core/sample/request';
import { duckdbDialect } from '../duckdb-dialect';
import { postgresDialect } from '../postgres-dialect';
import type { SamplingDialect } from '../sampling-dialect';
import { samplingStatements, type StratumCount } from '../sampling-sql';
import { bigQueryDialect } from './bigquery-dialect';
import { snowflakeDialect } from './snowflake-dialect';
import { sparkDialect } from './spark-dialect';
import { trinoDialect } from './trino-dialect';

/** An engine, how its example table is named there, and its key when it has one. */
type ExampleEngine = {
  title: string;
  dialect: SamplingDialect;
  from: string;
  keyColumns?: string[];
};

const quotedPath = (dialect: SamplingDialect, ...parts: string[]) =>
  parts.map((part) => dialect.quoteIdentifier(part)).join('.');

export const EXAMPLE_ENGINES: ExampleEngine[] = [
  { title: 'DuckDB (files)', dialect: duckdbDialect, from: "read_parquet('events/*.parquet')" },
  // A PostgreSQL table's primary key is what its source hashes (postgres-source.ts).
  {
    title: 'PostgreSQL (a table whose primary key is id)',
    dialect: postgresDialect,
    from: quotedPath(postgresDialect, 'public', 'events'),
    keyColumns: ['id'],
  },
  {
    title: 'Trino',
    dialect: trinoDialect,
    from: quotedPath(trinoDialect, 'hive', 'web', 'events'),
  },
  { title: 'Spark SQL', dialect: sparkDialect, from: quotedPath(sparkDialect, 'web', 'events') },
  // BigQuery takes a whole project.dataset.table path in one pair of backticks.
  {
    title: 'BigQuery',
    dialect: bigQueryDialect,
    from: bigQueryDialect.quoteIdentifier('project.web.events'),
  },
  {
    title: 'Snowflake',
    dialect: snowflakeDialect,
    from: quotedPath(snowflakeDialect, 'web', 'public', 'events'),
  },
];

const COLUMNS = ['id', 'country', 'amount', 'created_at'];
const SOURCE_ROWS = 50_000_000;
const ROWS = { kind: 'rows', rows: 10_000 } as const;
const PERCENT = { kind: 'fraction', fraction: 0.01 } as const;
/** The strata count's answer in the stratified example: a rare stratum among large ones. */
const STRATA: StratumCount[] = [
  { value: 'BR', rows: 7_999_000 },
  { value: 'FR', rows: 12_000_000 },
  { value: 'IS', rows: 1_000 },
  { value: 'US', rows: 30_000_000 },
];

type ExampleCase = {
  title: string;
  request: Partial<SampleRequest>;
  strata: StratumCount[] | null;
};

export const EXAMPLE_CASES: ExampleCase[] = [
  { title: 'hash, 10,000 rows', request: { method: 'hash', size: ROWS }, strata: null },
  { title: 'hash, 1 %', request: { method: 'hash', size: PERCENT }, strata: null },
  { title: 'bernoulli, 1 %', request: { method: 'bernoulli', size: PERCENT }, strata: null },
  { title: 'system, 1 %', request: { method: 'system', size: PERCENT }, strata: null },
  { title: 'reservoir, 10,000 rows', request: { method: 'reservoir', size: ROWS }, strata: null },
  {
    title: 'stratified by country, 10,000 rows in all (floor 10)',
    request: {
      method: 'hash',
      size: ROWS,
      stratify: { column: 'country', perStratum: null, floor: 10 },
    },
    strata: STRATA,
  },
];

/** The request of an example case, from its overrides. */
export function exampleRequest(overrides: Partial<SampleRequest>): SampleRequest {
  return {
    source: { kind: 'files', path: 'events/*.parquet', format: 'parquet' },
    method: 'hash',
    size: ROWS,
    seed: 42,
    stratify: null,
    where: null,
    timeWindow: null,
    columns: null,
    threads: null,
    onError: 'fail',
    ...overrides,
  };
}

/** Every statement an engine receives for an example case, in order. */
export function exampleStatements(engine: ExampleEngine, example: ExampleCase): string[] {
  const input = {
    dialect: engine.dialect,
    from: engine.from,
    fromIsTable: true,
    sourceColumns: COLUMNS,
    ...(engine.keyColumns === undefined ? {} : { keyColumns: engine.keyColumns }),
    request: exampleRequest(example.request),
    sourceRows: SOURCE_ROWS,
  };
  return samplingStatements(input, example.strata).statements;
}

const CLAUSES = /\s(FROM|WHERE|GROUP BY|ORDER BY|LIMIT)\s/g;

/**
 * `sql` with a line break before each FROM, WHERE, GROUP BY, ORDER BY and LIMIT, indented by
 * how deep in parentheses it stands: only spaces become breaks, so collapsing the whitespace
 * gives back the statement as sent. (No example's literals hold these words.)
 */
export function readableSql(sql: string): string {
  let out = '';
  let depth = 0;
  let last = 0;
  for (const match of sql.matchAll(CLAUSES)) {
    const chunk = sql.slice(last, match.index);
    for (const char of chunk) depth += char === '(' ? 1 : char === ')' ? -1 : 0;
    out += `${chunk}\n${'  '.repeat(depth)}${match[1]} `;
    last = match.index + match[0].length;
  }
  return out + sql.slice(last);
}

/** The generated section of docs/sampling.md: per engine, each case's statements. */
export function examplesSection(): string {
  const engines = EXAMPLE_ENGINES.map((engine) => {
    const cases = EXAMPLE_CASES.map((example) => {
      const statements = exampleStatements(engine, example).map(readableSql);
      return `${example.title}:\n\n\`\`\`sql\n${statements.join(';\n\n')}\n\`\`\``;
    });
    return `<details><summary>${engine.title}</summary>\n\n${cases.join('\n\n')}\n\n</details>`;
  });
  return engines.join('\n\n');
}
