/**
 * The kernel's platform in the app's Web Worker (kernels/platform.ts; the Node counterpart is
 * host/kernel/node-kernel-platform.ts): DuckDB-WASM's blocking browser build for the kernel's own
 * state, host queries and file versions through the renderer's relay, and the libraries loaded
 * in the worker.
 */
import type { KernelWorkerConfig } from '../../core/kernel-worker-protocol';
import type { KernelPlatform } from '../platform';
import { openBrowserDatabase } from './browser-duckdb';
import { browserLibraries } from './browser-libraries';
import type { HostRelay } from './host-relay';
import { HttpDataFiles } from './http-data-files';
import { relayedHostQueries } from './relayed-host-queries';

export const BUILTIN_IMPORTS = ['danfojs', '@tensorflow/tfjs', 'apache-arrow'] as const;

export function createBrowserPlatform(config: KernelWorkerConfig, host: HostRelay): KernelPlatform {
  const absolute = (url: string) => new URL(url, config.baseUrl).href;
  const files = new HttpDataFiles(
    async (pattern) => (await host.call('datafiles.resolve', { pattern })).files,
    config.baseUrl,
  );
  return {
    openDatabase: () =>
      openBrowserDatabase({
        mvpModule: absolute(config.duckdb.mvpModule),
        ehModule: absolute(config.duckdb.ehModule),
      }),
    listDataFiles: (pattern) => files.list(pattern),
    // The kernel answers its built-ins itself; the app has no module resolution beyond them
    // (no node_modules next to the notebook in a browser).
    importModule: (specifier) =>
      Promise.reject(
        new Error(
          `import "${specifier}": only ${listed(BUILTIN_IMPORTS)} can be imported in the app`,
        ),
      ),
    ...browserLibraries(config, absolute),
    hostQueries: relayedHostQueries(host),
  };
}

/** `a, b and c`. */
function listed(names: readonly string[]): string {
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
