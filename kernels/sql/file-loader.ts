/**
 * Loads the Parquet and JSON files a query names into tables (see loaded-formats.ts for why),
 * and hands back the edits that point the query at them. Files are reloaded only when they change.
 */
import type { DataFileVersion, KernelPlatform, ParquetReader } from '../platform';
import {
  findLoadedFileReferences,
  LOADED_FILES_SCHEMA,
  loadedFormatOf,
  loadedFileEdits,
  loadedTableName,
} from './loaded-formats';
import type { SqlEdit } from './rewritten-sql';
import type { SqlDatabase } from './sql-database';
import { SqlError, sqlErrorOf, withSqlErrors } from './sql-error';

export class FileLoader {
  /** Loaded table → the versions of the files it holds. */
  private readonly loaded = new Map<string, string>();

  constructor(
    private readonly database: SqlDatabase,
    private readonly platform: KernelPlatform,
    private readonly parquet: ParquetReader,
  ) {}

  /** Loads what the query needs and returns the edits that point it at the loaded tables. */
  async prepare(sqlText: string): Promise<SqlEdit[]> {
    const references = findLoadedFileReferences(sqlText);
    for (const reference of references) await this.load(reference.patterns);
    return loadedFileEdits(references);
  }

  private async load(patterns: string[]): Promise<void> {
    const files = (await Promise.all(patterns.map((p) => this.platform.listDataFiles(p)))).flat();
    if (files.length === 0) {
      throw new SqlError(
        'IOError',
        `No files found that match the pattern "${patterns.join('", "')}"`,
      );
    }
    await this.loadFiles(loadedTableName(patterns), files);
  }

  /** Loads `files` into `quarry_files.table`, unless it holds these very versions already. */
  async loadFiles(table: string, files: DataFileVersion[]): Promise<void> {
    const version = files.map((f) => `${f.name}@${f.version}`).join('\n');
    if (this.loaded.get(table) === version) return;
    this.loaded.delete(table);
    withSqlErrors(() => this.database.dropTable(LOADED_FILES_SCHEMA, table));
    for (const [index, file] of files.entries()) {
      const bytes = await this.platform.readDataFile(file.name);
      const target = { schema: LOADED_FILES_SCHEMA, name: table, create: index === 0 };
      try {
        this.insert(file.name, bytes, target);
      } catch (error) {
        this.database.dropTable(LOADED_FILES_SCHEMA, table);
        const reason = sqlErrorOf(error).message;
        throw new SqlError('IOError', `cannot load "${file.name}": ${reason}`);
      }
    }
    this.loaded.set(table, version);
  }

  /** Drops a loaded table whose files are gone. */
  unload(table: string): void {
    this.loaded.delete(table);
    withSqlErrors(() => this.database.dropTable(LOADED_FILES_SCHEMA, table));
  }

  private insert(
    name: string,
    bytes: Uint8Array,
    target: { schema: string; name: string; create: boolean },
  ): void {
    const format = loadedFormatOf(name);
    switch (format) {
      case 'parquet':
        return this.database.insertArrowIpc(target, this.parquet.readParquet(bytes));
      case 'json':
        return this.database.insertJsonArray(target, bytes);
      case 'ndjson':
        return this.database.insertJsonArray(target, ndjsonToArray(bytes));
      case null:
        throw new Error('not a Parquet or JSON file');
    }
  }
}

/** Newline-delimited JSON as one JSON array, for DuckDB-WASM's importer. */
function ndjsonToArray(bytes: Uint8Array): Uint8Array {
  const lines = new TextDecoder()
    .decode(bytes)
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return new TextEncoder().encode(`[${lines.join(',')}]`);
}
