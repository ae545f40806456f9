/**
 * A PostgreSQL table or query as a `SampleSource` (sample-source.ts). The sample is taken by the
 * server, with the statements `sampling-sql.ts` composes from `postgresDialect`, so only the
 * sample's rows cross the wire. Rows hash by the table's primary key when it has one (cheaper
 * than the whole row, and the same rows whatever other columns change), else by every column.
 * A query is sampled as a subquery, by rowHash only: PostgreSQL's TABLESAMPLE needs a table.
 * The rows stream into the target DuckDB table as they arrive (postgres-session.ts, `stream`).
 */
import type { DuckDBAppender } from '@duckdb/node-api';
import type { JsonPrimitive } from '../../core/json';
import type { ManifestSource } from '../../core/sample/manifest';
import type { SampleRequest } from '../../core/sample/request';
import { duckdbDialect } from './duckdb-dialect';
import {
  exactCount,
  plannerEstimate,
  resolveTable,
  sourceColumns,
  type SourceColumns,
} from './postgres-catalog';
import {
  connectionSettings,
  ConnectionStringProblem,
  describeConnection,
  ENVIRONMENT_CONNECTION,
} from './postgres-connection';
import { postgresDialect } from './postgres-dialect';
import { PostgresSession, type FieldInfo, type TextRow } from './postgres-session';
import { duckdbTypeOf, wireValue } from './postgres-types';
import { cancelledError, SampleError } from './sample-error';
import type {
  MaterializeResult,
  SamplePlan,
  SampleSource,
  SampleTarget,
  SourceContext,
  SourceDescription,
  SourceOptions,
} from './sample-source';
import {
  filterConditions,
  planSampling,
  sampleIsShort,
  whereClause,
  type SamplingQueryInput,
  type StratumCount,
} from './sampling-sql';

/** Progress is reported every this many rows received. */
const PROGRESS_ROWS = 10_000;
/** Below this many pages (8 kB each) a source is counted exactly rather than estimated. */
const CHEAP_COUNT_PAGES = 1_000;
/** Below this planner cost a query is counted exactly rather than estimated. */
const CHEAP_COUNT_COST = 20_000;

/** The source as resolved against the server: what the composer needs, and the wire types. */
type Resolved = SourceColumns & {
  from: string;
  fromIsTable: boolean;
  key: string[] | null;
  /** A table's pages on disk; null for a query or a view, whose cost the planner estimates. */
  pages: number | null;
};

type PostgresRequestSource = Extract<SampleRequest['source'], { kind: 'postgres' }>;

export function createPostgresSource(request: SampleRequest, options: SourceOptions): SampleSource {
  const source = request.source;
  if (source.kind !== 'postgres')
    throw new Error(`createPostgresSource: a ${source.kind} source is not PostgreSQL`);
  let settings;
  try {
    settings = connectionSettings(source.connection, options.env);
  } catch (error) {
    if (error instanceof ConnectionStringProblem)
      throw new SampleError('bad-request', error.message);
    throw error;
  }
  const connection = describeConnection(settings);
  const session = new PostgresSession(settings, {
    connection,
    password: settings.password,
    port: settings.port,
  });
  return new PostgresSource(request, source, session, {
    kind: 'postgres',
    connection: source.connection === null ? ENVIRONMENT_CONNECTION : connection,
    table: source.table,
    query: source.query,
  });
}

class PostgresSource implements SampleSource {
  readonly engine = 'postgres';
  private resolved: Promise<Resolved> | null = null;
  /** The statement to rerun when the planned one came back short (sampling-sql.ts). */
  private complete: string | null = null;
  private sourceRows: number | null = null;

  constructor(
    private readonly request: SampleRequest,
    private readonly source: PostgresRequestSource,
    private readonly session: PostgresSession,
    readonly manifestSource: ManifestSource,
  ) {}

  private resolve(signal: AbortSignal): Promise<Resolved> {
    this.resolved ??= this.resolveNow(signal);
    return this.resolved;
  }

  private async resolveNow(signal: AbortSignal): Promise<Resolved> {
    const { table, query } = this.source;
    if (table !== null) {
      const found = await resolveTable(this.session, table, signal);
      const columns = await sourceColumns(this.session, found.reference, found.notNull, signal);
      return {
        ...columns,
        from: found.reference,
        fromIsTable: found.sampleable,
        key: found.key.length > 0 ? found.key : null,
        pages: found.sampleable ? found.pages : null,
      };
    }
    if (query === null)
      throw new SampleError('bad-request', 'a PostgreSQL source needs a table or a query');
    const text = query.trim().replace(/;\s*$/, '');
    // The newline ends a trailing `-- comment` before the parenthesis that closes the query.
    const from = `(${text}\n) AS ${postgresDialect.quoteIdentifier('source')}`;
    const columns = await sourceColumns(this.session, from, new Set(), signal);
    return { ...columns, from, fromIsTable: false, key: null, pages: null };
  }

  private input(resolved: Resolved): SamplingQueryInput {
    return {
      dialect: postgresDialect,
      from: resolved.from,
      fromIsTable: resolved.fromIsTable,
      sourceColumns: resolved.fields.map((f) => f.name),
      ...(resolved.key === null ? {} : { keyColumns: resolved.key }),
      request: this.request,
      sourceRows: this.sourceRows,
    };
  }

  async describe(context: SourceContext): Promise<SourceDescription> {
    const resolved = await this.resolve(context.signal);
    this.checkColumns(resolved);
    const conditions = filterConditions(this.input(resolved));
    const estimate = await plannerEstimate(this.session, resolved.from, conditions, context.signal);
    const cheap =
      resolved.pages === null
        ? estimate.cost < CHEAP_COUNT_COST
        : resolved.pages < CHEAP_COUNT_PAGES;
    const rows = cheap
      ? {
          count: await exactCount(this.session, resolved.from, conditions, context.signal),
          exact: true,
        }
      : { count: Math.round(estimate.rows), exact: false };
    this.sourceRows = rows.count;
    return { columns: resolved.columns, rows };
  }

  /** Indexes of the request's columns (all when it names none), in the request's order. */
  private projected(resolved: Resolved): number[] {
    const names = resolved.fields.map((f) => f.name);
    return (this.request.columns ?? names).map((name) => names.indexOf(name));
  }

  private checkColumns(resolved: Resolved): void {
    const names = resolved.fields.map((f) => f.name);
    const wanted = [
      ...(this.request.columns ?? []),
      ...(this.request.stratify === null ? [] : [this.request.stratify.column]),
      ...(this.request.timeWindow === null ? [] : [this.request.timeWindow.column]),
    ];
    const missing = wanted.find((name) => !names.includes(name));
    if (missing !== undefined)
      throw new SampleError(
        'bad-request',
        `the source has no column named ${missing}; its columns are ${names.join(', ')}`,
      );
  }

  async preview(limit: number, context: SourceContext): Promise<JsonPrimitive[][]> {
    const resolved = await this.resolve(context.signal);
    this.checkColumns(resolved);
    const indexes = this.projected(resolved);
    const list = indexes.map((i) => postgresDialect.quoteIdentifier(resolved.fields[i].name));
    const conditions = filterConditions(this.input(resolved));
    const { rows, fields } = await this.session.query(
      `SELECT ${list.join(', ')} FROM ${resolved.from}${whereClause(conditions)} ${postgresDialect.limit(limit)}`,
      context.signal,
      'read the first rows of the source',
    );
    return rows.map((row) => row.map((value, i) => previewValue(fields[i], value)));
  }

  async plan(description: SourceDescription, context: SourceContext): Promise<SamplePlan> {
    const resolved = await this.resolve(context.signal);
    this.sourceRows = description.rows?.count ?? null;
    const planned = await planSampling(this.input(resolved), async (statement) => {
      const { rows } = await this.session.query(statement, context.signal, 'count the strata');
      return rows.map((row): StratumCount => ({ value: row[0], rows: Number(row[1]) }));
    });
    this.complete = planned.complete;
    return { statements: planned.statements, strata: planned.strata };
  }

  async materialize(
    plan: SamplePlan,
    target: SampleTarget,
    context: SourceContext,
  ): Promise<MaterializeResult> {
    const resolved = await this.resolve(context.signal);
    const indexes = this.projected(resolved);
    const table = duckdbDialect.quoteIdentifier(target.table);
    const columns = indexes.map(
      (i) =>
        `${duckdbDialect.quoteIdentifier(resolved.columns[i].name)} ${resolved.columns[i].type}`,
    );
    await target.connection.run(`CREATE TABLE ${table} (${columns.join(', ')})`);
    try {
      const statement = plan.statements.at(-1);
      if (statement === undefined) throw new Error('materialize: the plan has no statement');
      const total = this.expectedRows(plan);
      const rows = await this.stream(statement, target, total, context);
      let rerun: string | null = null;
      if (this.complete !== null && sampleIsShort(this.input(resolved), plan, rows)) {
        await target.connection.run(`DELETE FROM ${table}`);
        await this.stream(this.complete, target, total, context);
        rerun = this.complete;
      }
      return { skippedRows: 0, bytesReceived: this.session.bytesReceived(), rerun };
    } catch (error) {
      await target.connection.run(`DROP TABLE IF EXISTS ${table}`);
      throw context.signal.aborted ? cancelledError() : error;
    }
  }

  /** Rows the sample should have, for progress: N, the strata's quotas, or p × the estimate. */
  private expectedRows(plan: SamplePlan): number | null {
    if (plan.strata !== null) return plan.strata.reduce((sum, s) => sum + s.rows, 0);
    const { size } = this.request;
    switch (size.kind) {
      case 'rows':
        return this.sourceRows === null ? size.rows : Math.min(size.rows, this.sourceRows);
      case 'fraction':
        return this.sourceRows === null ? null : Math.round(size.fraction * this.sourceRows);
    }
  }

  /** Runs `statement` and appends its rows to the target as they arrive; returns the count. */
  private async stream(
    statement: string,
    target: SampleTarget,
    total: number | null,
    context: SourceContext,
  ): Promise<number> {
    const appender = await target.connection.createAppender(target.table);
    const report = (done: number): void =>
      context.onProgress({ done, total, unit: 'rows', message: 'receiving rows from PostgreSQL' });
    let received = 0;
    try {
      await this.session.stream(statement, context.signal, 'take the sample', (row, fields) => {
        appendRow(appender, fields, row, ++received);
        if (received % PROGRESS_ROWS === 0) report(received);
      });
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    report(received);
    return received;
  }

  async engineVersion(context: SourceContext): Promise<string> {
    const { rows } = await this.session.query(
      "SELECT pg_catalog.current_setting('server_version')",
      context.signal,
      'say its version',
    );
    return String(rows[0]?.[0] ?? 'unknown');
  }

  close(): Promise<void> {
    return this.session.close();
  }
}

/** One row into the appender, which casts PostgreSQL's text to each column's DuckDB type. */
function appendRow(
  appender: DuckDBAppender,
  fields: readonly FieldInfo[],
  row: TextRow,
  rowNumber: number,
): void {
  for (let i = 0; i < row.length; i++) {
    const value = wireValue(fields[i].typeOid, row[i]);
    try {
      if (value === null) appender.appendNull();
      else if (typeof value === 'string') appender.appendVarchar(value);
      else appender.appendBlob(value);
    } catch (error) {
      const type = duckdbTypeOf(fields[i].typeOid, fields[i].typeModifier);
      const reason = error instanceof Error ? error.message : String(error);
      throw new SampleError(
        'source',
        `row ${rowNumber} of the sample: the value of column ${fields[i].name} does not fit ${type} (${reason}); select it cast to text in a query`,
      );
    }
  }
  appender.endRow();
}

/** Booleans and numbers that fit a double exactly as JSON values; the rest as PostgreSQL's text. */
function previewValue(field: FieldInfo, text: string | null): JsonPrimitive {
  if (text === null) return null;
  switch (field.typeOid) {
    case 16:
      return text === 't';
    case 21:
    case 23:
    case 700:
    case 701: {
      const value = Number(text);
      return Number.isFinite(value) ? value : text;
    }
    default:
      return text;
  }
}
