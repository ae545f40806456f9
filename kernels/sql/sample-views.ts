/**
 * Pulled samples as SQL views (docs/kernel.md, "Samples"). A sample is `samples/NAME.parquet` in
 * the workspace, written by the app's Pull sample dialog or `quarry sample` with its manifest
 * beside. Before a query runs, each name in it (outside strings and comments) that is a sample's
 * becomes the view `NAME` over the sample's loaded table (file-loader.ts: this DuckDB-WASM build
 * has no Parquet reader), unless a table or view the user made has that name: the user's wins.
 *
 * The kernel marks its views with a comment that holds the file's version. That tells them from
 * the user's (a `create or replace view` of the user's carries no comment) and says when to make
 * one again: after a re-pull, DuckDB refuses a view whose columns changed under it.
 */
import { SAMPLES_FOLDER } from '../../core/sample/preview';
import { isSampleName } from '../../core/sample/request';
import type { DataFileVersion, KernelPlatform } from '../platform';
import type { FileLoader } from './file-loader';
import { LOADED_FILES_SCHEMA, loadedTableName } from './loaded-formats';
import type { RewrittenSql } from './rewritten-sql';
import { quoteIdentifier, type SqlDatabase } from './sql-database';
import { SqlError, sqlErrorOf, withSqlErrors } from './sql-error';
import { tokenizeSql, type SqlToken } from './sql-tokens';

const SAMPLE_FILES = `${SAMPLES_FOLDER}/*.parquet`;
const VIEW_MARK = 'quarry sample ';

/** A sample in the workspace: its name as its file spells it, and the file. */
type SampleFile = { name: string; file: DataFileVersion };

/** What the catalog holds under a name: the user's table or view, or a view of the kernel's. */
type CatalogEntry = { kind: 'users' } | { kind: 'sample-view'; name: string; comment: string };

/** Every table and view but the kernel's loaded files and DuckDB's own. */
const CATALOG_QUERY = `
  select table_name as name, comment, false as is_view from duckdb_tables()
    where not internal and schema_name <> '${LOADED_FILES_SCHEMA}'
  union all
  select view_name, comment, true from duckdb_views() where not internal`;

export class SampleViews {
  /**
   * The samples by lower-cased name (SQL names are case-insensitive). Listed at most once per
   * cell run: in the app a listing is a round trip to the host.
   */
  private listing: Promise<Map<string, SampleFile>> | null = null;
  /** DuckDB's reserved words (`select`, `from`): never a table's name unless quoted. */
  private reserved: Set<string> | null = null;

  constructor(
    private readonly database: SqlDatabase,
    private readonly platform: KernelPlatform,
    private readonly files: FileLoader,
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
    const tokens = tokenizeSql(query.text);
    const created = createdNames(tokens);
    const used = [...namesIn(tokens, this.reservedWords())].filter(([key]) => !created.has(key));
    if (created.size === 0 && used.length === 0) return;
    const catalog = this.catalog();
    // A table or view the query makes is the user's: a view of the kernel's gives way to it.
    for (const key of created) {
      const entry = catalog.get(key);
      if (entry?.kind === 'sample-view') this.dropView(entry.name);
    }
    const named = used.filter(([key]) => catalog.get(key)?.kind !== 'users');
    if (named.length === 0) return;
    let samples: Map<string, SampleFile>;
    try {
      samples = await this.samples();
    } catch {
      return;
    }
    for (const [key, offset] of named) {
      const sample = samples.get(key);
      const entry = catalog.get(key);
      if (sample) {
        try {
          await this.makeView(sample, entry);
        } catch (thrown) {
          const { name, message } = sqlErrorOf(thrown);
          const location = { query: query.source, offset: query.sourceOffset(offset) };
          throw new SqlError(name, `sample "${sample.name}": ${message}`, location);
        }
      } else if (entry?.kind === 'sample-view') {
        // Its file was deleted.
        this.dropView(entry.name);
        this.files.unload(loadedTableName([`${SAMPLES_FOLDER}/${entry.name}.parquet`]));
      }
    }
  }

  /**
   * The loaded table of sample `name`, for `sample()`; its view is made too, unless the user has
   * a table or view of that name.
   */
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
    await this.makeView(sample, this.catalog().get(name.toLowerCase()));
    return `${LOADED_FILES_SCHEMA}.${quoteIdentifier(loadedTableName([sample.file.name]))}`;
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

  /** Loads the sample and (re)makes its view when it has none, or one of an older version. */
  private async makeView(sample: SampleFile, entry: CatalogEntry | undefined): Promise<void> {
    const table = loadedTableName([sample.file.name]);
    await this.files.loadFiles(table, [sample.file]);
    if (entry?.kind === 'users') return;
    const comment = `${VIEW_MARK}${sample.file.name}@${sample.file.version}`;
    if (entry?.comment === comment) return;
    const view = quoteIdentifier(sample.name);
    withSqlErrors(() =>
      this.database.query(
        `create or replace view ${view} as select * from ${LOADED_FILES_SCHEMA}.${quoteIdentifier(table)};
         comment on view ${view} is '${comment.replaceAll("'", "''")}'`,
      ),
    );
  }

  private dropView(name: string): void {
    withSqlErrors(() => this.database.query(`drop view if exists ${quoteIdentifier(name)}`));
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

  /** The catalog by lower-cased name; a user's table or view wins over a view of the kernel's. */
  private catalog(): Map<string, CatalogEntry> {
    const entries = new Map<string, CatalogEntry>();
    for (const row of withSqlErrors(() => this.database.query(CATALOG_QUERY)).toArray()) {
      const { name, comment, is_view } = row.toJSON() as {
        name: string;
        comment: string | null;
        is_view: boolean;
      };
      const key = name.toLowerCase();
      if (is_view && comment?.startsWith(VIEW_MARK)) {
        if (!entries.has(key)) entries.set(key, { kind: 'sample-view', name, comment });
      } else entries.set(key, { kind: 'users' });
    }
    return entries;
  }
}

/** The names a query uses that could be a sample's, lower-cased, with where each first stands. */
function namesIn(tokens: SqlToken[], reserved: Set<string>): Map<string, number> {
  const names = new Map<string, number>();
  for (const token of tokens) {
    const key = token.value.toLowerCase();
    const isName = token.kind === 'identifier' || (token.kind === 'word' && !reserved.has(key));
    if (isName && isSampleName(token.value)) {
      if (!names.has(key)) names.set(key, token.start);
    }
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
