/**
 * The kernel's platform in Node (headless runs, tests, benchmarks): DuckDB-WASM's blocking Node
 * build reading files straight from disk, danfo.js and TF.js on its WASM backend (DESIGN.md:
 * 30× faster than plain-JS CPU here, and tfjs-node would need a download).
 */
import {
  constants,
  copyFileSync,
  existsSync,
  fstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmdirSync,
  rmSync,
  truncateSync,
} from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createRequire, isBuiltin } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DuckDBModule, NODE_RUNTIME } from '@duckdb/duckdb-wasm/blocking';
import type { HostQueries } from '../../core/query/host-query';
import type {
  ArrowModule,
  DataFile,
  DataFileVersion,
  KernelLibraries,
  KernelPlatform,
} from '../../kernels/platform';
import {
  DuckDbWasmDatabase,
  openKernelDatabase,
  type SqlDatabase,
} from '../../kernels/sql/sql-database';
import { globFiles, globFilesSync } from '../glob';
import { isGlob } from '../../kernels/sql/file-references';
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
  return {
    hostQueries: queries,
    close: async () => owned?.close(),
    openDatabase: () => openDatabase(notebookDir),
    // Nothing to register: this platform's DuckDB runtime resolves relative paths and globs
    // against the notebook's folder itself (notebookRuntime). Registered names would also be
    // matched by DuckDB-WASM's own glob, where `*` spans folders, so `data/*.csv` would pick up
    // `data/sub/x.csv` once some query had named it.
    resolveDataFiles: async (): Promise<DataFile[]> => [],
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
    readDataFile: (name: string) => readFile(path.resolve(notebookDir, name)),
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

async function openDatabase(notebookDir: string): Promise<SqlDatabase> {
  const duckdb = await import('@duckdb/duckdb-wasm/blocking');
  const bundles = {
    mvp: {
      mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm'),
      mainWorker: '',
    },
    eh: { mainModule: require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm'), mainWorker: '' },
  };
  const runtime = notebookRuntime(duckdb.NODE_RUNTIME, notebookDir);
  const bindings = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), runtime);
  await bindings.instantiate();
  openKernelDatabase(bindings);
  const database = new DuckDbWasmDatabase(
    bindings,
    duckdb.DuckDBDataProtocol.NODE_FS,
    duckdb.PACKAGE_VERSION,
  );
  // DuckDB-WASM remembers every file a query opened and matches later globs against those names
  // too, with `*` spanning folders: once `data/sub/x.csv` was read, `data/*.csv` included it.
  // Forgetting them after each query leaves globs to notebookRuntime (views reopen their files).
  const forgetting = <T>(run: () => T): T => {
    try {
      return run();
    } finally {
      bindings.dropFiles();
    }
  };
  return {
    description: database.description,
    query: (text) => forgetting(() => database.query(text)),
    queryWithParams: (text, params) => forgetting(() => database.queryWithParams(text, params)),
    replaceTable: (name, table) => database.replaceTable(name, table),
    insertArrowIpc: (target, ipc) => forgetting(() => database.insertArrowIpc(target, ipc)),
    dropTable: (schema, name) => database.dropTable(schema, name),
    registerFile: (name, location) => database.registerFile(name, location),
    close: () => database.close(),
  };
}

type NodeRuntime = typeof NODE_RUNTIME;

/** duckdb-wasm's FileFlags that let DuckDB create or change a file. */
const WRITING_FLAGS = 2 | 8 | 16 | 32; // WRITE | FILE_CREATE | FILE_CREATE_NEW | APPEND
const NULL_IF_NOT_EXISTS = 128;
const NODE_FS_PROTOCOL = 1;

/**
 * duckdb-wasm's Node runtime, with its file-system calls made to work for a notebook:
 * - relative paths resolve against the notebook's folder, not the process's working directory;
 * - globs use host/glob.ts (`*` stays in one folder, `**` matches zero or more folders);
 * - opening a missing file to read it is an error (it used to create an empty file and return
 *   an empty table), and reading needs no write permission (it opened every file read-write);
 * - `moveFile` moves the file on disk (it only renamed its bookkeeping, so `COPY … TO` over an
 *   existing file left the old file in place and the new data in `tmp_NAME`).
 * The runtime's other calls are unchanged.
 */
function notebookRuntime(base: NodeRuntime, notebookDir: string): NodeRuntime {
  const pathAt = (mod: DuckDBModule, ptr: number, len: number) =>
    path.resolve(notebookDir, new TextDecoder().decode(mod.HEAPU8.subarray(ptr, ptr + len)));
  // Throws DuckDB's exception through the wasm frames, as the runtime itself does.
  const fail = (mod: DuckDBModule, error: unknown) =>
    mod.ccall(
      'duckdb_web_fail_with',
      null,
      ['string'],
      [error instanceof Error ? error.message : String(error)],
    );
  const attempt = <T>(mod: DuckDBModule, run: () => T): T | undefined => {
    let result: T;
    try {
      result = run();
    } catch (error) {
      fail(mod, error);
      return undefined;
    }
    return result;
  };
  const localFile = (mod: DuckDBModule, fileId: number) => {
    base._fileInfoCache.delete(fileId);
    const info = base.resolveFileInfo(mod, fileId);
    if (info?.dataProtocol !== NODE_FS_PROTOCOL || !info.dataUrl) return null;
    return { name: info.fileName, file: path.resolve(notebookDir, info.dataUrl) };
  };
  return {
    ...base,
    openFile(mod, fileId, flags) {
      const local = localFile(mod, fileId);
      if (!local) return base.openFile(mod, fileId, flags);
      if (!existsSync(local.file)) {
        if (flags & NULL_IF_NOT_EXISTS) return 0;
        if ((flags & WRITING_FLAGS) === 0) {
          return fail(mod, `IO Error: No such file: "${local.name}" (${local.file})`);
        }
      }
      return attempt(mod, () => {
        const mode =
          flags & WRITING_FLAGS ? constants.O_CREAT | constants.O_RDWR : constants.O_RDONLY;
        const fd = openSync(local.file, mode, 0o666);
        base._filesById.set(fileId, fd);
        // The runtime's answer: a pointer to [size, 0] as two doubles.
        const result = mod._malloc(16);
        mod.HEAPF64[result >> 3] = fstatSync(fd).size;
        mod.HEAPF64[(result >> 3) + 1] = 0;
        return result;
      });
    },
    truncateFile(mod, fileId, newSize) {
      const local = localFile(mod, fileId);
      if (!local) return base.truncateFile(mod, fileId, newSize);
      attempt(mod, () => truncateSync(local.file, newSize));
    },
    checkFile: (mod, ptr, len) => existsSync(pathAt(mod, ptr, len)),
    removeFile(mod, ptr, len) {
      attempt(mod, () => rmSync(pathAt(mod, ptr, len), { force: true }));
    },
    checkDirectory: (mod, ptr, len) => existsSync(pathAt(mod, ptr, len)),
    createDirectory(mod, ptr, len) {
      attempt(mod, () => mkdirSync(pathAt(mod, ptr, len), { recursive: true }));
    },
    removeDirectory(mod, ptr, len) {
      attempt(mod, () => rmdirSync(pathAt(mod, ptr, len)));
    },
    glob(mod, ptr, len) {
      const pattern = new TextDecoder().decode(mod.HEAPU8.subarray(ptr, ptr + len));
      if (path.isAbsolute(pattern) || /^[a-z][a-z0-9+.-]*:/i.test(pattern)) {
        return base.glob(mod, ptr, len);
      }
      for (const name of globFilesSync(notebookDir, pattern)) {
        mod.ccall('duckdb_web_fs_glob_add_path', null, ['string'], [name]);
      }
    },
    moveFile(mod, fromPtr, fromLen, toPtr, toLen) {
      const from = pathAt(mod, fromPtr, fromLen);
      const to = pathAt(mod, toPtr, toLen);
      base.moveFile(mod, fromPtr, fromLen, toPtr, toLen);
      if (from !== to && existsSync(from)) attempt(mod, () => moveOnDisk(from, to));
    },
  };
}

function moveOnDisk(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    copyFileSync(from, to);
    rmSync(from);
  }
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
