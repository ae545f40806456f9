/**
 * The host's query engine (DESIGN.md, "Processes and how they talk"; core/query/host-query.ts):
 * native DuckDB running the kernel's queries over the notebook's files, so that only results
 * reach the kernel's DuckDB-WASM. One in-memory instance, opened at the first run, bounded in
 * memory (it spills to a private folder, removed on close), never installing an extension, and
 * unable to touch a file outside the allowed folders (sampler-duckdb.ts). Each run has its own
 * connection, so runs go side by side and `cancel` interrupts exactly one.
 */
import { mkdir, mkdtemp, realpath, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type {
  HostQueries,
  HostQueryReply,
  HostQueryRequest,
  HostQueryResult,
} from '../../core/query/host-query';
import { duckdbVersion, openSamplerDuckDB, type SamplerDuckDB } from '../sampler/sampler-duckdb';
import type { RowsOutcome } from './arrow-result';
import type { PathFolders } from './path-guard';
import { cancelled, internalFailure } from './query-failures';
import { runCopyRequest } from './copy-request';
import { loadParquetWasm } from './parquet-arrow';
import { runQueryRequest } from './query-request';
import { runScanRequest, type ScanOutcome } from './scan-request';
import { tempFileNamer, type RunContext } from './run-context';
import { DEFAULT_MAX_RESULT_BYTES } from './too-large';

export type HostQueryEngineOptions = {
  /** Absolute; relative paths resolve here. */
  notebookDir: string;
  /** Absolute folders that alone may be read or written; includes notebookDir. */
  allowedDirectories: string[];
  /** DuckDB's memory_limit; default '1GB'. */
  memoryLimit?: string;
  /** DuckDB threads; null or absent lets DuckDB choose. */
  threads?: number | null;
  /** The most bytes of Arrow a result may have; default 256 MiB. */
  maxResultBytes?: number;
  /** Where the private folder is made; default the system's temporary folder. */
  tempDirectory?: string;
};

export interface HostQueryEngine extends HostQueries {
  /**
   * Opens DuckDB now instead of at the first run, so a kernel that starts beside it does not
   * pay for it on its first query. A failure is left for the first run to report.
   */
  prepare(): void;
  /** Interrupts what runs, closes DuckDB and removes the private folder. */
  close(): Promise<void>;
}

type OpenEngine = {
  duckdb: SamplerDuckDB;
  folder: string;
  tempFile: (extension: string) => string;
  label: string;
};

/** A run in progress, for `cancel`. */
type RunState = { cancelled: boolean; connection: DuckDBConnection | null; timer?: NodeJS.Timeout };

/** How often a cancelled run is interrupted again, in case it had not started in DuckDB yet. */
const REINTERRUPT_MS = 50;
/** Cancels for runs not yet seen are kept this many at most. */
const EARLY_CANCELS_KEPT = 1000;

export function createHostQueryEngine(options: HostQueryEngineOptions): HostQueryEngine {
  const folders: PathFolders = {
    notebookDir: path.resolve(options.notebookDir),
    allowedDirectories: options.allowedDirectories.map((folder) => path.resolve(folder)),
  };
  const maxResultBytes = options.maxResultBytes ?? DEFAULT_MAX_RESULT_BYTES;
  let opening: Promise<OpenEngine> | null = null;
  let closed = false;
  const runs = new Map<string, RunState>();
  const inFlight = new Set<Promise<HostQueryReply>>();
  const earlyCancels = new Set<string>();

  const open = (): Promise<OpenEngine> => {
    opening ??= openEngine(options, folders);
    return opening;
  };

  const interrupt = (state: RunState) => {
    state.connection?.interrupt();
  };

  async function runOnce(request: HostQueryRequest, state: RunState): Promise<HostQueryReply> {
    const started = performance.now();
    let engine: OpenEngine | null = null;
    try {
      engine = await open();
      if (state.cancelled) return cancelled();
      const connection = await engine.duckdb.connect();
      state.connection = connection;
      await connection.run('SET errors_as_json = true');
      if (state.cancelled) return cancelled();
      const context: RunContext = {
        connection,
        folders,
        maxResultBytes,
        params: request.kind === 'query' ? request.params : [],
        writtenPaths: new Map(),
        tempFile: engine.tempFile,
      };
      const reply = await runRequest(context, request);
      if (state.cancelled) return cancelled();
      if (!reply.ok) return reply;
      const result: HostQueryResult = {
        ipc: reply.ipc,
        rows: reply.rows,
        engine: engine.label,
        durationMs: performance.now() - started,
        pushdown: reply.pushdown,
      };
      return { ok: true, result };
    } catch (error) {
      return state.cancelled ? cancelled() : internalFailure(error);
    } finally {
      if (runs.get(request.queryId) === state) runs.delete(request.queryId);
      clearInterval(state.timer);
      if (engine !== null && state.connection !== null) engine.duckdb.disconnect(state.connection);
    }
  }

  function cancel(queryId: string): void {
    const state = runs.get(queryId);
    if (state === undefined) {
      earlyCancels.add(queryId);
      if (earlyCancels.size > EARLY_CANCELS_KEPT)
        earlyCancels.delete(earlyCancels.values().next().value as string);
      return;
    }
    if (state.cancelled) return;
    state.cancelled = true;
    interrupt(state);
    state.timer = setInterval(() => interrupt(state), REINTERRUPT_MS).unref();
  }

  return {
    run(request) {
      if (closed) return Promise.resolve(internalFailure(new Error('The query engine is closed.')));
      if (earlyCancels.delete(request.queryId)) return Promise.resolve(cancelled());
      const state: RunState = { cancelled: false, connection: null };
      runs.set(request.queryId, state);
      const running = runOnce(request, state).finally(() => inFlight.delete(running));
      inFlight.add(running);
      return running;
    },
    cancel,
    prepare() {
      open().catch(() => undefined);
      // After this turn: loading compiles WASM synchronously, and the caller is starting up.
      setTimeout(loadParquetWasm, 0).unref();
    },
    async close() {
      closed = true;
      for (const queryId of runs.keys()) cancel(queryId);
      await Promise.allSettled([...inFlight]);
      if (opening === null) return;
      const engine = await opening.catch(() => null);
      if (engine === null) return;
      engine.duckdb.close();
      await rm(engine.folder, { recursive: true, force: true });
    },
  };
}

async function runRequest(context: RunContext, request: HostQueryRequest): Promise<ScanOutcome> {
  switch (request.kind) {
    case 'query':
      return withoutPushdown(await runQueryRequest(context, request));
    case 'scan':
      return runScanRequest(context, request);
    case 'copy':
      return withoutPushdown(await runCopyRequest(context, request));
  }
}

function withoutPushdown(reply: RowsOutcome): ScanOutcome {
  return reply.ok ? { ...reply, pushdown: null } : reply;
}

async function openEngine(
  options: HostQueryEngineOptions,
  folders: PathFolders,
): Promise<OpenEngine> {
  const folder = await realpath(
    await mkdtemp(path.join(options.tempDirectory ?? os.tmpdir(), 'quarry-query-')),
  );
  const spill = path.join(folder, 'spill');
  await mkdir(spill);
  // DuckDB compares paths as text: both the folders as given and where their links lead.
  const allowed = new Set([folder]);
  for (const directory of folders.allowedDirectories) {
    allowed.add(directory);
    allowed.add(await realpath(directory).catch(() => directory));
  }
  try {
    const duckdb = await openSamplerDuckDB({
      threads: options.threads ?? null,
      tempDirectory: spill,
      allowedDirectories: [...allowed],
      memoryLimit: options.memoryLimit ?? '1GB',
    });
    const label = `native DuckDB ${await duckdbVersion(duckdb.connection)} (host)`;
    return { duckdb, folder, tempFile: tempFileNamer(folder), label };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
