/**
 * Acceptance (issue 11): the feature pipeline's SQL, run on native DuckDB and on a real
 * PostgreSQL server, and its TypeScript transform give the same feature matrix within 1e-6
 * (absolute, or relative above 1) on the bundled churn data — nulls included (the
 * `last_chat_sentiment` of a third of the customers), and categories the fit never saw (the
 * pipeline is fitted on customers outside LATAM and without the enterprise plan, then transforms
 * everyone). Every step kind is in the pipeline, and the expressions reach every operator and
 * function of the portable subset, with their edge cases (null logic, division by 0, domains,
 * exp's bounds, round's ties, text order).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  STEP_KINDS,
  type FittedPipelineJson,
  type PipelineSpec,
} from '../core/features/pipeline-spec';
import { pipelineToSql } from '../core/features/sql-compiler';
import { fitPipeline } from '../kernels/ml/features/fit';
import { transformFrame } from '../kernels/ml/features/transform';
import type { FeatureMatrix, MlFrame } from '../kernels/ml/ml-types';
import { takeRows } from '../kernels/ml/splits';
import { duckColumns, loadChurnTables } from './support/churn-tables';
import { startPostgresServer, type PostgresServer } from './support/postgres-server';

const EXPRESSIONS: Record<string, string> = {
  spend_case:
    "CASE WHEN plan IN ('premium', 'enterprise') THEN monthly_spend * 1.5 WHEN region = 'EU' THEN monthly_spend ELSE -monthly_spend / 2 END",
  unhappy:
    'last_chat_sentiment < 0 AND support_contacts_90d >= 2 OR tenure_months <= 1 AND monthly_spend > 100',
  unknown_or_new: 'last_chat_sentiment IS NULL OR NOT (tenure_months BETWEEN 6 AND 24)',
  either_null: "last_chat_sentiment IS NOT NULL OR region <> 'NA'",
  rounded:
    'round(monthly_spend / 3, 2) + round(last_chat_sentiment * 10) + round(monthly_spend, -1) + sign(last_chat_sentiment)',
  domains: 'power(monthly_spend, 0.5) + sqrt(last_chat_sentiment) + ln(last_chat_sentiment + 0.5)',
  negative_power: 'power(last_chat_sentiment, 2) + power(last_chat_sentiment - 0.5, -1)',
  exp_bounds: 'exp(last_chat_sentiment * 800)',
  extremes: 'greatest(last_chat_sentiment, 0.2) - least(tenure_months, 12, NULL)',
  fallbacks:
    'coalesce(last_chat_sentiment, tenure_months / 100, 0) + purchases_90d / nullif(support_contacts_90d, 0)',
  divide_by_zero: 'monthly_spend / (tenure_months - tenure_months) + 1',
  text_order: "CASE WHEN plan < 'premium' AND region >= 'EU' THEN 1 ELSE 0 END",
  not_north_america: "nullif(region, 'NA') = 'EU'",
  text_extremes: "CASE WHEN least(plan, region) = 'EU' OR greatest(plan, 'c') = plan THEN 1 END",
  from_outputs:
    'spend_z * tenure_bucket + floor(monthly_spend) - ceil(tenure_01 * 10) + abs(sentiment_z)',
  in_null: 'support_contacts_90d NOT IN (0, 1, NULL)',
};

const SPEC: PipelineSpec = {
  steps: [
    { kind: 'number', column: 'purchases_90d' },
    { kind: 'impute', column: 'last_chat_sentiment', strategy: 'mean', as: 'sentiment' },
    {
      kind: 'impute',
      column: 'last_chat_sentiment',
      strategy: 'median',
      indicator: false,
      as: 'sentiment_median',
    },
    {
      kind: 'impute',
      column: 'last_chat_sentiment',
      strategy: 'constant',
      value: -2,
      as: 'sentiment_constant',
    },
    { kind: 'standardize', column: 'sentiment', as: 'sentiment_z' },
    { kind: 'standardize', column: 'monthly_spend', as: 'spend_z' },
    { kind: 'minMax', column: 'tenure_months', as: 'tenure_01' },
    { kind: 'log', column: 'monthly_spend', as: 'log_spend' },
    { kind: 'log', column: 'last_chat_sentiment', offset: 0.5, as: 'log_sentiment' },
    { kind: 'clip', column: 'support_contacts_90d', max: 3, as: 'contacts_capped' },
    { kind: 'clip', column: 'purchases_90d', min: 1, as: 'purchases_at_least_1' },
    { kind: 'clip', column: 'last_chat_sentiment', min: -0.5, max: 0.5, as: 'sentiment_clipped' },
    { kind: 'bucketize', column: 'tenure_months', boundaries: [3, 12, 24], as: 'tenure_bucket' },
    {
      kind: 'bucketize',
      column: 'last_chat_sentiment',
      boundaries: [-0.5, 0, 0.5],
      as: 'sentiment_bucket',
    },
    // A constant column: std and range 0 divide by 1.
    { kind: 'clip', column: 'monthly_spend', max: 0, as: 'no_spend' },
    { kind: 'minMax', column: 'no_spend', as: 'no_spend_01' },
    { kind: 'standardize', column: 'no_spend' },
    { kind: 'oneHot', column: 'region' },
    { kind: 'oneHot', column: 'plan', maxCategories: 2 },
    { kind: 'oneHot', column: 'support_contacts_90d', maxCategories: 3 },
    { kind: 'vocabulary', column: 'plan', as: 'plan_id' },
    { kind: 'vocabulary', column: 'region', minCount: 20_000, as: 'region_id' },
    {
      kind: 'dateParts',
      column: 'signup_date',
      parts: ['year', 'month', 'day', 'dayOfWeek', 'dayOfYear', 'hour', 'epochDays'],
    },
    { kind: 'dateParts', column: 'last_seen_at', parts: ['hour', 'epochDays', 'dayOfWeek'] },
    {
      kind: 'ratio',
      numerator: 'monthly_spend',
      denominator: 'tenure_months',
      as: 'spend_per_month',
    },
    {
      kind: 'ratio',
      numerator: 'purchases_90d',
      denominator: 'last_chat_sentiment',
      as: 'purchases_per_sentiment',
    },
    ...Object.entries(EXPRESSIONS).map(([as, sql]) => ({ kind: 'expression' as const, sql, as })),
  ],
};

/** A result column by column, null as NaN, in the matrix's feature order. */
type Columns = Float64Array[];

function matrixColumns(matrix: FeatureMatrix): Columns {
  const width = matrix.features.length;
  return matrix.features.map((_, j) => {
    const column = new Float64Array(matrix.rows);
    for (let row = 0; row < matrix.rows; row++) column[row] = matrix.values[row * width + j];
    return column;
  });
}

const asNumber = (value: unknown): number => (value === null ? NaN : Number(value));

/** Where two results differ beyond the tolerance: the first few, and how many in all. */
function differences(features: readonly string[], expected: Columns, actual: Columns) {
  const found: string[] = [];
  let count = 0;
  features.forEach((feature, j) => {
    for (let row = 0; row < expected[j].length; row++) {
      const a = expected[j][row];
      const b = actual[j][row];
      const agree =
        Number.isNaN(a) || Number.isNaN(b)
          ? Number.isNaN(a) && Number.isNaN(b)
          : Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a));
      if (agree) continue;
      count++;
      if (found.length < 8) found.push(`${feature} row ${row}: TypeScript ${a}, SQL ${b}`);
    }
  });
  return { count, found };
}

describe('feature pipeline: SQL on DuckDB and PostgreSQL agrees with the TypeScript transform', () => {
  let server: PostgresServer;
  let client: pg.Client;
  let duck: DuckDBConnection;
  let frame: MlFrame;
  let json: FittedPipelineJson;
  let expected: Columns;
  let customerIds: string[];

  beforeAll(async () => {
    // The server starts while DuckDB reads the CSV; the rows go to it once it is up.
    const connected = startPostgresServer().then(async (started) => {
      server = started;
      client = new pg.Client({ connectionString: started.url });
      await client.connect();
      return client;
    });
    ({ duck, frame } = await loadChurnTables(connected));
    // Fit on a subset that lacks LATAM and the enterprise plan: transform then meets them unseen.
    const plan = frame.columns.get('plan');
    const region = frame.columns.get('region');
    const id = frame.columns.get('customer_id');
    if (plan?.kind !== 'string' || region?.kind !== 'string' || id?.kind !== 'string')
      throw new Error('customer_id, plan and region are text');
    customerIds = id.values as string[];
    const training = [];
    for (let row = 0; row < frame.numRows; row++)
      if (region.values[row] !== 'LATAM' && plan.values[row] !== 'enterprise') training.push(row);
    json = fitPipeline(SPEC, takeRows(frame, Uint32Array.from(training)));
    expected = matrixColumns(transformFrame(json, frame));
  });

  afterAll(async () => {
    await client?.end();
    await server?.stop();
    duck?.closeSync();
  });

  it('covers every step kind, nulls and unseen categories', () => {
    expect(new Set(json.steps.map((step) => step.kind))).toEqual(new Set(STEP_KINDS));
    expect(
      json.steps.find((step) => step.kind === 'oneHot' && step.column === 'region'),
    ).toMatchObject({
      categories: ['NA', 'EU', 'APAC'],
    });
    const other = expected[json.features.indexOf('region=__other__')];
    expect(other.filter((value) => value === 1).length).toBe(12_142); // every LATAM row
    const planId = expected[json.features.indexOf('plan_id')];
    expect(planId.filter((value) => value === 0).length).toBe(5_967); // every enterprise row
    const nulls = expected.reduce((sum, column) => sum + column.filter(Number.isNaN).length, 0);
    expect(nulls).toBeGreaterThan(100_000);
  });

  it('DuckDB', async () => {
    const sql = pipelineToSql(json, 'customers', { dialect: 'duckdb', keep: ['customer_id'] });
    const columns = await duckColumns(duck, `SELECT * FROM (${sql}) AS f ORDER BY customer_id`);
    const actual = columns.slice(1).map((column) => Float64Array.from(column, asNumber));
    const { count, found } = differences(json.features, expected, actual);
    expect(found, `${count} values differ`).toEqual([]);
  });

  it('PostgreSQL', async () => {
    const sql = pipelineToSql(json, 'customers', { dialect: 'postgres', keep: ['customer_id'] });
    // Each feature comes back as one text of its values (float8 text is exact: the shortest
    // that reads back to the same double), which reads far faster than 100k rows of 60 fields.
    // One aggregation pass (no parallel workers) reads the rows in one order for every
    // aggregate: the customer ids, aggregated alongside, place each value on its row.
    const text = (name: string): string =>
      `string_agg(COALESCE(CAST("${name.replaceAll('"', '""')}" AS TEXT), ''), ',')`;
    await client.query('SET max_parallel_workers_per_gather = 0');
    const result = await client.query<string[]>({
      text: `SELECT ${['customer_id', ...json.features].map(text).join(', ')} FROM (${sql}) AS f`,
      rowMode: 'array',
    });
    const [ids, ...features] = result.rows[0].map((values) => values.split(','));
    const rowOf = new Map(customerIds.map((id, row) => [id, row]));
    const actual = features.map((values) => {
      const column = new Float64Array(frame.numRows).fill(Infinity);
      values.forEach((value, i) => {
        column[rowOf.get(ids[i]) ?? -1] = value === '' ? NaN : Number(value);
      });
      return column;
    });
    expect(ids.length).toBe(frame.numRows);
    const { count, found } = differences(json.features, expected, actual);
    expect(found, `${count} values differ`).toEqual([]);
  });
});
