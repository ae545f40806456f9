/**
 * The sampler's native DuckDB (one in-memory instance per pull or preview): bounded memory that
 * spills to a temporary folder rather than growing, no extension ever downloaded, and, for the
 * app, no file outside the allowed folders readable or writable by any SQL it runs, a user's
 * `where` expression included (DuckDB's `allowed_directories` with `enable_external_access`
 * off, which cannot be turned back on while the database runs).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export type SamplerDuckDBOptions = {
  /** DuckDB threads; null lets DuckDB choose. */
  threads: number | null;
  /**
   * Where DuckDB spills when the memory limit is reached; null for no spilling (DuckDB's default,
   * `.tmp` in the working directory, could land in the user's workspace).
   */
  tempDirectory: string | null;
  /** Folders (absolute) that alone may be read or written, or null for no restriction. */
  allowedDirectories: string[] | null;
  /** DuckDB's memory_limit; SAMPLER_MEMORY_LIMIT unless given. */
  memoryLimit?: string;
};

/** Enough for a top-N or a window over candidates; larger work spills to disk. */
export const SAMPLER_MEMORY_LIMIT = '1GB';

export type SamplerDuckDB = {
  connection: DuckDBConnection;
  /** Another connection to the same database (closed with it), for work run side by side. */
  connect(): Promise<DuckDBConnection>;
  /** Closes a connection from `connect` before the database closes. */
  disconnect(connection: DuckDBConnection): void;
  close(): void;
};

export async function openSamplerDuckDB(options: SamplerDuckDBOptions): Promise<SamplerDuckDB> {
  const config: Record<string, string> = {
    memory_limit: options.memoryLimit ?? SAMPLER_MEMORY_LIMIT,
    autoinstall_known_extensions: 'false',
    // Loads only what is already on this machine (the bundled readers); nothing is fetched.
    autoload_known_extensions: 'true',
  };
  if (options.threads !== null) config.threads = String(options.threads);
  config.temp_directory = options.tempDirectory ?? '';
  const instance = await DuckDBInstance.create(':memory:', config);
  const connection = await instance.connect();
  const others = new Set<DuckDBConnection>();
  const connect = async () => {
    const other = await instance.connect();
    others.add(other);
    return other;
  };
  const disconnect = (other: DuckDBConnection) => {
    if (others.delete(other)) other.closeSync();
  };
  const close = () => {
    for (const other of others) other.closeSync();
    connection.closeSync();
    instance.closeSync();
  };
  try {
    // Progress is tracked for connection.progress (duckdb-run.ts), never drawn on stderr.
    await connection.run('SET enable_progress_bar = true');
    await connection.run('SET enable_progress_bar_print = false');
    if (options.allowedDirectories !== null) {
      const list = options.allowedDirectories.map((d) => `'${withSlash(d).replace(/'/g, "''")}'`);
      await connection.run(`SET allowed_directories = [${list.join(', ')}]`);
      await connection.run('SET enable_external_access = false');
    }
  } catch (error) {
    close();
    throw error;
  }
  return { connection, connect, disconnect, close };
}

/** `/a/b/`: DuckDB's allowed directories are prefixes, so `/a/b` would also allow `/a/bc`. */
function withSlash(directory: string): string {
  return directory.endsWith('/') ? directory : `${directory}/`;
}

/** Whether this DuckDB can read http(s) URLs: httpfs is built in or installed here. */
export async function canReadUrls(connection: DuckDBConnection): Promise<boolean> {
  const reader = await connection.runAndReadAll(
    "SELECT count(*) FROM duckdb_extensions() WHERE extension_name = 'httpfs' AND (loaded OR installed)",
  );
  return Number(reader.getRows()[0][0]) > 0;
}

export async function duckdbVersion(connection: DuckDBConnection): Promise<string> {
  const reader = await connection.runAndReadAll('SELECT version()');
  return String(reader.getRows()[0][0]);
}
