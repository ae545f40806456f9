/**
 * The per-column profile of a sample (core/sample/manifest.ts, ColumnProfile), computed by SQL
 * on the sampler's own DuckDB table: nulls, an approximate distinct count (HyperLogLog), min and
 * max for numbers, dates and timestamps (ISO text), the 1/5/25/50/75/95/99th percentiles for
 * numbers (interpolated), and the ten most frequent values of strings and booleans.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { JsonPrimitive } from '../../core/json';
import type { ColumnProfile, SampleColumn } from '../../core/sample/manifest';
import { duckdbDialect } from './duckdb-dialect';

export const PROFILE_QUANTILES = [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99];
const TOP_VALUES = 10;

type Kind = 'number' | 'temporal' | 'text' | 'other';

export function kindOfType(type: string): Kind {
  if (/^(U?(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT)|FLOAT|DOUBLE|DECIMAL(\(.*\))?)$/.test(type))
    return 'number';
  if (/^(DATE|TIMESTAMP.*)$/.test(type)) return 'temporal';
  if (type === 'VARCHAR' || type === 'BOOLEAN') return 'text';
  return 'other';
}

export async function profileTable(
  connection: DuckDBConnection,
  table: string,
  columns: SampleColumn[],
): Promise<ColumnProfile[]> {
  const profiles: ColumnProfile[] = [];
  for (const column of columns) profiles.push(await profileColumn(connection, table, column));
  return profiles;
}

async function profileColumn(
  connection: DuckDBConnection,
  table: string,
  column: SampleColumn,
): Promise<ColumnProfile> {
  const c = duckdbDialect.quoteIdentifier(column.name);
  const from = duckdbDialect.quoteIdentifier(table);
  const kind = kindOfType(column.type);
  const extremes =
    kind === 'number'
      ? `CAST(min(${c}) AS DOUBLE), CAST(max(${c}) AS DOUBLE), quantile_cont(CAST(${c} AS DOUBLE), [${PROFILE_QUANTILES.join(', ')}])`
      : kind === 'temporal'
        ? `replace(CAST(min(${c}) AS VARCHAR), ' ', 'T'), replace(CAST(max(${c}) AS VARCHAR), ' ', 'T'), NULL`
        : 'NULL, NULL, NULL';
  const stats = await connection.runAndReadAll(
    `SELECT count(*) - count(${c}), approx_count_distinct(${c}), ${extremes} FROM ${from}`,
  );
  const [nulls, distinct, min, max, quantiles] = stats.getRowsJS()[0];
  let top: ColumnProfile['top'] = null;
  if (kind === 'text') {
    const frequent = await connection.runAndReadAll(
      `SELECT CAST(${c} AS VARCHAR) AS v, count(*) AS n FROM ${from} WHERE ${c} IS NOT NULL
       GROUP BY 1 ORDER BY n DESC, v LIMIT ${TOP_VALUES}`,
    );
    top = frequent
      .getRowsJS()
      .map(([value, count]) => ({ value: String(value), count: Number(count) }));
  }
  return {
    name: column.name,
    type: column.type,
    nulls: Number(nulls),
    distinct: Number(distinct),
    min: extreme(min),
    max: extreme(max),
    quantiles: quantilesOf(quantiles),
    top,
  };
}

function extreme(value: unknown): JsonPrimitive {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return typeof value === 'string' ? value : null;
}

function quantilesOf(values: unknown): ColumnProfile['quantiles'] {
  if (!Array.isArray(values) || values.length !== PROFILE_QUANTILES.length) return null;
  if (!values.every((v) => typeof v === 'number' && Number.isFinite(v))) return null;
  return PROFILE_QUANTILES.map((q, i) => ({ q, value: values[i] as number }));
}
