/**
 * The file side of statements that also read the kernel's tables: the host scans each file
 * reference (a `scan` request, core/query/host-query.ts) and its rows become a table of the
 * schema `quarry_files` in the kernel's DuckDB-WASM, which the statement is pointed at.
 *
 *   select * from t join 'data/x.parquet' using (id)
 *     →  select * from t join quarry_files."scan 3" using (id)
 *
 * A pushed-down scan (only the columns and rows this statement needs) serves that statement only
 * and is dropped after it. A full scan (a view's file, a sample) is kept under the reference's
 * name and reused while the files it read keep their versions.
 */
import type { SqlSpan } from '../../core/query/host-query';
import type { DataFileVersion, KernelPlatform } from '../platform';
import type { HostRunner } from './host-runner';
import { RewrittenSql } from './rewritten-sql';
import { quoteIdentifier, type SqlDatabase } from './sql-database';
import { SqlError, sqlErrorOf, withSqlErrors } from './sql-error';

export const SCANNED_FILES_SCHEMA = 'quarry_files';

/** One file reference of a statement to scan: the statement as sent and where the reference is. */
export type ScanTarget = { statement: RewrittenSql; reference: SqlSpan };

export class ScannedFiles {
  /** Kept table → the versions of the files it holds. */
  private readonly kept = new Map<string, string>();
  private scans = 0;

  constructor(
    private readonly database: SqlDatabase,
    private readonly platform: KernelPlatform,
    private readonly host: HostRunner,
  ) {}

  /** Scans the reference with pushdown into a table of its own, which `drop` removes. */
  async pushed({ statement, reference }: ScanTarget): Promise<string> {
    const table = `scan ${++this.scans}`;
    const result = await this.host.run(
      { kind: 'scan', sql: statement.text, reference, pushdown: true },
      statement,
    );
    this.load(table, result.ipc);
    return table;
  }

  /**
   * The whole of what the reference reads, as table `name`: scanned unless it holds these very
   * versions of `patterns`' files already.
   */
  async full(
    name: string,
    patterns: string[],
    { statement, reference }: ScanTarget,
  ): Promise<void> {
    const version = await this.versionOf(patterns);
    if (version !== null && this.kept.get(name) === version) return;
    this.unload(name);
    const result = await this.host.run(
      { kind: 'scan', sql: statement.text, reference, pushdown: false },
      statement,
    );
    this.load(name, result.ipc);
    if (version !== null) this.kept.set(name, version);
  }

  /** A sample's file in full, as the table named after the file. */
  async sample(file: DataFileVersion): Promise<void> {
    const name = file.name;
    if (this.kept.get(name) === `${name}@${file.version}`) return;
    const sql = `select * from '${name.replaceAll("'", "''")}'`;
    const statement = RewrittenSql.of(sql);
    this.unload(name);
    try {
      const result = await this.host.run(
        {
          kind: 'scan',
          sql,
          reference: { start: 'select * from '.length, end: sql.length },
          pushdown: false,
        },
        statement,
      );
      this.load(name, result.ipc);
    } catch (thrown) {
      throw new SqlError('IOError', `cannot load "${name}": ${sqlErrorOf(thrown).message}`);
    }
    this.kept.set(name, `${name}@${file.version}`);
  }

  /** Drops a table whose files are gone, or a pushed-down scan after its statement. */
  unload(name: string): void {
    this.kept.delete(name);
    withSqlErrors(() => this.database.dropTable(SCANNED_FILES_SCHEMA, name));
  }

  private load(name: string, ipc: Uint8Array): void {
    withSqlErrors(() =>
      this.database.insertArrowIpc({ schema: SCANNED_FILES_SCHEMA, name, create: true }, ipc),
    );
  }

  /** The files' versions, or null when they cannot be listed (the scan then says why). */
  private async versionOf(patterns: string[]): Promise<string | null> {
    try {
      const files = (await Promise.all(patterns.map((p) => this.platform.listDataFiles(p)))).flat();
      return files.length === 0 ? null : files.map((f) => `${f.name}@${f.version}`).join('\n');
    } catch {
      return null;
    }
  }
}

/** How a statement names a table of this schema. */
export function scannedTableSql(name: string): string {
  return `${SCANNED_FILES_SCHEMA}.${quoteIdentifier(name)}`;
}
