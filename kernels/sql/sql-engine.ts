/**
 * Runs SQL for the kernel: `%%sql` cells, the `sql` tagged template, `register` and `sample`.
 * Relative file paths in a query are resolved against the notebook's folder by registering them
 * with DuckDB under the very name the query uses; the samples a query names become views
 * (sample-views.ts).
 */
import type * as arrow from 'apache-arrow';
import type { DataFrame } from 'danfojs';
import { dataFrameToArrow } from '../frames/danfo-arrow';
import { isDanfoFrame } from '../frames/danfo-table';
import type { KernelLibraries, KernelPlatform } from '../platform';
import { relativeFileReferences } from './file-references';
import { FileLoader } from './file-loader';
import { locateSqlError } from './locate-sql-error';
import { RewrittenSql } from './rewritten-sql';
import type { SqlDatabase } from './sql-database';
import { SqlError, withSqlErrors } from './sql-error';
import { isSampleName } from '../../core/sample/request';
import { SampleViews } from './sample-views';
import { templateQuery } from './sql-parameters';
import { SqlResult } from './sql-result';

export class SqlEngine {
  private readonly files: FileLoader;
  private readonly samples: SampleViews;

  constructor(
    private readonly database: SqlDatabase,
    private readonly platform: KernelPlatform,
    private readonly libs: KernelLibraries,
  ) {
    this.files = new FileLoader(database, platform, libs.parquet);
    this.samples = new SampleViews(database, platform, this.files);
  }

  get description(): string {
    return this.database.description;
  }

  /** Runs SQL text (one or more statements) and returns the last statement's result. */
  async run(userText: string): Promise<SqlResult> {
    const query = await this.prepare(RewrittenSql.of(userText));
    return this.execute(query, () => this.database.query(query.text));
  }

  /** The `sql` tagged template: interpolated values become typed parameters (sql-parameters.ts). */
  async template(strings: TemplateStringsArray, values: unknown[]): Promise<SqlResult> {
    // `return await`, not `return`: V8's async stack trace of a failing query reaches the cell's
    // line only through a chain of awaits.
    if (values.length === 0) return await this.run(strings.join(''));
    const { query: written, params } = templateQuery(strings, values);
    const query = await this.prepare(written);
    return this.execute(query, () => this.database.queryWithParams(query.text, params));
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
        `sample: "${String(name)}" is not a valid sample name (letters, digits and _, not starting with a digit; at most 63)`,
      );
    }
    const table = await this.samples.table(name);
    return new SqlResult(
      withSqlErrors(() => this.database.query(`select * from ${table}`)),
      this.libs,
    );
  }

  /** A cell run starts: samples pulled since the last one become visible. */
  startRun(): void {
    this.samples.forgetListing();
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

  /** Makes the files a query names readable, and returns the query to run. */
  private async prepare(query: RewrittenSql): Promise<RewrittenSql> {
    try {
      await this.registerReferencedFiles(query.text);
      await this.samples.prepare(query);
      return query.withEdits(await this.files.prepare(query.text));
    } catch (thrown) {
      throw thrown instanceof SqlError ? locateSqlError(thrown, query) : thrown;
    }
  }

  private execute(query: RewrittenSql, run: () => arrow.Table): SqlResult {
    try {
      return new SqlResult(run(), this.libs);
    } catch (thrown) {
      throw locateSqlError(thrown, query);
    }
  }

  private async registerReferencedFiles(text: string): Promise<void> {
    for (const reference of relativeFileReferences(text)) {
      for (const file of await this.platform.resolveDataFiles(reference)) {
        this.database.registerFile(file.name, file.location);
      }
    }
  }
}
