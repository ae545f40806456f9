/**
 * The files source: CSV, TSV, Parquet, JSON and NDJSON files, globs and hive-partitioned folders
 * (http(s) URLs where this DuckDB can read them), sampled by native DuckDB. A pull describes,
 * counts and plans on the sampler's own DuckDB (`samplerDuckDB`) and materialises there, so the
 * sample's rows go straight from the files into the sampler's table; a preview opens a DuckDB of
 * its own, with the same restrictions (sampler-duckdb.ts).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { realpath } from 'node:fs/promises';
import path from 'node:path';
import type { JsonPrimitive } from '../../core/json';
import type { ManifestSource, SampleColumn } from '../../core/sample/manifest';
import type { SampleRequest } from '../../core/sample/request';
import { csvRejects } from './csv-rejects';
import { duckdbDialect } from './duckdb-dialect';
import { runTracked, sampleErrorOf } from './duckdb-run';
import { runCountingScannedRows } from './scanned-rows';
import { resolveFiles, type ResolvedFiles } from './file-pattern';
import { isDelimited, readerSql } from './file-reader-sql';
import { SampleError } from './sample-error';
import type {
  MaterializeResult,
  SamplePlan,
  SampleSource,
  SourceContext,
  SourceDescription,
  SourceOptions,
} from './sample-source';
import {
  canReadUrls,
  duckdbVersion,
  openSamplerDuckDB,
  type SamplerDuckDB,
} from './sampler-duckdb';
import {
  filterConditions,
  planSampling,
  sampleIsShort,
  type SamplingQueryInput,
  type StratumCount,
  whereClause,
} from './sampling-sql';

type Described = {
  files: ResolvedFiles;
  from: string;
  input: SamplingQueryInput;
  /** The filtered rows, once a scan in `plan` counted them. */
  counted?: { count: number; exact: boolean };
};

/**
 * An exact N by TABLESAMPLE (`bernoulli`, `system`) needs the row count first, to oversample
 * from it; every other method samples in one scan.
 */
function needsCountFirst(request: SampleRequest): boolean {
  const { method, size, stratify } = request;
  return (
    stratify === null && size.kind === 'rows' && (method === 'bernoulli' || method === 'system')
  );
}

/**
 * Whether the sampling statement's scan, through the filters, sees every source row: not so
 * where the statement filters by hash (a fraction by hash, a stratum's candidates).
 */
function scanCountsSource(request: SampleRequest): boolean {
  return (
    request.stratify === null && !(request.method === 'hash' && request.size.kind === 'fraction')
  );
}

/**
 * The rows of a Parquet source from its files' footers (no scan): exact without filters, an upper
 * bound with them (then marked an estimate). Null for other formats.
 */
async function footerRows(
  connection: DuckDBConnection,
  files: ResolvedFiles,
  unfiltered: boolean,
): Promise<{ count: number; exact: boolean } | null> {
  if (files.format !== 'parquet' || files.kind !== 'local') return null;
  const list = files.files.map((f) => `'${f.replace(/'/g, "''")}'`).join(', ');
  const result = await connection.runAndReadAll(
    `SELECT sum(num_rows) FROM parquet_file_metadata([${list}])`,
  );
  const count = Number(result.getRows()[0][0]);
  return Number.isFinite(count) ? { count, exact: unfiltered } : null;
}

export function createFilesSource(request: SampleRequest, options: SourceOptions): SampleSource {
  if (request.source.kind !== 'files') throw new Error('createFilesSource: not a files source');
  const source = request.source;
  let duckdb: Promise<SamplerDuckDB> | null = null;
  let described: Described | null = null;
  const completeOf = new WeakMap<SamplePlan, string | null>();

  const shown = (file: string) => {
    const relative = path.relative(options.baseDir, file);
    return relative.startsWith('..') || path.isAbsolute(relative)
      ? file
      : relative.split(path.sep).join('/');
  };

  const own = async (): Promise<DuckDBConnection> => {
    if (options.samplerDuckDB !== undefined) return options.samplerDuckDB;
    duckdb ??= allowedDirectories(options).then((allowed) =>
      openSamplerDuckDB({
        threads: request.threads,
        tempDirectory: null,
        allowedDirectories: allowed,
      }),
    );
    return (await duckdb).connection;
  };

  let resolution: Promise<{ files: ResolvedFiles; from: string }> | null = null;
  const resolved = () => (resolution ??= resolve());
  const resolve = async (): Promise<{ files: ResolvedFiles; from: string }> => {
    const connection = await own();
    const files = await resolveFiles(source.path, source.format, options, connection).catch(
      (error: unknown) => {
        throw sampleErrorOf(error, `reading ${source.path}`);
      },
    );
    if (files.kind === 'url') {
      if (!(await canReadUrls(connection)))
        throw new SampleError(
          'source',
          `${files.url}: this DuckDB build cannot read http(s) URLs (its httpfs extension is not bundled, and Quarry never downloads extensions); download the file and sample the local copy`,
        );
      if (options.allowedRoot !== null)
        throw new SampleError(
          'bad-request',
          `${files.url}: the app samples files in its workspace only; use quarry sample for URLs`,
        );
    }
    return { files, from: readerSql(files) };
  };

  const describe = async (): Promise<SourceDescription> => {
    const connection = await own();
    const { files, from } = await resolved();
    const what = `reading ${source.path}`;
    let columns: SampleColumn[];
    try {
      const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${from}`);
      columns = reader
        .getRows()
        .map(([name, type]) => ({ name: String(name), type: String(type), nullable: true }));
    } catch (error) {
      throw sampleErrorOf(error, what);
    }
    checkColumns(request, columns, source.path);
    const sourceColumns = columns.map((c) => c.name);
    const input: SamplingQueryInput = {
      dialect: duckdbDialect,
      from,
      fromIsTable: true,
      sourceColumns,
      request,
      sourceRows: null,
    };
    // No scan here: the one that samples also counts (scanned-rows.ts), and only a method that
    // needs the count beforehand (an exact N by TABLESAMPLE) counts first, in `plan`.
    const rows = await footerRows(connection, files, filterConditions(input).length === 0);
    described = { files, from, input: { ...input, sourceRows: rows?.count ?? null } };
    return { columns, rows };
  };

  /** Fails on malformed CSV rows the connection's scans met, or counts them (`onError`). */
  const checkRejects = async (connection: DuckDBConnection, files: ResolvedFiles) => {
    if (!isDelimited(files)) return 0;
    const rejects = await csvRejects(connection);
    if (rejects.first !== null && request.onError === 'fail') {
      const { file, line, problem } = rejects.first;
      throw new SampleError(
        'source',
        `${shown(file)} line ${line}: ${problem} (${rejects.rows} malformed row${rejects.rows === 1 ? '' : 's'} in all); fix the file, or skip malformed rows (--on-error skip; in the app, Malformed rows: Skip and count them)`,
      );
    }
    return rejects.rows;
  };

  /** Counts the filtered rows with a scan of their own, for methods that need N beforehand. */
  const countRows = async (context: SourceContext): Promise<number> => {
    const connection = await own();
    const { files, from, input } = requireDescribed();
    // Every column is hashed, so every value is parsed: a malformed row anywhere is found here.
    const hashed = duckdbDialect.rowHash(
      0,
      input.sourceColumns.map((c) => duckdbDialect.quoteIdentifier(c)),
    );
    const count = await runTracked(
      connection,
      `SELECT count(*), sum(${hashed}) FROM ${from}${whereClause(filterConditions(input))}`,
      context,
      `counting the rows of ${source.path}`,
    );
    await checkRejects(connection, files);
    return Number((await count.getRows())[0][0]);
  };

  const requireDescribed = (): Described => {
    if (described === null) throw new Error('the files source was not described first');
    return described;
  };

  return {
    engine: 'duckdb',
    get manifestSource(): ManifestSource {
      const files = described?.files;
      return {
        kind: 'files',
        path: source.path,
        format: files?.format ?? source.format,
        files: files === undefined ? 0 : files.kind === 'url' ? 1 : files.files.length,
      };
    },
    describe,

    async preview(limit, context) {
      const connection = await own();
      const { from } = await resolved();
      const columns = (request.columns ?? ['*']).map((c) =>
        c === '*' ? c : duckdbDialect.quoteIdentifier(c),
      );
      const conditions = filterConditions({ dialect: duckdbDialect, request });
      const result = await runTracked(
        connection,
        `SELECT ${columns.join(', ')} FROM ${from}${whereClause(conditions)} LIMIT ${limit}`,
        context,
        `reading the first rows of ${source.path}`,
      );
      return (await result.getRowsJS()).map((row) => row.map(primitive));
    },

    async plan(_description, context) {
      const current = requireDescribed();
      if (needsCountFirst(request)) {
        const count = await countRows(context);
        current.input = { ...current.input, sourceRows: count };
        current.counted = { count, exact: true };
      }
      const connection = await own();
      const plan = await planSampling(current.input, async (statement) => {
        const result = await runTracked(
          connection,
          statement,
          context,
          `counting the strata of ${source.path}`,
        );
        const strata = strataOf(await result.getRows());
        current.counted = { count: strata.reduce((sum, s) => sum + s.rows, 0), exact: true };
        return strata;
      });
      completeOf.set(plan, plan.complete);
      return { statements: plan.statements, strata: plan.strata };
    },

    async materialize(plan, target, context): Promise<MaterializeResult> {
      const { input, files, counted } = requireDescribed();
      const table = duckdbDialect.quoteIdentifier(target.table);
      const sample = plan.statements[plan.statements.length - 1];
      const create = (sql: string) =>
        runCountingScannedRows(
          target.connection,
          `CREATE TABLE ${table} AS ${sql}`,
          context,
          `sampling ${source.path}`,
          target.scratchDirectory,
        );
      const scanned = await create(sample);
      const complete = completeOf.get(plan) ?? null;
      let rerun: string | null = null;
      if (complete !== null && sampleIsShort(input, plan, await rowsOf(target.connection, table))) {
        await target.connection.run(`DROP TABLE ${table}`);
        await create(complete);
        rerun = complete;
      }
      const skippedRows = await checkRejects(target.connection, files);
      const sourceRows =
        counted ??
        (scanned !== null && scanCountsSource(request) ? { count: scanned, exact: true } : null);
      return { skippedRows, bytesReceived: null, rerun, sourceRows };
    },

    async engineVersion() {
      return duckdbVersion(await own());
    },

    async close() {
      const opened = duckdb;
      duckdb = null;
      if (opened !== null) (await opened).close();
    },
  };
}

/** The workspace (its real path) when there is one: all the source's own DuckDB may read. */
async function allowedDirectories(options: SourceOptions): Promise<string[] | null> {
  if (options.allowedRoot === null) return null;
  return [await realpath(path.resolve(options.allowedRoot))];
}

/** Every column the request names must be in the source: one line naming the first that is not. */
function checkColumns(request: SampleRequest, columns: SampleColumn[], shownPath: string): void {
  const names = new Set(columns.map((c) => c.name));
  const named: { column: string; role: string }[] = [
    ...(request.columns ?? []).map((column) => ({ column, role: 'in the column list' })),
    ...(request.stratify === null
      ? []
      : [{ column: request.stratify.column, role: 'to stratify by' }]),
    ...(request.timeWindow === null
      ? []
      : [{ column: request.timeWindow.column, role: 'of the time window' }]),
  ];
  const missing = named.find(({ column }) => !names.has(column));
  if (missing === undefined) return;
  const list = columns.map((c) => c.name);
  const shownList = list.length > 12 ? `${list.slice(0, 12).join(', ')}, …` : list.join(', ');
  throw new SampleError(
    'bad-request',
    `${shownPath} has no column ${JSON.stringify(missing.column)} (${missing.role}); its columns: ${shownList}`,
  );
}

async function rowsOf(connection: DuckDBConnection, table: string): Promise<number> {
  const count = await connection.runAndReadAll(`SELECT count(*) FROM ${table}`);
  return Number(count.getRows()[0][0]);
}

function strataOf(rows: unknown[][]): StratumCount[] {
  return rows.map(([value, count]) => ({
    value: value === null ? null : String(value),
    rows: Number(count),
  }));
}

/** A value as the preview's JSON shows it: big integers as text beyond 2^53, dates as ISO text. */
function primitive(value: unknown): JsonPrimitive {
  if (
    value === null ||
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean'
  )
    return value;
  if (typeof value === 'bigint')
    return Number.isSafeInteger(Number(value)) ? Number(value) : String(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value, (_, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
}
