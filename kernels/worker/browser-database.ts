/**
 * The kernel's database in the worker: DuckDB-WASM (sql-database.ts) plus the bookkeeping that
 * keeps globs exact. Data files are registered under the names queries use, and DuckDB-WASM
 * matches a glob against every name registered so far (duckdb-glob.ts), so names that a glob's
 * fresh resolution did not return are dropped while that query runs and registered again after
 * it (views over them keep working). The Node platform avoids the same trap by globbing on disk.
 */
import type * as arrow from 'apache-arrow';
import type { DuckDBBindings, DuckDBDataProtocol } from '@duckdb/duckdb-wasm/blocking';
import type { SqlDatabase, TableTarget } from '../sql/sql-database';
import { registeredNameMatcher } from './duckdb-glob';

type FileBindings = Pick<DuckDBBindings, 'dropFile' | 'registerFileURL'>;

export class BrowserDatabase implements SqlDatabase {
  /** Registered name → URL. */
  private readonly locations = new Map<string, string>();
  /** Names to hide from the next query. */
  private readonly hidden = new Set<string>();

  constructor(
    private readonly inner: SqlDatabase,
    private readonly bindings: FileBindings,
    private readonly protocol: DuckDBDataProtocol,
  ) {}

  get description(): string {
    return this.inner.description;
  }

  registerFile(name: string, location: string): void {
    this.inner.registerFile(name, location);
    this.locations.set(name, location);
  }

  /** Before a query with `pattern`, which now stands for `current`: hide the other matches. */
  hideStaleMatches(pattern: string, current: readonly string[]): void {
    const matcher = registeredNameMatcher(pattern);
    for (const name of this.locations.keys()) {
      if (matcher.test(name) && !current.includes(name)) this.hidden.add(name);
    }
  }

  query(text: string): arrow.Table {
    return this.withoutHidden(() => this.inner.query(text));
  }

  queryWithParams(text: string, params: unknown[]): arrow.Table {
    return this.withoutHidden(() => this.inner.queryWithParams(text, params));
  }

  replaceTable(name: string, table: arrow.Table): void {
    this.inner.replaceTable(name, table);
  }

  insertArrowIpc(target: TableTarget, ipc: Uint8Array): void {
    this.inner.insertArrowIpc(target, ipc);
  }

  dropTable(schema: string, name: string): void {
    this.inner.dropTable(schema, name);
  }

  close(): void {
    this.inner.close();
  }

  private withoutHidden<T>(run: () => T): T {
    const hidden = [...this.hidden];
    this.hidden.clear();
    for (const name of hidden) this.bindings.dropFile(name);
    try {
      return run();
    } finally {
      for (const name of hidden) {
        const location = this.locations.get(name);
        if (location) this.bindings.registerFileURL(name, location, this.protocol, false);
      }
    }
  }
}
