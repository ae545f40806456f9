/**
 * Runs SQL for the kernel: `%%sql` cells, the `sql` tagged template and `register`. Relative file
 * paths in a query are resolved against the notebook's folder by registering them with DuckDB
 * under the very name the query uses.
 */
import type * as arrow from 'apache-arrow';
import type { DataFrame } from 'danfojs';
import { dataFrameToArrow } from '../frames/danfo-arrow';
import { isDanfoFrame } from '../frames/danfo-table';
import type { KernelLibraries, KernelPlatform } from '../platform';
import { relativeFileReferences } from './file-references';
import { FileLoader } from './file-loader';
import type { SqlDatabase } from './sql-database';
import { withSqlErrors } from './sql-error';
import { SqlResult } from './sql-result';

export class SqlEngine {
  private readonly files: FileLoader;

  constructor(
    private readonly database: SqlDatabase,
    private readonly platform: KernelPlatform,
    private readonly libs: KernelLibraries,
  ) {
    this.files = new FileLoader(database, platform, libs.parquet);
  }

  get description(): string {
    return this.database.description;
  }

  /** Runs SQL text (one or more statements) and returns the last statement's result. */
  async run(userText: string): Promise<SqlResult> {
    const text = await this.prepare(userText);
    return new SqlResult(
      withSqlErrors(() => this.database.query(text)),
      this.libs,
    );
  }

  /** The `sql` tagged template: interpolated values become `$1`, `$2`, … parameters. */
  async template(strings: TemplateStringsArray, values: unknown[]): Promise<SqlResult> {
    // `return await`, not `return`: V8's async stack trace of a failing query reaches the cell's
    // line only through a chain of awaits.
    if (values.length === 0) return await this.run(strings.join(''));
    const text = await this.prepare(
      strings.reduce((sql, part, i) => (i === 0 ? part : `${sql}$${i}${part}`), ''),
    );
    const params = values.map(toParameter);
    return new SqlResult(
      withSqlErrors(() => this.database.queryWithParams(text, params)),
      this.libs,
    );
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
  private async prepare(text: string): Promise<string> {
    await this.registerReferencedFiles(text);
    return this.files.prepare(text);
  }

  private async registerReferencedFiles(text: string): Promise<void> {
    for (const reference of relativeFileReferences(text)) {
      for (const file of await this.platform.resolveDataFiles(reference)) {
        this.database.registerFile(file.name, file.location);
      }
    }
  }
}

function toParameter(value: unknown, index: number): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  // duckdb-wasm sends parameters as JSON, which has no bigint: a safe one goes as a number, a
  // larger one as its decimal text (which DuckDB casts where a number is expected).
  if (typeof value === 'bigint') {
    return Number.isSafeInteger(Number(value)) ? Number(value) : value.toString();
  }
  if (
    typeof value === 'number' ||
    typeof value === 'string' ||
    typeof value === 'boolean' ||
    value === null
  )
    return value;
  throw new TypeError(
    `sql: parameter $${index + 1} is ${Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : `a ${typeof value}`}; only numbers, strings, booleans, dates and null can be bound (register a frame to query many values)`,
  );
}
