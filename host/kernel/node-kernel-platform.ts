/**
 * The kernel's platform in Node (headless runs, tests, benchmarks): DuckDB-WASM's blocking Node
 * build for the kernel's own state, the host's query engine in-process for files, danfo.js and TF.js on its WASM backend (DESIGN.md:
 * 30× faster than plain-JS CPU here, and tfjs-node would need a download).
 */
import { existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { HostQueries } from '../../core/query/host-query';
import type {
  ArrowModule,
  DataFileVersion,
  KernelLibraries,
  KernelPlatform,
} from '../../kernels/platform';
import {
  DuckDbWasmDatabase,
  openKernelDatabase,
  type SqlDatabase,
} from '../../kernels/sql/sql-database';
import { globFiles } from '../glob';
import { isGlob } from '../../kernels/sql/glob-pattern';
import { createHostQueryEngine, type HostQueryEngine } from '../query/host-query-engine';

const require = createRequire(import.meta.url);

export type NodeKernelPlatformOptions = {
  /** The notebook's folder: relative paths in SQL and imports resolve against it. */
  notebookDir: string;
  /**
   * Where statements over files run; by default the host's engine in this process, reading and
   * writing only inside the notebook's folder, which the kernel's close closes.
   */
  hostQueries?: HostQueries;
};

export function createNodeKernelPlatform({
  notebookDir,
  hostQueries,
}: NodeKernelPlatformOptions): KernelPlatform {
  let owned: HostQueryEngine | null = null;
  const queries =
    hostQueries ??
    (owned = createHostQueryEngine({ notebookDir, allowedDirectories: [notebookDir] }));
  owned?.prepare();
  return {
    hostQueries: queries,
    close: async () => owned?.close(),
    openDatabase,
    async listDataFiles(pattern: string): Promise<DataFileVersion[]> {
      const names = isGlob(pattern)
        ? await globFiles(notebookDir, pattern)
        : existsSync(path.resolve(notebookDir, pattern))
          ? [pattern]
          : [];
      return Promise.all(
        names.map(async (name) => {
          const info = await stat(path.resolve(notebookDir, name));
          return { name, version: `${info.size}:${info.mtimeMs}` };
        }),
      );
    },
    async importModule(specifier: string): Promise<unknown> {
      // `node:fs`, `path`: Node's own modules have no file to resolve.
      if (isBuiltin(specifier)) return import(specifier);
      // Bare names resolve from the notebook's folder first (its own node_modules), then Quarry's.
      const fromNotebook = createRequire(path.join(notebookDir, 'notebook.js'));
      let resolved: string;
      try {
        resolved = specifier.startsWith('.')
          ? path.resolve(notebookDir, specifier)
          : fromNotebook.resolve(specifier);
      } catch {
        resolved = require.resolve(specifier);
      }
      return import(pathToFileURL(resolved).href);
    },
    loadLibraries,
  };
}

/** DuckDB-WASM's Node build, holding the kernel's own state only: it reads no files. */
async function openDatabase(): Promise<SqlDatabase> {
  const duckdb = await import('@duckdb/duckdb-wasm/blocking');
  const bundles = {
    mvp: {
      mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'),
      mainWorker: '',
    },
    eh: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'), mainWorker: '' },
  };
  const bindings = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await bindings.instantiate();
  openKernelDatabase(bindings);
  return new DuckDbWasmDatabase(bindings, duckdb.PACKAGE_VERSION);
}

let libraries: Promise<KernelLibraries> | undefined;

/** Loaded once per process: TF.js keeps global backend state, so kernels share it. */
function loadLibraries(): Promise<KernelLibraries> {
  libraries ??= (async (): Promise<KernelLibraries> => {
    const [tf, dfd] = await Promise.all([
      import('@tensorflow/tfjs'),
      import('danfojs'),
      import('@tensorflow/tfjs-backend-wasm'),
    ]);
    if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
    await tf.ready();
    // DuckDB-WASM's Node build is CommonJS and requires Arrow's CommonJS build: use that copy.
    const arrow = require('apache-arrow') as ArrowModule;
    return { tf, dfd, arrow };
  })();
  return libraries;
}
