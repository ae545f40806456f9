/**
 * Pulled samples as SQL views (docs/kernel.md, "Samples"). A sample is `samples/NAME.parquet` in
 * the workspace, written by the app's Pull sample dialog or `quarry sample` with its manifest
 * beside. Before a query runs, each name in it (outside strings and comments) that is a sample's
 * becomes the view `quarry_samples.NAME` over the sample's file, which the host scans in full
 * (scanned-files.ts).
 *
 * The views live in a schema of their own, which the kernel puts on DuckDB's search path after
 * `main`: a table or view the user makes is in `main`, so it wins by DuckDB's own name
 * resolution, before or after the sample's view was made, and neither gets in the other's way.
 * Asking the catalog instead would cost every query about 12 ms (`duckdb_views()` in this build).
 */
import { SAMPLES_FOLDER } from '../../core/sample/preview';
import { isSampleName } from '../../core/sample/request';
import type { DataFileVersion, KernelPlatform } from '../platform';
import { SCANNED_FILES_SCHEMA, scannedTableSql, type ScannedFiles } from './scanned-files';
import type { RewrittenSql } from './rewritten-sql';
import { quoteIdentifier, type SqlDatabase } from './sql-database';
import { SqlError, sqlErrorOf, withSqlErrors } from './sql-error';
import { tokenizeSql, type SqlToken } from './sql-tokens';

const SAMPLES_SCHEMA = 'quarry_samples';

const SAMPLE_FILES = `${SAMPLES_FOLDER}/*.parquet`;

/** A sample in the workspace: its name as its file spells it, and the file. */
type SampleFile = { name: string; file: DataFileVersion };

export class SampleViews {
  /**
   * The samples by lower-cased name (SQL names are case-insensitive). Listed at most once per
   * cell run: in the app a listing is a round trip to the host.
   */
  private listing: Promise<Map<string, SampleFile>> | null = null;
  /** The views made, by lower-cased name: the sample and version each was made for. */
  private readonly views = new Map<string, SampleFile>();
  /** DuckDB's reserved words (`select`, `from`): never a table's name unless quoted. */
  private reserved: Set<string> | null = null;

  constructor(
    private readonly database: SqlDatabase,
    private readonly platform: KernelPlatform,
    private readonly files: ScannedFiles,
    /** Told of each sample a query or `sample()` reads (for the run's seeds, run-seeds.ts). */
    private readonly onRead: (name: string, file: DataFileVersion) => Promise<void>,
  ) {}

  /** A cell run starts: its first query lists the samples again (one may have been pulled). */
  forgetListing(): void {
    this.listing = null;
  }

  /**
   * Makes the views of the samples `query` names. If the samples cannot be listed, the query
   * runs without them: it may name none, and `sample()` reports why.
   */
  async prepare(query: RewrittenSql): Promise<void> {
    const named = this.namesIn(query);
    if (named.length === 0) return;
    let samples: Map<string, SampleFile>;
    try {
      samples = await this.samples();
    } catch {
      return;
    }
    for (const [key, offset] of named) {
      const sample = samples.get(key);
      if (sample) {
        try {
          await this.makeView(sample);
          await this.onRead(sample.name, sample.file);
        } catch (thrown) {
          // A table or view of the user's by that name is what the query reads.
          if (this.isUsersName(key)) continue;
          const { name, message } = sqlErrorOf(thrown);
          const location = { query: query.source, offset: query.sourceOffset(offset) };
          throw new SqlError(name, `sample "${sample.name}": ${message}`, location);
        }
      } else if (this.views.has(key)) {
        this.dropView(key); // its file was deleted
      }
    }
  }

  /** The (lower-cased) names of samples that `query` names, for routing it (statement-route.ts). */
  async named(query: RewrittenSql): Promise<string[]> {
    const named = this.namesIn(query);
    if (named.length === 0) return [];
    try {
      const samples = await this.samples();
      return named.map(([key]) => key).filter((key) => samples.has(key));
    } catch {
      return [];
    }
  }

  /** The names `query` uses that could be a sample's, except those it creates itself. */
  private namesIn(query: RewrittenSql): [string, number][] {
    const tokens = tokenizeSql(query.text);
    const created = createdNames(tokens);
    // A table or view the query makes is the user's: it needs no sample (of that name) loaded.
    return [...namesIn(tokens, this.reservedWords())].filter(([key]) => !created.has(key));
  }

  /** The loaded table of sample `name`, for `sample()`; its view is made too. */
  async table(name: string): Promise<string> {
    let samples: Map<string, SampleFile>;
    try {
      samples = await this.samples();
    } catch (thrown) {
      const reason = thrown instanceof Error ? thrown.message : String(thrown);
      throw new Error(`cannot list the samples in ${SAMPLES_FOLDER}/: ${reason}`);
    }
    const sample = samples.get(name.toLowerCase());
    if (!sample) throw new Error(unknownSampleMessage(name, samples));
    await this.makeView(sample);
    await this.onRead(sample.name, sample.file);
    return scannedTableSql(sample.file.name);
  }

  private samples(): Promise<Map<string, SampleFile>> {
    this.listing ??= this.platform.listDataFiles(SAMPLE_FILES).then((files) => {
      const found = new Map<string, SampleFile>();
      for (const file of files) {
        const name = /([^/]+)\.parquet$/.exec(file.name)?.[1];
        if (isSampleName(name) && !found.has(name.toLowerCase())) {
          found.set(name.toLowerCase(), { name, file });
        }
      }
      return found;
    });
    return this.listing;
  }

  /**
   * Loads the sample and makes its view, unless one was made for this very file and version:
   * after a re-pull DuckDB would refuse the old view, whose columns changed under it.
   */
  private async makeView(sample: SampleFile): Promise<void> {
    const key = sample.name.toLowerCase();
    const made = this.views.get(key);
    // `Orders.parquet` replaced by `orders.parquet`: another file, so another loaded table.
    if (made && made.file.name !== sample.file.name) this.dropView(key);
    await this.files.sample(sample.file);
    if (made?.file.name === sample.file.name && made.file.version === sample.file.version) return;
    this.ensureSearchPath();
    withSqlErrors(() =>
      this.database.query(
        `create or replace view ${SAMPLES_SCHEMA}.${quoteIdentifier(sample.name)} as ` +
          `select * from ${scannedTableSql(sample.file.name)}`,
      ),
    );
    this.views.set(key, sample);
  }

  private dropView(key: string): void {
    const made = this.views.get(key);
    if (!made) return;
    this.views.delete(key);
    withSqlErrors(() =>
      this.database.query(`drop view if exists ${SAMPLES_SCHEMA}.${quoteIdentifier(made.name)}`),
    );
    this.files.unload(made.file.name);
  }

  /** Puts the samples' schema on the search path, after what is there (`main` by default). */
  private ensureSearchPath(): void {
    const current = withSqlErrors(() =>
      this.database.query("select current_setting('search_path') as path"),
    )
      .get(0)
      ?.toJSON().path;
    const path = typeof current === 'string' ? current : '';
    if (path.split(',').some((entry) => entry.trim().toLowerCase().endsWith(SAMPLES_SCHEMA))) {
      return;
    }
    const extended = `${path === '' ? 'main' : path},${SAMPLES_SCHEMA}`;
    withSqlErrors(() =>
      this.database.query(
        `create schema if not exists ${SAMPLES_SCHEMA}; ` +
          `set search_path = '${extended.replaceAll("'", "''")}'`,
      ),
    );
  }

  /** Whether a table or view outside the kernel's own schemas has this (lower-cased) name. */
  private isUsersName(key: string): boolean {
    const found = withSqlErrors(() =>
      this.database.queryWithParams(
        `select count(*)::INT as n from (
           select table_name as name, schema_name from duckdb_tables()
           union all select view_name, schema_name from duckdb_views() where not internal
         ) where lower(name) = $1 and schema_name not in ('${SCANNED_FILES_SCHEMA}', '${SAMPLES_SCHEMA}')`,
        [key],
      ),
    )
      .get(0)
      ?.toJSON().n;
    return typeof found === 'number' && found > 0;
  }

  private reservedWords(): Set<string> {
    this.reserved ??= new Set(
      withSqlErrors(() =>
        this.database.query(
          "select keyword_name from duckdb_keywords() where keyword_category = 'reserved'",
        ),
      )
        .toArray()
        .map((row) => String((row.toJSON() as { keyword_name: unknown }).keyword_name)),
    );
    return this.reserved;
  }
}

/** The names a query uses that could be a sample's, lower-cased, with where each first stands. */
function namesIn(tokens: SqlToken[], reserved: Set<string>): Map<string, number> {
  const names = new Map<string, number>();
  for (const token of tokens) {
    const key = token.value.toLowerCase();
    const isName = token.kind === 'identifier' || (token.kind === 'word' && !reserved.has(key));
    if (isName && isSampleName(token.value) && !names.has(key)) names.set(key, token.start);
  }
  return names;
}

const CREATE_MODIFIERS = new Set(['or', 'replace', 'temp', 'temporary']);

/** The names (lower-cased) that `create [or replace] [temp] table|view [if not exists] x` makes. */
function createdNames(tokens: SqlToken[]): Set<string> {
  const words = tokens.filter((t) => t.kind !== 'space' && t.kind !== 'comment');
  const keyword = (index: number) =>
    words[index]?.kind === 'word' ? words[index].value.toLowerCase() : '';
  const created = new Set<string>();
  for (let i = 0; i < words.length; i++) {
    if (keyword(i) !== 'create') continue;
    let j = i + 1;
    while (CREATE_MODIFIERS.has(keyword(j))) j++;
    if (keyword(j) !== 'table' && keyword(j) !== 'view') continue;
    j++;
    if (keyword(j) === 'if' && keyword(j + 1) === 'not' && keyword(j + 2) === 'exists') j += 3;
    while (words[j + 1]?.value === '.') j += 2; // schema.name: the name is the last part
    const name = words[j];
    if (name?.kind === 'word' || name?.kind === 'identifier') created.add(name.value.toLowerCase());
  }
  return created;
}

function unknownSampleMessage(name: string, samples: Map<string, SampleFile>): string {
  const there = [...samples.values()].map((s) => s.name).sort();
  return (
    `No sample "${name}" in ${SAMPLES_FOLDER}/: there are ${there.length > 0 ? there.join(', ') : 'none'}. ` +
    'Pull one with Pull sample or quarry sample.'
  );
}
