/**
 * The kernel's platform in the app's Web Worker (kernels/platform.ts; the Node counterpart is
 * host/kernel/node-kernel-platform.ts): DuckDB-WASM's blocking browser build, data files as URLs
 * the host serves (resolved through the renderer), and the libraries loaded in the worker.
 */
import type { KernelWorkerConfig } from '../../core/kernel-worker-protocol';
import type { KernelPlatform } from '../platform';
import { isGlob } from '../sql/file-references';
import type { BrowserDatabase } from './browser-database';
import { openBrowserDatabase } from './browser-duckdb';
import { loadBrowserLibraries } from './browser-libraries';
import type { HostRelay } from './host-relay';
import { HttpDataFiles } from './http-data-files';

export const BUILTIN_IMPORTS = ['danfojs', '@tensorflow/tfjs', 'apache-arrow'] as const;

export function createBrowserPlatform(config: KernelWorkerConfig, host: HostRelay): KernelPlatform {
  const absolute = (url: string) => new URL(url, config.baseUrl).href;
  const files = new HttpDataFiles(
    async (pattern) => (await host.call('datafiles.resolve', { pattern })).files,
    config.baseUrl,
  );
  let database: BrowserDatabase | null = null;
  return {
    async openDatabase() {
      database = await openBrowserDatabase({
        mvpModule: absolute(config.duckdb.mvpModule),
        ehModule: absolute(config.duckdb.ehModule),
      });
      return database;
    },
    async resolveDataFiles(pattern) {
      const resolved = await files.resolve(pattern);
      if (isGlob(pattern)) {
        const names = resolved.map((file) => file.name);
        database?.hideStaleMatches(pattern, names);
      }
      return resolved;
    },
    listDataFiles: (pattern) => files.list(pattern),
    readDataFile: (name) => files.read(name),
    // The kernel answers its built-ins itself; the app has no module resolution beyond them
    // (no node_modules next to the notebook in a browser).
    importModule: (specifier) =>
      Promise.reject(
        new Error(
          `import "${specifier}": only ${listed(BUILTIN_IMPORTS)} can be imported in the app`,
        ),
      ),
    loadLibraries: () => loadBrowserLibraries(config, absolute),
    hostQueries: {
      run: async (request) => await host.call('query.run', { request }),
      cancel: (queryId) => void host.call('query.cancel', { queryId }),
    },
  };
}

/** `a, b and c`. */
function listed(names: readonly string[]): string {
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
