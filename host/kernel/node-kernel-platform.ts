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
  DanfoModule,
  DataFileVersion,
  KernelPlatform,
  TfModule,
} from '../../kernels/platform';
import type { BackendName } from '../../kernels/ml/ml-types';
import { loadOnce } from '../../kernels/runtime/kernel-libraries';
import { DuckDbInstances } from '../../kernels/sql/duckdb-instances';
import type { SqlDatabase } from '../../kernels/sql/sql-database';
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
    loadArrow,
    loadTf,
    loadDanfo,
    loadTfBackend,
  };
}

/** DuckDB-WASM's Node build, holding the kernel's own state only: it reads no files. */
const instances = new DuckDbInstances(async () => {
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
  return { bindings, version: duckdb.PACKAGE_VERSION };
});

function openDatabase(): Promise<SqlDatabase> {
  return instances.open();
}

/** DuckDB-WASM's Node build is CommonJS and requires Arrow's CommonJS build: use that copy. */
function loadArrow(): Promise<ArrowModule> {
  return Promise.resolve(require('apache-arrow') as ArrowModule);
}

/** TF.js on its WASM backend, else plain-JS CPU. */
const loadTf = loadOnce(async (): Promise<TfModule> => {
  const [tf] = await Promise.all([
    import('@tensorflow/tfjs'),
    import('@tensorflow/tfjs-backend-wasm'),
  ]);
  if (!(await tf.setBackend('wasm'))) await tf.setBackend('cpu');
  await tf.ready();
  return tf;
});

/** Node has TF.js's WASM and CPU backends; WebGL and WebGPU need a browser. */
async function loadTfBackend(name: BackendName): Promise<void> {
  switch (name) {
    case 'wasm':
      await import('@tensorflow/tfjs-backend-wasm');
      return;
    case 'cpu':
      return;
    case 'webgl':
    case 'webgpu':
      throw new Error(`Node has no ${name === 'webgl' ? 'WebGL' : 'WebGPU'} (it needs a browser)`);
  }
}

const loadDanfo = loadOnce(async (): Promise<DanfoModule> => {
  await loadTf();
  return import('danfojs');
});
