/**
 * The per-column profile of a sample (core/sample/manifest.ts, ColumnProfile), computed by SQL
 * on the sampler's own DuckDB table: nulls, the exact distinct count (a sample is small: an
 * estimate such as HyperLogLog showed more distinct ids than the sample had rows), min and
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

/** Two statements whatever the number of columns: the statistics, then the frequent values. */
export async function profileTable(
  connection: DuckDBConnection,
  table: string,
  columns: SampleColumn[],
): Promise<ColumnProfile[]> {
  if (columns.length === 0) return [];
  const from = duckdbDialect.quoteIdentifier(table);
  const stats = await connection.runAndReadAll(
    `SELECT ${columns.map((column) => statistics(column).join(', ')).join(', ')} FROM ${from}`,
  );
  const values = stats.getRowsJS()[0];
  const top = await frequentValues(connection, from, columns);
  return columns.map((column, index) => {
    const [nulls, distinct, min, max, quantiles] = values.slice(index * 5, index * 5 + 5);
    return {
      name: column.name,
      type: column.type,
      nulls: Number(nulls),
      distinct: Number(distinct),
      min: extreme(min),
      max: extreme(max),
      quantiles: quantilesOf(quantiles),
      top: kindOfType(column.type) === 'text' ? (top.get(index) ?? []) : null,
    };
  });
}

/** Five expressions per column: nulls, distinct, min, max, quantiles (NULL where not kept). */
function statistics(column: SampleColumn): string[] {
  const c = duckdbDialect.quoteIdentifier(column.name);
  const counts = [`count(*) - count(${c})`, `count(DISTINCT ${c})`];
  switch (kindOfType(column.type)) {
    case 'number':
      return [
        ...counts,
        `CAST(min(${c}) AS DOUBLE)`,
        `CAST(max(${c}) AS DOUBLE)`,
        `quantile_cont(CAST(${c} AS DOUBLE), [${PROFILE_QUANTILES.join(', ')}])`,
      ];
    case 'temporal':
      return [
        ...counts,
        `replace(CAST(min(${c}) AS VARCHAR), ' ', 'T')`,
        `replace(CAST(max(${c}) AS VARCHAR), ' ', 'T')`,
        'NULL',
      ];
    case 'text':
    case 'other':
      return [...counts, 'NULL', 'NULL', 'NULL'];
  }
}

/** The ten most frequent values of each text column, by the column's index. */
async function frequentValues(
  connection: DuckDBConnection,
  from: string,
  columns: SampleColumn[],
): Promise<Map<number, { value: string; count: number }[]>> {
  const branches = columns.flatMap((column, index) => {
    if (kindOfType(column.type) !== 'text') return [];
    const c = duckdbDialect.quoteIdentifier(column.name);
    return [
      `(SELECT ${index} AS i, CAST(${c} AS VARCHAR) AS v, count(*) AS n FROM ${from}
        WHERE ${c} IS NOT NULL GROUP BY 2 ORDER BY n DESC, v LIMIT ${TOP_VALUES})`,
    ];
  });
  const top = new Map<number, { value: string; count: number }[]>();
  if (branches.length === 0) return top;
  const result = await connection.runAndReadAll(
    `SELECT i, v, n FROM (${branches.join(' UNION ALL ')}) ORDER BY i, n DESC, v`,
  );
  for (const [index, value, count] of result.getRowsJS()) {
    const list = top.get(Number(index)) ?? [];
    list.push({ value: String(value), count: Number(count) });
    top.set(Number(index), list);
  }
  return top;
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
