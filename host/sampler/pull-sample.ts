/**
 * Pulling a sample, the same for every engine (sample-source.ts): the request checked before
 * anything is read; the source described, planned and materialised into the table `sample_rows`
 * of the sampler's own DuckDB (bounded memory, spilling to a temporary folder); the sample
 * profiled and hashed there; then the Parquet file and its manifest written as temporary files
 * in the output folder and renamed into place, so a cancelled or failed pull leaves nothing
 * behind and an existing sample is replaced only by a complete one.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { version as quarryVersion } from '../../package.json';
import type { JobProgress } from '../../core/jobs';
import {
  manifestPathOf,
  SAMPLE_MANIFEST_VERSION,
  type SampleColumn,
  type SampleManifest,
} from '../../core/sample/manifest';
import type { SamplePreview } from '../../core/sample/preview';
import { sampleRequestProblem, type SampleRequest } from '../../core/sample/request';
import { contentHash } from './content-hash';
import { duckdbDialect } from './duckdb-dialect';
import { runTracked } from './duckdb-run';
import { profileTable } from './profile';
import { cancelledError, SampleError } from './sample-error';
import type {
  SamplePlan,
  SampleSource,
  SourceContext,
  SourceDescription,
  SourceOptions,
} from './sample-source';
import { duckdbVersion, openSamplerDuckDB } from './sampler-duckdb';
import { createSource } from './sources';
import { isInside } from '../workspace/workspace';

export type PullOptions = SourceOptions & {
  /** The sample's Parquet file: an absolute path ending in `.parquet`. */
  out: string;
  /** Replace an existing file. */
  force: boolean;
  signal: AbortSignal;
  onProgress(progress: JobProgress): void;
};

export type PreviewOptions = SourceOptions & { signal: AbortSignal; limit: number };

/** The table the sample's rows are materialised into, in the sampler's DuckDB. */
export const SAMPLE_TABLE = 'sample_rows';

export async function pullSample(
  request: SampleRequest,
  options: PullOptions,
): Promise<SampleManifest> {
  const started = Date.now();
  const { out, signal } = options;
  checkRequest(request);
  if (!path.isAbsolute(out) || !/\.parquet$/i.test(out))
    throw new SampleError(
      'bad-request',
      `the output must be an absolute path to a .parquet file, not ${out}`,
    );
  const outDir = path.dirname(out);
  if (options.allowedRoot !== null && !isInside(path.resolve(options.allowedRoot), out))
    throw new SampleError('bad-request', `${out} is outside the workspace`);
  if (!options.force && (await exists(out)))
    throw new SampleError('exists', `${out} exists; replace it with force (--force)`);
  await mkdir(outDir, { recursive: true });
  // DuckDB writes through the folder's real path: the one its allowed directories name.
  const realOutDir = await realpath(outDir);

  const context: SourceContext = { signal, onProgress: (p) => options.onProgress(p) };
  const stem = `.${path.basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}`;
  const tempParquet = path.join(realOutDir, `${stem}.tmp.parquet`);
  const tempManifest = path.join(realOutDir, `${stem}.manifest.tmp`);
  const spill = await mkdtemp(path.join(tmpdir(), 'quarry-sample-'));
  const allowed =
    options.allowedRoot === null
      ? null
      : [await realpath(path.resolve(options.allowedRoot)), realOutDir, await realpath(spill)];
  const duckdb = await openSamplerDuckDB({
    threads: request.threads,
    tempDirectory: spill,
    allowedDirectories: allowed,
  });
  const { connection } = duckdb;
  let source: SampleSource | null = null;
  try {
    source = createSource(request, { ...options, samplerDuckDB: connection });
    const description = await source.describe(context);
    const plan = await source.plan(description, context);
    const materialized = await source.materialize(
      plan,
      { connection, table: SAMPLE_TABLE, scratchDirectory: spill },
      context,
    );
    const sourceRows = materialized.sourceRows ?? description.rows;
    step(context, `profiling the sample and writing ${path.basename(out)}`);
    const schema = await schemaOf(connection, description);
    const order = schema
      .map((c) => `${duckdbDialect.quoteIdentifier(c.name)} ASC NULLS LAST`)
      .join(', ');
    // The profile, the hash and the file only read the sample: on connections of their own they
    // run side by side (a third of a 10k-row pull's time beyond the sampling scan, run in turn).
    const profiling = duckdb.connect().then((own) => profileTable(own, SAMPLE_TABLE, schema));
    const hashing = duckdb.connect().then((own) =>
      contentHash(
        own,
        SAMPLE_TABLE,
        schema.map((c) => c.name),
      ),
    );
    const writing = runTracked(
      connection,
      `COPY (SELECT * FROM ${SAMPLE_TABLE} ORDER BY ${order}) TO '${tempParquet.replace(/'/g, "''")}' (FORMAT parquet)`,
      context,
      `writing ${out}`,
    );
    // All three end before any failure is thrown: the database closes after this.
    await Promise.allSettled([profiling, hashing, writing]);
    const profile = await profiling;
    const sha256 = await hashing;
    await writing;
    const actual = Number(
      (await connection.runAndReadAll(`SELECT count(*) FROM ${SAMPLE_TABLE}`)).getRows()[0][0],
    );
    const manifest: SampleManifest = {
      manifestVersion: SAMPLE_MANIFEST_VERSION,
      file: path.basename(out),
      bytes: (await stat(tempParquet)).size,
      source: source.manifestSource,
      engine: source.engine,
      query: [
        ...plan.statements,
        ...(materialized.rerun === null ? [] : [materialized.rerun]),
      ].join(';\n'),
      method: request.method,
      seed: request.seed,
      size: request.size,
      stratify: request.stratify,
      filters: { where: request.where, timeWindow: request.timeWindow, columns: request.columns },
      rows: {
        requested: requestedRows(request, plan),
        actual,
        source: sourceRows?.count ?? null,
        sourceExact: sourceRows?.exact ?? false,
        skipped: materialized.skippedRows,
      },
      // Every stratum has its quota: a short sample was taken again with the complete statement.
      strata: plan.strata,
      schema,
      profile,
      sha256,
      versions: {
        quarry: quarryVersion,
        duckdb: await duckdbVersion(connection),
        [source.engine]: await source.engineVersion(context),
      },
      threads: request.threads ?? (await threadsOf(connection)),
      createdAt: new Date(started).toISOString(),
      durationMs: Date.now() - started,
    };
    await writeFile(tempManifest, `${JSON.stringify(manifest, null, 2)}\n`);
    if (signal.aborted) throw cancelledError();
    await rename(tempParquet, out);
    await rename(tempManifest, manifestPathOf(out));
    return manifest;
  } catch (error) {
    await rm(tempParquet, { force: true });
    await rm(tempManifest, { force: true });
    throw signal.aborted ? cancelledError() : error;
  } finally {
    await source?.close();
    duckdb.close();
    await rm(spill, { recursive: true, force: true });
  }
}

/** The source's first rows, its schema and row count, and the query a pull would send. */
export async function previewSample(
  request: SampleRequest,
  options: PreviewOptions,
): Promise<SamplePreview> {
  checkRequest(request);
  if (!(Number.isInteger(options.limit) && options.limit >= 0))
    throw new SampleError(
      'bad-request',
      `the preview's row limit must be a whole number from 0, not ${options.limit}`,
    );
  const source = createSource(request, options);
  const context: SourceContext = { signal: options.signal, onProgress: () => undefined };
  try {
    const description = await source.describe(context);
    const rows = await source.preview(options.limit, context);
    const plan = await source.plan(description, context);
    const columns =
      request.columns === null
        ? description.columns
        : request.columns.flatMap((name) => description.columns.filter((c) => c.name === name));
    return { columns, rows, sourceRows: description.rows, query: plan.statements.join(';\n') };
  } catch (error) {
    throw options.signal.aborted ? cancelledError() : error;
  } finally {
    await source.close();
  }
}

function checkRequest(request: SampleRequest): void {
  const problem = sampleRequestProblem(request);
  if (problem !== null) throw new SampleError('bad-request', problem);
}

function step(context: SourceContext, message: string): void {
  if (context.signal.aborted) throw cancelledError();
  context.onProgress({ done: 0, total: null, unit: 'rows', message });
}

/** The sample table's columns, with the source's nullability where the source knows it. */
async function schemaOf(
  connection: Parameters<typeof profileTable>[0],
  description: SourceDescription,
): Promise<SampleColumn[]> {
  const reader = await connection.runAndReadAll(`DESCRIBE ${SAMPLE_TABLE}`);
  return reader.getRows().map(([name, type]) => ({
    name: String(name),
    type: String(type),
    nullable: description.columns.find((c) => c.name === String(name))?.nullable ?? true,
  }));
}

function requestedRows(request: SampleRequest, plan: SamplePlan): number | null {
  if (request.stratify?.perStratum != null && plan.strata !== null)
    return plan.strata.reduce((sum, s) => sum + s.rows, 0);
  return request.size.kind === 'rows' ? request.size.rows : null;
}

async function threadsOf(connection: Parameters<typeof profileTable>[0]): Promise<number> {
  const reader = await connection.runAndReadAll("SELECT current_setting('threads')");
  return Number(reader.getRows()[0][0]);
}

async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch {
    return false;
  }
}
