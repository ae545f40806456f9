/**
 * The two sides of bench/query-files.bench.ts, each opened fresh and then fed statements:
 * the kernel on the Node platform (as `quarry run` uses it) running each statement as a `%%sql`
 * cell with the file's relative path, and bare native DuckDB (@duckdb/node-api, a fresh
 * in-memory instance with DuckDB's defaults) running it with the file's absolute path.
 */
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { createNodeKernelPlatform } from '../host/kernel/node-kernel-platform';
import { Kernel } from '../kernels/runtime/kernel';
import { quoted, type BenchQuery } from './query-files-data';

export interface QuerySide {
  /**
   * Runs `query` over `fileName` (a file of the data folder) and waits for all its rows; says
   * which engine ran it (the kernel's cell engine label, e.g. `native DuckDB v1.5.2 (host)`).
   */
  run(query: BenchQuery, fileName: string): Promise<string>;
  close(): Promise<void>;
}

export type SideKind = 'kernel' | 'native';

export function openSide(kind: SideKind, dataDir: string): Promise<QuerySide> {
  switch (kind) {
    case 'kernel':
      return openKernelSide(dataDir);
    case 'native':
      return openNativeSide(dataDir);
  }
}

/** A kernel whose notebook sits in the data folder; each statement is a `%%sql` cell. */
async function openKernelSide(dataDir: string): Promise<QuerySide> {
  const kernel = await Kernel.start(createNodeKernelPlatform({ notebookDir: dataDir }));
  let executionCount = 0;
  return {
    async run(query, fileName) {
      const code = `%%sql\n${query.sql(quoted(fileName))}`;
      const reply = await kernel.execute(code, { executionCount: ++executionCount });
      if (reply.status !== 'done') {
        const error = reply.outputs.find((output) => output.output_type === 'error');
        const message = error ? `${error.ename}: ${error.evalue}` : reply.status;
        throw new Error(`kernel: ${query.name} over ${fileName} failed: ${message}`);
      }
      return reply.engine?.label ?? 'no SQL engine';
    },
    // Also closes the platform's host engine.
    close: async () => kernel.dispose(),
  };
}

async function openNativeSide(dataDir: string): Promise<QuerySide> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  return {
    async run(query, fileName) {
      await connection.runAndReadAll(query.sql(quoted(path.join(dataDir, fileName))));
      return 'bare native DuckDB';
    },
    close: async () => {
      connection.closeSync();
      instance.closeSync();
    },
  };
}
