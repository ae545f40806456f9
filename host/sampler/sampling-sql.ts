/**
 * The sampling statements, composed from a dialect's primitives (sampling-dialect.ts), the same
 * for every engine. Every engine-side choice ranks rows by `rowHash` (a seeded hash of all the
 * source's columns, so a projection never changes which rows are chosen), with all the columns
 * after it in ORDER BY to break ties: the sample is a set that depends on the content and the
 * seed only, never on scan order, file layout or thread count.
 *
 * - `hash`, N rows: `ORDER BY rowHash, cols LIMIT N` (a top-N: memory bounded by N).
 * - `hash`, fraction p: `WHERE rowHash < p`.
 * - `bernoulli` / `system`, fraction: the dialect's TABLESAMPLE where it has one, else
 *   `rowHash < p`. With N rows: TABLESAMPLE at an oversampled fraction of `sourceRows`, then
 *   trimmed to N by rowHash (if that comes back short, the caller reruns the `complete`
 *   statement, the plain hash top-N); without TABLESAMPLE or `sourceRows`, the hash top-N.
 * - `reservoir`: the dialect's reservoir over the filtered rows where it has one, else as
 *   `bernoulli` (PostgreSQL: a seeded Bernoulli pass trimmed to N by hash).
 * - Stratified (method `hash`): one statement counts the strata (`strataCountStatement`), the
 *   quotas come from `allocateStrata`, then a two-phase statement keeps the candidates whose
 *   rowHash is below their stratum's oversampled threshold (quota / size, plus a margin) and
 *   ranks only those, `row_number() OVER (PARTITION BY stratum ORDER BY rowHash, cols)`, keeping
 *   rank ≤ quota. The lowest-ranked rows of a stratum are always below its threshold when enough
 *   rows are, so the result is the same as ranking the whole stratum; when a stratum's
 *   candidates fall short of its quota (unlikely with the margin: about six standard deviations)
 *   the caller reruns the `complete` statement, which ranks every row (`shortStrata` tells).
 */
import type { SampleRequest } from '../../core/sample/request';
import type { SamplePlan } from './sample-source';
import type { SamplingDialect } from './sampling-dialect';
import { allocateStrata, type StratumCount, type StratumQuota } from './stratum-allocation';

export type { StratumCount, StratumQuota } from './stratum-allocation';

export type SamplingQueryInput = {
  dialect: SamplingDialect;
  /** What the rows come from, in the engine's SQL: a table reference or `(SELECT …) AS alias`. */
  from: string;
  /**
   * True when `from` is a table (or a table function) that the dialect's TABLESAMPLE may follow;
   * false for a subquery (PostgreSQL samples only tables: the composition then uses rowHash).
   */
  fromIsTable: boolean;
  /** Every column of the source, in order: all of them are hashed and break ties. */
  sourceColumns: string[];
  request: SampleRequest;
  /** The row count after the filters (or an estimate), for oversampled fractions; null if unknown. */
  sourceRows: number | null;
};

/** `candidates`: the fast statement; `complete`: the one to rerun when it came back short. */
export type SamplePass = 'candidates' | 'complete';

/** The statements a sample needs: what `plan` records, and the fallback `materialize` may run. */
export type SamplingStatements = {
  /** Every statement the engine receives, in order (the strata count first when stratified). */
  statements: string[];
  /** The statement that yields the sample (the last of `statements`). */
  sample: string;
  /** Its `complete` form, when it differs: to run when the sample came back short. */
  complete: string | null;
  /** The strata and their quotas, when stratified. */
  strata: StratumQuota[] | null;
};

const HASH = '__quarry_hash';
const STRATUM = '__quarry_stratum';
const RANK = '__quarry_rank';

/** Rows the engine sampling at an oversampled fraction should return for N: N + 6√N + 10. */
export function oversampledRows(rows: number): number {
  return rows + 6 * Math.sqrt(rows) + 10;
}

/** `SELECT value, rows … GROUP BY` the stratum (as text), with the request's filters. */
export function strataCountStatement(input: SamplingQueryInput): string {
  const { dialect, request } = input;
  if (request.stratify === null)
    throw new Error('strataCountStatement: the request is not stratified');
  const stratum = stratumExpression(input, request.stratify.column);
  return (
    `SELECT ${stratum} AS ${dialect.quoteIdentifier('value')}, count(*) AS ${dialect.quoteIdentifier('rows')}` +
    ` FROM ${input.from}${whereClause(filterConditions(input))} GROUP BY 1 ORDER BY 1`
  );
}

/**
 * The statement that yields the sample. `quotas` (from `allocateStrata`) is required when the
 * request is stratified and ignored otherwise.
 */
export function sampleStatement(
  input: SamplingQueryInput,
  quotas: StratumQuota[] | null = null,
  pass: SamplePass = 'candidates',
): string {
  const { request } = input;
  if (request.stratify !== null) {
    if (quotas === null) throw new Error('sampleStatement: a stratified request needs its quotas');
    return stratifiedStatement(input, request.stratify.column, quotas, pass);
  }
  return pass === 'complete' ? hashStatement(input) : methodStatement(input);
}

/** All the statements for a request, given the strata counts when it is stratified. */
export function samplingStatements(
  input: SamplingQueryInput,
  strataCounts: StratumCount[] | null,
): SamplingStatements {
  const { request } = input;
  let strata: StratumQuota[] | null = null;
  const statements: string[] = [];
  if (request.stratify !== null) {
    if (strataCounts === null) throw new Error('samplingStatements: the strata counts are missing');
    strata = allocateStrata(strataCounts, request.size, request.stratify);
    statements.push(strataCountStatement(input));
  }
  const sample = sampleStatement(input, strata, 'candidates');
  const complete = sampleStatement(input, strata, 'complete');
  statements.push(sample);
  return { statements, sample, complete: complete === sample ? null : complete, strata };
}

/** The plan a source's `plan` returns: counts the strata through `countStrata` when stratified. */
export async function planSampling(
  input: SamplingQueryInput,
  countStrata: (statement: string) => Promise<StratumCount[]>,
): Promise<SamplePlan & { complete: string | null }> {
  const counts =
    input.request.stratify === null ? null : await countStrata(strataCountStatement(input));
  const { statements, complete, strata } = samplingStatements(input, counts);
  return { statements, strata, complete };
}

/**
 * Whether the sample came back short of what was planned: fewer rows than the strata's quotas
 * add up to (no stratum ever exceeds its quota, so any short stratum shows in the total), or
 * fewer than the N rows asked for while the source has more. Then the `complete` statement runs.
 */
export function sampleIsShort(
  input: SamplingQueryInput,
  plan: SamplePlan,
  actualRows: number,
): boolean {
  if (plan.strata !== null) return actualRows < plan.strata.reduce((sum, s) => sum + s.rows, 0);
  const { size } = input.request;
  if (size.kind !== 'rows' || actualRows >= size.rows) return false;
  return input.sourceRows === null || actualRows < input.sourceRows;
}

function methodStatement(input: SamplingQueryInput): string {
  const { request, dialect, fromIsTable } = input;
  const { size, seed } = request;
  switch (request.method) {
    case 'hash':
      return hashStatement(input);
    case 'reservoir': {
      const clause = dialect.tableSample('reservoir', size, seed);
      if (clause !== null) {
        const filtered = `(SELECT * FROM ${input.from}${whereClause(filterConditions(input))})`;
        return `SELECT ${projection(input)} FROM ${filtered} AS ${dialect.quoteIdentifier('filtered')} ${clause}`;
      }
      return tableSampleStatement(input, 'bernoulli', fromIsTable);
    }
    case 'bernoulli':
    case 'system':
      return tableSampleStatement(input, request.method, fromIsTable);
  }
}

function tableSampleStatement(
  input: SamplingQueryInput,
  method: 'bernoulli' | 'system',
  fromIsTable: boolean,
): string {
  const { request, dialect, sourceRows } = input;
  const { size, seed } = request;
  if (!fromIsTable) return hashStatement(input);
  if (size.kind === 'fraction') {
    const clause = dialect.tableSample(method, size, seed);
    if (clause === null) return hashStatement(input);
    return `SELECT ${projection(input)} FROM ${input.from} ${clause}${whereClause(filterConditions(input))}`;
  }
  if (sourceRows === null || sourceRows === 0) return hashStatement(input);
  const fraction = oversampledRows(size.rows) / sourceRows;
  if (fraction >= 1) return hashStatement(input);
  const clause = dialect.tableSample(method, { kind: 'fraction', fraction }, seed);
  if (clause === null) return hashStatement(input);
  return (
    `SELECT ${projection(input)} FROM ${input.from} ${clause}${whereClause(filterConditions(input))}` +
    ` ORDER BY ${rankOrder(input)} ${dialect.limit(size.rows)}`
  );
}

/** The plain rowHash forms: top-N for rows, below p for a fraction. */
function hashStatement(input: SamplingQueryInput): string {
  const { size } = input.request;
  const conditions = filterConditions(input);
  const select = `SELECT ${projection(input)} FROM ${input.from}`;
  switch (size.kind) {
    case 'rows':
      return `${select}${whereClause(conditions)} ORDER BY ${rankOrder(input)} ${input.dialect.limit(size.rows)}`;
    case 'fraction':
      return `${select}${whereClause([...conditions, `${rowHash(input)} < ${numberLiteral(size.fraction)}`])}`;
  }
}

function stratifiedStatement(
  input: SamplingQueryInput,
  column: string,
  quotas: StratumQuota[],
  pass: SamplePass,
): string {
  const { dialect } = input;
  const hash = dialect.quoteIdentifier(HASH);
  const stratum = dialect.quoteIdentifier(STRATUM);
  const rank = dialect.quoteIdentifier(RANK);
  const hashed =
    `(SELECT *, ${stratumExpression(input, column)} AS ${stratum}, ${rowHash(input)} AS ${hash}` +
    ` FROM ${input.from}${whereClause(filterConditions(input))}) AS ${dialect.quoteIdentifier('hashed')}`;
  const thresholds = quotas.map((q) => ({ value: q.value, result: threshold(q) }));
  const candidates =
    pass === 'complete' || thresholds.every((t) => t.result === '1')
      ? ''
      : ` WHERE ${hash} < ${perStratum(dialect, stratum, thresholds, '0')}`;
  const order = [hash, ...input.sourceColumns.map((c) => dialect.quoteIdentifier(c))].join(', ');
  const ranked =
    `(SELECT *, row_number() OVER (PARTITION BY ${stratum} ORDER BY ${order}) AS ${rank}` +
    ` FROM ${hashed}${candidates}) AS ${dialect.quoteIdentifier('ranked')}`;
  const quota = perStratum(
    dialect,
    stratum,
    quotas.map((q) => ({ value: q.value, result: String(q.rows) })),
    '0',
  );
  return `SELECT ${projection(input)} FROM ${ranked} WHERE ${rank} <= ${quota}`;
}

/** The rowHash threshold that keeps about an oversampled quota of a stratum's rows. */
function threshold(quota: StratumQuota): string {
  if (quota.rows >= quota.sourceRows) return '1';
  const fraction = oversampledRows(quota.rows) / quota.sourceRows;
  return fraction >= 1 ? '1' : numberLiteral(fraction);
}

/** `CASE WHEN stratum IS NULL THEN … WHEN stratum = 'a' THEN … ELSE otherwise END`. */
function perStratum(
  dialect: SamplingDialect,
  stratum: string,
  values: { value: string | null; result: string }[],
  otherwise: string,
): string {
  const arms = values.map(({ value, result }) =>
    value === null
      ? `WHEN ${stratum} IS NULL THEN ${result}`
      : `WHEN ${stratum} = ${dialect.quoteString(value)} THEN ${result}`,
  );
  return `CASE ${arms.join(' ')} ELSE ${otherwise} END`;
}

function stratumExpression(input: SamplingQueryInput, column: string): string {
  return `CAST(${input.dialect.quoteIdentifier(column)} AS VARCHAR)`;
}

function rowHash(input: SamplingQueryInput): string {
  const { dialect, request, sourceColumns } = input;
  return dialect.rowHash(
    request.seed,
    sourceColumns.map((c) => dialect.quoteIdentifier(c)),
  );
}

/** rowHash, then every column: a total order on distinct rows, whatever the scan order. */
function rankOrder(input: SamplingQueryInput): string {
  const { dialect, sourceColumns } = input;
  return [rowHash(input), ...sourceColumns.map((c) => dialect.quoteIdentifier(c))].join(', ');
}

function projection(input: SamplingQueryInput): string {
  const { dialect, request, sourceColumns } = input;
  return (request.columns ?? sourceColumns).map((c) => dialect.quoteIdentifier(c)).join(', ');
}

/** The request's `where` and time window, as conditions joined by AND. */
export function filterConditions(input: Pick<SamplingQueryInput, 'dialect' | 'request'>): string[] {
  const { dialect, request } = input;
  const conditions: string[] = [];
  if (request.where !== null) conditions.push(`(${request.where})`);
  const window = request.timeWindow;
  if (window !== null) {
    const column = dialect.quoteIdentifier(window.column);
    if (window.from !== null) conditions.push(`${column} >= ${dialect.quoteString(window.from)}`);
    if (window.to !== null) conditions.push(`${column} < ${dialect.quoteString(window.to)}`);
  }
  return conditions;
}

/** ` WHERE a AND b`, or nothing without conditions. */
export function whereClause(conditions: string[]): string {
  return conditions.length === 0 ? '' : ` WHERE ${conditions.join(' AND ')}`;
}

/** A number as a plain decimal literal (never `1e-7`, which not every engine parses alike). */
export function numberLiteral(value: number): string {
  if (Number.isInteger(value)) return String(value);
  return value.toFixed(17).replace(/0+$/, '');
}
