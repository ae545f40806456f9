/**
 * What one run of a request has to hand: its own connection (runs go side by side, and
 * `cancel` interrupts exactly this one), the engine's private folder for the files a result
 * passes through, and the limits.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { HostQueryParam } from '../../core/query/host-query';
import type { PathFolders } from './path-guard';

export type RunContext = {
  connection: DuckDBConnection;
  folders: PathFolders;
  maxResultBytes: number;
  params: HostQueryParam[];
  /**
   * Each path the host made absolute, as the request wrote it: DuckDB's messages name the path
   * it was sent, and are given back the user's (which also lets an error point at its literal).
   */
  writtenPaths: Map<string, string>;
  /** A new file name in the engine's private folder; `withTempFile` removes it. */
  tempFile(extension: string): string;
};

export async function withTempFile<T>(
  context: RunContext,
  extension: string,
  use: (file: string) => Promise<T>,
): Promise<T> {
  const file = context.tempFile(extension);
  try {
    return await use(file);
  } finally {
    await rm(file, { force: true, recursive: true });
  }
}

/** `'text'` as an SQL string literal. */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function tempFileNamer(folder: string): (extension: string) => string {
  let next = 0;
  return (extension) => path.join(folder, `result-${process.pid}-${++next}.${extension}`);
}
