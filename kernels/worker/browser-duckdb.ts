/**
 * DuckDB-WASM in the kernel's worker: the blocking browser build (docs/decisions.md: the kernel
 * already runs off the UI thread, so DuckDB's own async worker would only add a hop per query).
 * It holds the kernel's own state; files are read by the host's DuckDB (statement-route.ts).
 *
 * The build is imported by a path the package does not export; the renderer's Vite config
 * aliases it to the file (kernels/worker/duckdb-browser-blocking.d.ts has the types).
 */
import type { KernelWorkerConfig } from '../../core/kernel-worker-protocol';
import { DuckDbInstances } from '../sql/duckdb-instances';
import type { SqlDatabase } from '../sql/sql-database';

let instances: DuckDbInstances | undefined;

/**
 * A fresh database; a restarted kernel's opens in the instance the previous kernel's closed
 * (duckdb-instances.ts), so only the worker's first kernel waits for DuckDB to instantiate.
 */
export function openBrowserDatabase(modules: KernelWorkerConfig['duckdb']): Promise<SqlDatabase> {
  instances ??= new DuckDbInstances(async () => {
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
    return { bindings, version: duckdb.PACKAGE_VERSION };
  });
  return instances.open();
}
