/**
 * Runs SQL for the kernel: `%%sql` cells, the `sql` tagged template, `register` and `sample`.
 * A cell's SQL runs statement by statement, each where its data is (statement-route.ts): over
 * the kernel's own tables in DuckDB-WASM, over files on the host's native DuckDB (only the
 * result comes back, as Arrow IPC), or over both, the host scanning the file side
 * (scanned-files.ts). The samples a statement names become views (sample-views.ts).
 */
import type * as arrow from 'apache-arrow';
import type { DataFrame } from 'danfojs';
import type { SeedUse } from '../../core/notebook/run-record';
import type { CellEngine } from '../../core/protocol';
import type { HostQueryResult, SqlSpan } from '../../core/query/host-query';
import { isSampleName } from '../../core/sample/request';
import { dataFrameToArrow } from '../frames/danfo-arrow';
import { isDanfoFrame } from '../frames/danfo-table';
import type { KernelLibraries, KernelPlatform } from '../platform';
import { findFileReferences, type FileReference } from './file-reference-spans';
import { HostRunner } from './host-runner';
import { locateSqlError } from './locate-sql-error';
import { RewrittenSql, type SqlEdit } from './rewritten-sql';
import { RunSeeds } from './run-seeds';
import { SampleViews } from './sample-views';
import { SCANNED_FILES_SCHEMA, ScannedFiles, scannedTableSql } from './scanned-files';
import type { SqlDatabase } from './sql-database';
import { SqlError, withSqlErrors } from './sql-error';
import { templateQuery, type BoundParameter } from './sql-parameters';
import { SqlResult } from './sql-result';
import { splitStatements } from './sql-statements';
import { routeStatement } from './statement-route';

/** What the status line calls the kernel's own engine. */
const KERNEL_ENGINE = 'DuckDB-WASM';

export class SqlEngine {
  private readonly host: HostRunner;
  private readonly files: ScannedFiles;
  private readonly samples: SampleViews;
  private readonly seeds: RunSeeds;
  /** Whether this cell run ran SQL of the user's in DuckDB-WASM. */
  private kernelRan = false;
  private results = 0;

  constructor(
    private readonly database: SqlDatabase,
    platform: KernelPlatform,
    private readonly libs: KernelLibraries,
  ) {
    this.host = new HostRunner(platform.hostQueries);
    this.files = new ScannedFiles(database, platform, this.host);
    // Manifests are read through a runner of their own: reading one is no query of the cell's.
    const manifests = new HostRunner(platform.hostQueries);
    this.seeds = new RunSeeds((file) => readHostText(manifests, file, libs));
    this.samples = new SampleViews(database, platform, this.files, (name, file) =>
      this.seeds.sample(name, file),
    );
  }

  get description(): string {
    return this.database.description;
  }

  /** Runs SQL text (one or more statements) and returns the last statement's result. */
  async run(userText: string): Promise<SqlResult> {
    const query = RewrittenSql.of(userText);
    const statements = splitStatements(query);
    // Nothing but comments: DuckDB says what it says of that.
    if (statements.length === 0) return this.inKernel(query, null);
    let result: SqlResult | null = null;
    for (const statement of statements) result = await this.statement(statement, null);
    return result ?? this.inKernel(query, null);
  }

  /**
   * The `sql` tagged template: interpolated values become typed parameters (sql-parameters.ts).
   * With values, the query is one statement (a prepared statement is).
   */
  async template(strings: TemplateStringsArray, values: unknown[]): Promise<SqlResult> {
    // `return await`, not `return`: V8's async stack trace of a failing query reaches the cell's
    // line only through a chain of awaits.
    if (values.length === 0) return await this.run(strings.join(''));
    const { query, params } = templateQuery(strings, values);
    return await this.statement(query, params);
  }

  /** Makes a danfo DataFrame, an Arrow table or a query result queryable as table `name`. */
  register(name: string, data: unknown): void {
    if (typeof name !== 'string' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
      throw new TypeError(
        `register: "${String(name)}" is not a valid table name (letters, digits and _, not starting with a digit)`,
      );
    }
    const table = this.toArrow(data);
    withSqlErrors(() => this.database.replaceTable(name, table));
  }

  /** The `sample` global: all rows of the pulled sample `name` (`samples/NAME.parquet`). */
  async sample(name: unknown): Promise<SqlResult> {
    if (!isSampleName(name)) {
      throw new TypeError(
        `sample: "${String(name)}" is not a valid sample name (letters, digits and _, not starting with a digit; at most 63 characters)`,
      );
    }
    const table = await this.samples.table(name);
    this.kernelRan = true;
    return new SqlResult(
      withSqlErrors(() => this.database.query(`select * from ${table}`)),
      this.libs,
    );
  }

  /**
   * A cell run starts: samples pulled since the last one become visible, and `signal` (its
   * interrupt) cancels the host queries it has in flight.
   */
  startRun(signal: AbortSignal | null): void {
    this.samples.forgetListing();
    this.seeds.startRun();
    this.kernelRan = false;
    this.host.watch(signal);
  }

  /** Which engines the SQL of the cell run since `startRun` ran on; null: none ran. */
  engineOfRun(): CellEngine | null {
    const host = this.host.engineUsed;
    if (host !== null && this.kernelRan)
      return { where: 'both', label: `${host} + ${KERNEL_ENGINE}` };
    if (host !== null) return { where: 'host', label: host };
    return this.kernelRan ? { where: 'kernel', label: KERNEL_ENGINE } : null;
  }

  /** The seeds the SQL of the cell run since `startRun` used (run-seeds.ts). */
  seedsOfRun(cellName: string): SeedUse[] {
    return this.seeds.seedsOfRun(cellName);
  }

  close(): void {
    this.database.close();
  }

  private toArrow(data: unknown): arrow.Table {
    if (data instanceof this.libs.arrow.Table) return data;
    if (data instanceof SqlResult) return data.toArrow();
    if (isDanfoFrame(data) && data.ndim === 2)
      return dataFrameToArrow(data as DataFrame, this.libs.arrow);
    throw new TypeError('register: expected a danfo DataFrame, an Arrow table or a sql result');
  }

  /** One statement, where statement-route.ts says. */
  private async statement(
    statement: RewrittenSql,
    params: BoundParameter[] | null,
  ): Promise<SqlResult> {
    this.seeds.statement(statement.text, params);
    const references = findFileReferences(statement.text);
    if (references.length === 0) return this.inKernel(statement, params);
    const route = routeStatement(statement.text, references, await this.kernelNames(statement));
    switch (route.where) {
      case 'kernel':
        return this.inKernel(statement, params);
      case 'host': {
        const request = { kind: 'query', sql: statement.text, params: params ?? [] } as const;
        return this.hostResult(await this.host.run(request, statement));
      }
      case 'copy':
        return this.copy(statement, route.source, params);
      case 'scan':
        return this.withScans(statement, references, route.pushdown && params === null, params);
      case 'unsupported':
        throw new SqlError('NotImplementedError', route.message);
    }
  }

  /** The statement in DuckDB-WASM, after the file references it had were scanned. */
  private async kernelSide(
    statement: RewrittenSql,
    params: BoundParameter[] | null,
  ): Promise<SqlResult> {
    const references = findFileReferences(statement.text);
    if (references.length === 0) return this.inKernel(statement, params);
    return this.withScans(statement, references, params === null, params);
  }

  /**
   * Each file reference scanned on the host into a table, and the statement pointed at them.
   * Without pushdown (a view's or macro's files, whose later queries need all columns; a
   * statement with parameters, which the host could not plan) a scan is kept for reuse.
   */
  private async withScans(
    statement: RewrittenSql,
    references: FileReference[],
    pushdown: boolean,
    params: BoundParameter[] | null,
  ): Promise<SqlResult> {
    const pushed: string[] = [];
    const edits: SqlEdit[] = [];
    try {
      for (const reference of references) {
        const target = { statement, reference };
        let table: string;
        if (pushdown) {
          table = await this.files.pushed(target);
          pushed.push(table);
        } else {
          table = reference.call
            ? statement.text.slice(reference.start, reference.end)
            : reference.patterns[0];
          await this.files.full(table, reference.patterns, target);
        }
        edits.push({
          start: reference.start,
          end: reference.end,
          replacement: scannedTableSql(table),
        });
      }
      return await this.inKernel(statement.withEdits(edits), params);
    } finally {
      for (const table of pushed) this.files.unload(table);
    }
  }

  /** `COPY <source> TO 'file'` whose source reads the kernel's tables: the host writes its rows. */
  private async copy(
    statement: RewrittenSql,
    source: SqlSpan,
    params: BoundParameter[] | null,
  ): Promise<SqlResult> {
    // `from t` and `from (select …)` both read what the source stands for.
    const sourceQuery = statement
      .slice(source.start, source.end)
      .withEdits([{ start: 0, end: 0, replacement: 'from ' }]);
    const rows = (await this.kernelSide(sourceQuery, params)).toArrow();
    const ipc = this.libs.arrow.tableToIPC(rows, 'stream');
    const request = { kind: 'copy', sql: statement.text, source, ipc } as const;
    return this.hostResult(await this.host.run(request, statement));
  }

  /**
   * A host result in the kernel's own types: passed through DuckDB-WASM, which gives BIGINT and
   * DECIMAL as JS numbers (sql-database.ts), exactly as a query run in the kernel would.
   */
  private hostResult(result: HostQueryResult): SqlResult {
    const name = `result ${++this.results}`;
    const target = { schema: SCANNED_FILES_SCHEMA, name, create: true };
    try {
      withSqlErrors(() => this.database.insertArrowIpc(target, result.ipc));
      const table = withSqlErrors(() =>
        this.database.query(`select * from ${scannedTableSql(name)}`),
      );
      return new SqlResult(table, this.libs);
    } finally {
      withSqlErrors(() => this.database.dropTable(SCANNED_FILES_SCHEMA, name));
    }
  }

  /** The names a statement may use of the kernel's own: its tables, views and the samples. */
  private async kernelNames(statement: RewrittenSql): Promise<Set<string>> {
    const catalog = withSqlErrors(() =>
      this.database.query(
        `select lower(table_name) as name from duckdb_tables() where schema_name <> '${SCANNED_FILES_SCHEMA}'
         union select lower(view_name) from duckdb_views() where not internal`,
      ),
    );
    const names = new Set(
      catalog.toArray().map((row) => String((row.toJSON() as { name: unknown }).name)),
    );
    for (const sample of await this.samples.named(statement)) names.add(sample);
    return names;
  }

  /** The statement in DuckDB-WASM, with the samples it names made views first. */
  private async inKernel(query: RewrittenSql, params: BoundParameter[] | null): Promise<SqlResult> {
    try {
      await this.samples.prepare(query);
    } catch (thrown) {
      throw thrown instanceof SqlError ? locateSqlError(thrown, query) : thrown;
    }
    this.kernelRan = true;
    try {
      const table =
        params === null
          ? this.database.query(query.text)
          : this.database.queryWithParams(query.text, params);
      return new SqlResult(table, this.libs);
    } catch (thrown) {
      throw locateSqlError(thrown, query);
    }
  }
}

/** A workspace file's text, read by the host's engine (where the workspace's files are). */
async function readHostText(
  runner: HostRunner,
  file: string,
  libs: KernelLibraries,
): Promise<string> {
  const sql = `select content from read_text('${file.replaceAll("'", "''")}')`;
  const result = await runner.run({ kind: 'query', sql, params: [] }, RewrittenSql.of(sql));
  const content: unknown = libs.arrow.tableFromIPC(result.ipc).getChild('content')?.get(0);
  if (typeof content !== 'string') throw new Error(`${file}: no text`);
  return content;
}
