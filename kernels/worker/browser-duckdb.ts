/**
 * DuckDB-WASM in the kernel's worker: the blocking browser build (docs/decisions.md: the kernel
 * already runs off the UI thread, so DuckDB's own async worker would only add a hop per query).
 * It holds the kernel's own state; files are read by the host's DuckDB (statement-route.ts).
 *
 * The build is imported by a path the package does not export; the renderer's Vite config
 * aliases it to the file (kernels/worker/duckdb-browser-blocking.d.ts has the types).
 */
import type { KernelWorkerConfig } from '../../core/kernel-worker-protocol';
import { DuckDbWasmDatabase, openKernelDatabase, type SqlDatabase } from '../sql/sql-database';

export async function openBrowserDatabase(
  modules: KernelWorkerConfig['duckdb'],
): Promise<SqlDatabase> {
  const duckdb = await import('@duckdb/duckdb-wasm/dist/duckdb-browser-blocking.mjs');
  // No worker scripts: the blocking build runs in this thread. It picks `eh` where supported.
  const bundles = {
    mvp: { mainModule: modules.mvpModule, mainWorker: '' },
    eh: { mainModule: modules.ehModule, mainWorker: '' },
  };
  const bindings = await duckdb.createDuckDB(
    bundles,
    new duckdb.VoidLogger(),
    duckdb.BROWSER_RUNTIME,
  );
  await bindings.instantiate(() => undefined);
  openKernelDatabase(bindings);
  return new DuckDbWasmDatabase(bindings, duckdb.PACKAGE_VERSION);
}
