/**
 * The kernel's view of DuckDB-WASM: the blocking bindings (the kernel already runs off the UI
 * thread, in a worker or in Node, so a second worker hop would only add latency).
 */
import type * as arrow from 'apache-arrow';
import type { DuckDBBindings, DuckDBConnection } from '@duckdb/duckdb-wasm/blocking';

export interface SqlDatabase {
  /** Runs one or more statements; the result is the last statement's. */
  query(text: string): arrow.Table;
  /** Runs one statement with `$1`, `$2`, … bound to `params`. */
  queryWithParams(text: string, params: unknown[]): arrow.Table;
  /** Creates (or replaces) table `name` from an Arrow table. */
  replaceTable(name: string, table: arrow.Table): void;
  /** Creates table `schema.name` from an Arrow IPC stream, or appends to it (`create: false`). */
  insertArrowIpc(target: TableTarget, ipc: Uint8Array): void;
  dropTable(schema: string, name: string): void;
  /** e.g. "duckdb-wasm 1.32.0 (DuckDB v1.4.3)". */
  readonly description: string;
  close(): void;
}

/**
 * Opens the in-memory database the kernel uses, the same on every platform: BIGINT and DECIMAL
 * arrive as JS numbers, and extensions are never fetched. This DuckDB-WASM build has no Parquet
 * or JSON built in and would download them on first use, which offline machines cannot do (in
 * Node a failed fetch even blocks the thread forever): fail at once with DuckDB's own message
 * instead; queries over files run on the host's native DuckDB (statement-route.ts). Nor does
 * it read or write files at all (`enable_external_access = false`): a path the kernel did not
 * recognise as one, built in an expression, must not reach the disk past the host's checks.
 */
export function openKernelDatabase(bindings: DuckDBBindings): void {
  bindings.open({
    path: ':memory:',
    query: { castBigIntToDouble: true, castDecimalToDouble: true },
  });
  const setup = bindings.connect();
  setup.query(
    'set autoinstall_known_extensions = false; set autoload_known_extensions = false; set enable_external_access = false',
  );
  setup.close();
}

export type TableTarget = { schema: string; name: string; create: boolean };

export class DuckDbWasmDatabase implements SqlDatabase {
  private readonly connection: DuckDBConnection;
  readonly description: string;

  /**
   * @param release called once the database has closed and its bindings are reset: another
   *   kernel may open a database in them (duckdb-instances.ts).
   */
  constructor(
    private readonly bindings: DuckDBBindings,
    packageVersion: string,
    private readonly release: () => void = () => undefined,
  ) {
    this.connection = bindings.connect();
    // Errors as JSON carry DuckDB's position in the query, which the kernel maps back to the
    // user's SQL (sql-error.ts); the text form only has an excerpt of the rewritten query.
    this.connection.query('set errors_as_json = true');
    const version = this.connection.query('select version() as v').get(0)?.toJSON().v;
    this.description = `duckdb-wasm ${packageVersion} (DuckDB ${String(version)})`;
  }

  query(text: string): arrow.Table {
    return this.connection.query(text);
  }

  queryWithParams(text: string, params: unknown[]): arrow.Table {
    const statement = this.connection.prepare(text);
    try {
      return statement.query(...params);
    } finally {
      statement.close();
    }
  }

  replaceTable(name: string, table: arrow.Table): void {
    // DROP VIEW fails on a table and DROP TABLE on a view, so ask which one the name is.
    const existing = this.queryWithParams(
      "select table_type from information_schema.tables where table_schema = 'main' and table_name = $1",
      [name],
    )
      .get(0)
      ?.toJSON().table_type;
    if (existing === 'VIEW') this.connection.query(`drop view ${quoteIdentifier(name)}`);
    else if (existing !== undefined) this.connection.query(`drop table ${quoteIdentifier(name)}`);
    this.connection.insertArrowTable(table, { name, create: true });
  }

  insertArrowIpc(target: TableTarget, ipc: Uint8Array): void {
    this.ensureSchema(target.schema);
    this.connection.insertArrowFromIPCStream(ipc, target);
  }

  dropTable(schema: string, name: string): void {
    this.connection.query(
      `drop table if exists ${quoteIdentifier(schema)}.${quoteIdentifier(name)}`,
    );
  }

  private ensureSchema(schema: string): void {
    this.connection.query(`create schema if not exists ${quoteIdentifier(schema)}`);
  }

  close(): void {
    this.connection.close();
    this.bindings.reset();
    this.release();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
