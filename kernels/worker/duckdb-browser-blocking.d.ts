/**
 * Types for DuckDB-WASM's blocking browser build. The package ships the file and its types
 * (dist/types/src/targets/duckdb-browser-blocking.d.ts) but leaves the file out of its `exports`,
 * so the bundler reaches it through an alias (see browser-duckdb.ts) and TypeScript through this
 * declaration. Its API is the blocking Node build's, with the browser's runtime.
 */
declare module '@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs' {
  import type {
    DuckDBBindings,
    DuckDBBundles,
    DuckDBRuntime,
    Logger,
  } from '@duckdb/duckdb-wasm/blocking';

  export { DuckDBDataProtocol, PACKAGE_VERSION, VoidLogger } from '@duckdb/duckdb-wasm/blocking';
  /** Reads files registered over HTTP with synchronous XMLHttpRequests (allowed in workers). */
  export const BROWSER_RUNTIME: DuckDBRuntime;
  export function createDuckDB(
    bundles: DuckDBBundles,
    logger: Logger,
    runtime: DuckDBRuntime,
  ): Promise<DuckDBBindings>;
}
