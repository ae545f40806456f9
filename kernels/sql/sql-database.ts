/**
 * The kernel's view of DuckDB-WASM: the blocking bindings (the kernel already runs off the UI
 * thread, in a worker or in Node, so a second worker hop would only add latency).
 */
import type * as arrow from 'apache-arrow';
import type {
  DuckDBBindings,
  DuckDBConnection,
  DuckDBDataProtocol,
} from '@duckdb/duckdb-wasm/blocking';

export interface SqlDatabase {
  /** Runs one or more statements; the result is the last statement's. */
  query(text: string): arrow.Table;
  /** Runs one statement with `$1`, `$2`, … bound to `params`. */
  queryWithParams(text: string, params: unknown[]): arrow.Table;
  /** Creates (or replaces) table `name` from an Arrow table. */
  replaceTable(name: string, table: arrow.Table): void;
  /** Makes `name` in queries read the file at `location` (a path or URL, by platform). */
  registerFile(name: string, location: string): void;
  /** e.g. "duckdb-wasm 1.32.0 (DuckDB v1.4.3)". */
  readonly description: string;
  close(): void;
}

export class DuckDbWasmDatabase implements SqlDatabase {
  private readonly connection: DuckDBConnection;
  private readonly registered = new Map<string, string>();
  readonly description: string;

  constructor(
    private readonly bindings: DuckDBBindings,
    private readonly fileProtocol: DuckDBDataProtocol,
    packageVersion: string,
  ) {
    this.connection = bindings.connect();
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

  registerFile(name: string, location: string): void {
    if (this.registered.get(name) === location) return;
    this.bindings.registerFileURL(name, location, this.fileProtocol, false);
    this.registered.set(name, location);
  }

  close(): void {
    this.connection.close();
    this.bindings.reset();
  }
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
