/**
 * The compiled SQL of a hand-written fitted pipeline (every step kind, nulls, unseen categories,
 * integer columns, dates and timestamps) run on native DuckDB and on a real PostgreSQL server
 * (test/support/postgres-server.ts), against values worked out by hand from pipeline-spec.ts; and
 * each function and operator of the portable expression at the edges where the engines differ
 * (division by zero, ln/sqrt/exp/power out of range, rounding ties, nulls in LEAST and IN). The
 * agreement with the TypeScript transform on the bundled data is test/feature-sql-agreement.test.ts.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseExpression } from '../core/features/expression';
import { expressionToSql } from '../core/features/expression-sql';
import { expressionType } from '../core/features/expression-types';
import type { FittedPipelineJson, SqlDialectName } from '../core/features/pipeline-spec';
import { pipelineToSql } from '../core/features/sql-compiler';
import { DIALECTS } from '../core/features/sql-dialect';
import { startPostgresServer, type PostgresServer } from './support/postgres-server';

type Row = Record<string, number | null>;
type Engine = { query(sql: string): Promise<Row[]>; close(): Promise<void> };

const TABLE = `CREATE TABLE input AS SELECT * FROM (VALUES
  (1, 12, 50.5, 'basic', 0, DATE '2024-03-01', TIMESTAMP '2024-03-01 13:45:00'),
  (2, 0, NULL, 'pro', 7, DATE '1969-12-31', TIMESTAMP '1969-12-31 23:59:59'),
  (3, NULL, -2, NULL, 3, NULL, NULL),
  (4, 7, 0, 'enterprise', 12, DATE '2000-02-29', TIMESTAMP '2000-02-29 06:00:00')
) AS t(id, tenure, spend, plan, contacts, signup, ts)`;

async function duckdb(): Promise<Engine> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  await connection.run(TABLE);
  return {
    async query(sql) {
      return (await connection.runAndReadAll(sql)).getRowObjects() as Row[];
    },
    async close() {
      connection.closeSync();
      instance.closeSync();
    },
  };
}

async function postgres(): Promise<Engine> {
  const server: PostgresServer = await startPostgresServer();
  const client = new pg.Client({ connectionString: server.url });
  await client.connect();
  await client.query(TABLE);
  // A collation that orders 'basic' before 'Z', as most production databases do (the test
  // server's own is C): the SQL must not depend on it, strings order by code point.
  await client.query('ALTER TABLE input ALTER COLUMN plan TYPE text COLLATE "en-US-x-icu"');
  const collated = await client.query(`SELECT bool_or(plan < 'Z') AS icu FROM input`);
  expect(collated.rows[0].icu).toBe(true);
  return {
    async query(sql) {
      return (await client.query(sql)).rows as Row[];
    },
    async close() {
      await client.end();
      await server.stop();
    },
  };
}

const DAY_MS = 86_400_000;
const days = (iso: string): number =>
  Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / DAY_MS;
/** round as expression-functions.ts defines it. */
const round = (x: number, d: number): number =>
  (Math.sign(x) * Math.floor(Math.abs(x) * 10 ** d + 0.5)) / 10 ** d;

const PIPELINE: FittedPipelineJson = {
  format: 'quarry.pipeline',
  version: 1,
  fittedRows: 4,
  inputs: [
    { name: 'tenure', type: 'number' },
    { name: 'spend', type: 'number' },
    { name: 'plan', type: 'string' },
    { name: 'contacts', type: 'number' },
    { name: 'signup', type: 'date' },
    { name: 'ts', type: 'date' },
  ],
  steps: [
    { kind: 'number', column: 'tenure', output: 'tenure_raw' },
    {
      kind: 'impute',
      column: 'spend',
      output: 'spend',
      strategy: 'mean',
      value: 48.5 / 3,
      indicator: 'spend_missing',
    },
    { kind: 'standardize', column: 'spend', output: 'spend', mean: 10, std: 20 },
    { kind: 'minMax', column: 'tenure', output: 'tenure_scaled', min: 0, max: 12 },
    { kind: 'minMax', column: 'contacts', output: 'contacts_flat', min: 5, max: 5 },
    { kind: 'standardize', column: 'tenure', output: 'tenure_centered', mean: 4, std: 0 },
    { kind: 'log', column: 'contacts', output: 'contacts_log', offset: 1 },
    { kind: 'log', column: 'tenure', output: 'tenure_log', offset: -3 },
    { kind: 'clip', column: 'contacts', output: 'contacts_clipped', min: 1, max: 10 },
    { kind: 'clip', column: 'spend', output: 'spend_capped', min: null, max: 0 },
    {
      kind: 'bucketize',
      column: 'contacts_clipped',
      output: 'contacts_bucket',
      boundaries: [2, 5, 5, 9],
    },
    { kind: 'bucketize', column: 'tenure_raw', output: 'tenure_bucket', boundaries: [] },
    {
      kind: 'oneHot',
      column: 'plan',
      categories: ['pro', 'basic'],
      outputs: ['plan=pro', 'plan=basic'],
      other: 'plan=__other__',
    },
    {
      kind: 'oneHot',
      column: 'contacts',
      categories: ['7', '0'],
      outputs: ['contacts=7', 'contacts=0'],
      other: 'contacts=__other__',
    },
    { kind: 'vocabulary', column: 'plan', output: 'plan_index', vocabulary: ['basic', 'pro'] },
    {
      kind: 'dateParts',
      column: 'signup',
      parts: ['year', 'month', 'day', 'dayOfWeek', 'dayOfYear', 'hour', 'epochDays'],
      outputs: [
        'signup_year',
        'signup_month',
        'signup_day',
        'signup_dow',
        'signup_doy',
        'signup_hour',
        'signup_days',
      ],
    },
    {
      kind: 'dateParts',
      column: 'ts',
      parts: ['hour', 'epochDays', 'dayOfWeek'],
      outputs: ['ts_hour', 'ts_days', 'ts_dow'],
    },
    {
      kind: 'ratio',
      numerator: 'tenure_raw',
      denominator: 'contacts',
      output: 'tenure_per_contact',
    },
    {
      kind: 'expression',
      sql: "CASE WHEN plan = 'pro' THEN ln(tenure) ELSE sqrt(contacts - 2) END",
      output: 'e_case',
    },
    { kind: 'expression', sql: 'tenure > 5 AND plan IS NOT NULL', output: 'e_condition' },
    {
      kind: 'expression',
      sql: 'tenure / (contacts - 7) + power(contacts, 0.5) * round(spend_missing + 1.5)',
      output: 'e_arithmetic',
    },
    {
      kind: 'expression',
      sql: 'coalesce(tenure, -1) * exp(contacts * 100) + greatest(tenure, contacts)',
      output: 'e_exp',
    },
    {
      kind: 'expression',
      sql: 'round(-2.5) + round(2.5) * 10 + round(spend, 1)',
      output: 'e_round',
    },
    { kind: 'expression', sql: "plan < 'Z'", output: 'e_order' },
    {
      kind: 'expression',
      sql: "contacts BETWEEN 3 AND 7 OR NOT (plan IN ('pro', 'basic'))",
      output: 'e_logic',
    },
  ],
  features: [],
} as unknown as FittedPipelineJson;

const spend = [(50.5 - 10) / 20, (48.5 / 3 - 10) / 20, (-2 - 10) / 20, (0 - 10) / 20];
/** Each feature's value per row (ids 1–4), worked out from the step definitions. */
const EXPECTED: Record<string, (number | null)[]> = {
  tenure_raw: [12, 0, null, 7],
  spend,
  spend_missing: [0, 1, 0, 0],
  tenure_scaled: [1, 0, null, 7 / 12],
  contacts_flat: [-5, 2, -2, 7],
  tenure_centered: [8, -4, null, 3],
  contacts_log: [0, Math.log(8), Math.log(4), Math.log(13)],
  tenure_log: [Math.log(9), null, null, Math.log(4)],
  contacts_clipped: [1, 7, 3, 10],
  spend_capped: [0, 0, spend[2], spend[3]],
  contacts_bucket: [0, 3, 1, 4],
  tenure_bucket: [0, 0, null, 0],
  'plan=pro': [0, 1, 0, 0],
  'plan=basic': [1, 0, 0, 0],
  'plan=__other__': [0, 0, 1, 1],
  'contacts=7': [0, 1, 0, 0],
  'contacts=0': [1, 0, 0, 0],
  'contacts=__other__': [0, 0, 1, 1],
  plan_index: [1, 2, 0, 0],
  signup_year: [2024, 1969, null, 2000],
  signup_month: [3, 12, null, 2],
  signup_day: [1, 31, null, 29],
  signup_dow: [5, 3, null, 2],
  signup_doy: [61, 365, null, 60],
  signup_hour: [0, 0, null, 0],
  signup_days: [days('2024-03-01'), -1, null, days('2000-02-29')],
  ts_hour: [13, 23, null, 6],
  ts_days: [days('2024-03-01'), -1, null, days('2000-02-29')],
  ts_dow: [5, 3, null, 2],
  tenure_per_contact: [null, 0, null, 7 / 12],
  e_case: [null, null, 1, Math.sqrt(10)],
  e_condition: [1, 0, 0, 1],
  e_arithmetic: [12 / -7 + 0 * 2, null, null, 7 / 5 + Math.sqrt(12) * 2],
  e_exp: [12 * 1 + 12, 0 * Math.exp(700) + 7, -1 * Math.exp(300) + 3, null],
  e_round: spend.map((s) => -3 + 30 + round(s, 1)),
  e_order: [0, 0, null, 0],
  e_logic: [0, 1, 1, 1],
};
(PIPELINE as { features: string[] }).features = Object.keys(EXPECTED);

function expectClose(actual: number | null, expected: number | null, what: string): void {
  if (expected === null) {
    expect(actual, what).toBeNull();
    return;
  }
  expect(actual, what).not.toBeNull();
  const tolerance = 1e-9 * Math.max(1, Math.abs(expected));
  expect(
    Math.abs((actual as number) - expected),
    `${what}: ${actual} vs ${expected}`,
  ).toBeLessThanOrEqual(tolerance);
}

/** Expressions at the engines' edges, over columns zero = 0, neg = −8, nothing = NULL. */
const EDGES: [string, number | null][] = [
  ['7 / 2', 3.5],
  ['1 / zero', null],
  ['ln(zero)', null],
  ['ln(neg)', null],
  ['sqrt(neg)', null],
  ['sqrt(4)', 2],
  ['exp(1000)', null],
  ['exp(-1000)', 0],
  ['exp(1)', Math.E],
  ['power(zero, -1)', null],
  ['power(neg, 1 / 3)', null],
  ['power(neg, 2)', 64],
  ['power(2, 0.5)', Math.SQRT2],
  ['round(2.5)', 3],
  ['round(-2.5)', -3],
  ['round(1.25, 1)', 1.3],
  ['round(1234.5, -2)', 1200],
  ['round(-1250, -2)', -1300],
  ['sign(neg)', -1],
  ['abs(neg)', 8],
  ['floor(-1.5)', -2],
  ['ceil(-1.5)', -1],
  ['least(nothing, 3, 1)', 1],
  ['greatest(nothing, nothing)', null],
  ['coalesce(nothing, 2)', 2],
  ['nullif(2, 2)', null],
  ['NULL = NULL', null],
  ["'a' < 'B'", 0],
  ["least('b', 'B') = 'B'", 1],
  ["'B' BETWEEN 'A' AND 'a'", 1],
  ['nothing IN (1, 2)', null],
  ['3 NOT IN (1, NULL)', null],
  ['1 IN (1, NULL)', 1],
  ['CASE WHEN nothing > 0 THEN 1 ELSE 2 END', 2],
  ['CASE WHEN zero = 0 THEN NULL END', null],
  ['3 BETWEEN 1 AND nothing', null],
  ['0 BETWEEN 1 AND nothing', 0],
  ['-(zero - 3)', 3],
  ['- -3', 3],
  ['zero IS NULL', 0],
  ['nothing IS NOT NULL', 0],
  ['NOT (zero > 1)', 1],
  ['TRUE AND nothing > 0', null],
  ['FALSE AND nothing > 0', 0],
];

/** Doubles of every magnitude with 17 significant digits, where decimal literals round twice. */
const LITERALS = Array.from({ length: 400 }, (_, i) => Math.sin(i + 1) * 10 ** ((i % 16) - 6));

describe.each<[SqlDialectName, () => Promise<Engine>]>([
  ['duckdb', duckdb],
  ['postgres', postgres],
])('compiled pipeline SQL on %s', (dialect, open) => {
  let engine: Engine;
  beforeAll(async () => {
    engine = await open();
  }, 60_000);
  afterAll(() => engine?.close());

  it('computes every step kind as pipeline-spec.ts defines it, nulls and unseen categories included', async () => {
    const sql = pipelineToSql(PIPELINE, 'input', { dialect, keep: ['id'] });
    const rows = await engine.query(`SELECT * FROM (${sql}) AS features ORDER BY id`);
    expect(rows.map((row) => Number(row.id))).toEqual([1, 2, 3, 4]);
    expect(Object.keys(rows[0])).toEqual(['id', ...PIPELINE.features]);
    for (const [feature, values] of Object.entries(EXPECTED))
      values.forEach((value, i) =>
        expectClose(rows[i][feature], value, `${feature} of row ${i + 1}`),
      );
  });

  it('reads every number literal back as exactly the same double', async () => {
    const d = DIALECTS[dialect];
    const [row] = await engine.query(
      `SELECT ${LITERALS.map((v, i) => `${d.number(v)} AS v${i}`).join(', ')}`,
    );
    expect(LITERALS.filter((v, i) => row[`v${i}`] !== v)).toEqual([]);
  });

  it('gives each function and operator its portable meaning at the edges', async () => {
    const d = DIALECTS[dialect];
    const columns: Record<string, string> = {
      zero: d.number(0),
      neg: d.number(-8),
      nothing: d.typedNull('number'),
    };
    const select = EDGES.map(([text], i) => {
      const expr = parseExpression(text);
      const sql = expressionToSql(expr, d, (name) => columns[name]);
      return `${expressionType(expr, () => 'number') === 'boolean' ? d.booleanToDouble(sql) : sql} AS e${i}`;
    });
    const [row] = await engine.query(`SELECT ${select.join(', ')}`);
    EDGES.forEach(([text, expected], i) => expectClose(row[`e${i}`], expected, text));
  });
});
