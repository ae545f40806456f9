/**
 * What the PostgreSQL sampler's tests share: a real server (postgres-server.ts) holding an
 * `events` table of `rows` rows, requests against it, pulls through the pipeline (pullSample)
 * into Parquet files of a temporary folder, and a DuckDB to read them with.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import type { JobProgress } from '../../core/jobs';
import type { SampleManifest } from '../../core/sample/manifest';
import type { SampleRequest } from '../../core/sample/request';
import { pullSample } from '../../host/sampler/pull-sample';
import { SampleError } from '../../host/sampler/sample-error';
import type { SourceOptions } from '../../host/sampler/sample-source';
import { startPostgresServer, type PostgresServer } from './postgres-server';

export type Pulled = {
  manifest: SampleManifest;
  file: string;
  rows: number;
  sha: string;
  query: string;
};

export type SamplingFixture = {
  server: PostgresServer;
  /** A client of its own, for setting up and checking the server. */
  admin: pg.Client;
  duck: DuckDBConnection;
  outDir: string;
  sourceOptions: SourceOptions;
  /** A request for 10,000 rows of `events` by hash, seed 42, with `overrides`. */
  request(overrides?: Partial<SampleRequest>): SampleRequest;
  pull(
    sample: SampleRequest,
    signal?: AbortSignal,
    onProgress?: (progress: JobProgress) => void,
  ): Promise<Pulled>;
  /** The SampleError a pull ends with (anything else fails the test). */
  failure(
    sample: SampleRequest,
    signal?: AbortSignal,
    onProgress?: (progress: JobProgress) => void,
  ): Promise<SampleError>;
  /** Rows of a DuckDB query over a pulled Parquet file (`FILE` in the SQL). */
  read(pulled: Pulled, sql: string): Promise<unknown[][]>;
  /** Whether the server logged a statement containing `fragment`. */
  logged(fragment: string): boolean;
  close(): Promise<void>;
};

/** The table `events` (see startSamplingFixture), with its primary key and planner statistics. */
export async function createEventsTable(admin: pg.Client, rows: number): Promise<void> {
  await admin.query(`CREATE TABLE events AS SELECT g AS id,
      CASE WHEN g % 50000 = 0 THEN 'rare' ELSE 'c' || (g % 4) END AS category,
      timestamptz '2024-01-01 00:00:00.123456+00' + g * interval '1 minute' AS at,
      ((g % 1000) / 4.0)::numeric(10, 2) AS amount,
      g * 0.37::float8 AS score,
      CASE WHEN g % 7 = 0 THEN NULL ELSE 'note ' || g END AS note
    FROM generate_series(1, ${rows}) g`);
  await admin.query('ALTER TABLE events ADD PRIMARY KEY (id)');
  await admin.query('VACUUM ANALYZE events');
}

/**
 * `events`: a primary key, four common categories and a rare one (every 50,000th row), a
 * timestamp with microseconds, exact numerics, doubles, text with nulls.
 */
export async function startSamplingFixture(rows: number): Promise<SamplingFixture> {
  const server = await startPostgresServer();
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  await createEventsTable(admin, rows);
  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  const outDir = await mkdtemp(path.join(tmpdir(), 'quarry-pg-samples-'));
  const sourceOptions: SourceOptions = { baseDir: '/', allowedRoot: null, env: {} };
  let pulls = 0;

  const pull: SamplingFixture['pull'] = async (
    sample,
    signal = new AbortController().signal,
    onProgress = () => undefined,
  ) => {
    const file = path.join(outDir, `sample-${pulls++}.parquet`);
    const manifest = await pullSample(sample, {
      ...sourceOptions,
      out: file,
      force: false,
      signal,
      onProgress,
    });
    const { actual } = manifest.rows;
    return { manifest, file, rows: actual, sha: manifest.sha256, query: manifest.query };
  };

  return {
    server,
    admin,
    duck,
    outDir,
    sourceOptions,
    request: (overrides = {}) => ({
      source: { kind: 'postgres', connection: server.url, table: 'events', query: null },
      method: 'hash',
      size: { kind: 'rows', rows: 10_000 },
      seed: 42,
      stratify: null,
      where: null,
      timeWindow: null,
      columns: null,
      threads: null,
      onError: 'fail',
      ...overrides,
    }),
    pull,
    async failure(sample, signal, onProgress) {
      const error: unknown = await pull(sample, signal, onProgress).then(
        () => new Error('the pull succeeded'),
        (caught: unknown) => caught,
      );
      if (!(error instanceof SampleError)) throw error;
      return error;
    },
    async read(pulled, sql) {
      const reader = await duck.runAndReadAll(sql.replace('FILE', `'${pulled.file}'`));
      return reader.getRowsJS();
    },
    logged: (fragment) =>
      server
        .readLog()
        .split('\n')
        .some((line) => line.includes('statement:') && line.includes(fragment)),
    async close() {
      await admin.end();
      duck.closeSync();
      await server.stop();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
