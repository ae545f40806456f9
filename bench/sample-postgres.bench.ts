/**
 * What pulling an exact-N sample from PostgreSQL costs against the obvious way to do it, on the
 * same server through the same client library (bench/README.md, "The PostgreSQL sample
 * bench"). A real server (test/support/postgres-server.ts) holds a 1M-row table; each side
 * connects, takes 10,000 rows and appends them to a native DuckDB table:
 *
 * - subject: the PostgreSQL source (describe, plan, materialise) by `hash` and by `reservoir`;
 * - reference: `SELECT * FROM events ORDER BY random() LIMIT 10000` (not reproducible).
 *
 * Sides alternate ABBA and each pair gives a ratio; the medians are printed. Nothing asserts.
 * Run with `npx tsx bench/sample-postgres.bench.ts` (about a minute).
 */
import os from 'node:os';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import pg from 'pg';
import type { SampleMethod, SampleRequest } from '../core/sample/request';
import { createPostgresSource } from '../host/sampler/postgres-source';
import { startPostgresServer, type PostgresServer } from '../test/support/postgres-server';
import { createEventsTable } from '../test/support/postgres-sampling';
import { formatMs, formatRatio, interleaved, renderTable, type Paired } from './stats';

const TABLE_ROWS = 1_000_000;
const SAMPLE_ROWS = 10_000;
const RUNS = { warmup: 1, runs: 7 };

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

let tables = 0;
const nextTable = (): string => `t${tables++}`;

/** The source's whole pull: connect, describe, plan, stream into DuckDB. */
async function sourcePull(
  server: PostgresServer,
  duck: DuckDBConnection,
  method: SampleMethod,
): Promise<number> {
  const request: SampleRequest = {
    source: { kind: 'postgres', connection: server.url, table: 'events', query: null },
    method,
    size: { kind: 'rows', rows: SAMPLE_ROWS },
    seed: 42,
    stratify: null,
    where: null,
    timeWindow: null,
    columns: null,
    threads: null,
    onError: 'fail',
  };
  const started = performance.now();
  const source = createPostgresSource(request, { baseDir: '/', allowedRoot: null, env: {} });
  const context = { signal: new AbortController().signal, onProgress: () => undefined };
  const table = nextTable();
  try {
    const plan = await source.plan(await source.describe(context), context);
    await source.materialize(
      plan,
      { connection: duck, table, scratchDirectory: os.tmpdir() },
      context,
    );
  } finally {
    await source.close();
  }
  const elapsed = performance.now() - started;
  await duck.run(`DROP TABLE ${table}`);
  return elapsed;
}

/** The reference: ORDER BY random() through pg, the rows appended to DuckDB the same way. */
async function randomPull(server: PostgresServer, duck: DuckDBConnection): Promise<number> {
  const started = performance.now();
  const client = new pg.Client({
    connectionString: server.url,
    types: { getTypeParser: () => (value: string) => value },
  });
  await client.connect();
  const table = nextTable();
  try {
    const result = await client.query<(string | null)[]>({
      text: `SELECT * FROM events ORDER BY random() LIMIT ${SAMPLE_ROWS}`,
      rowMode: 'array',
    });
    await duck.run(
      `CREATE TABLE ${table} (id INTEGER, category VARCHAR, "at" TIMESTAMPTZ, amount DECIMAL(10, 2), score DOUBLE, note VARCHAR)`,
    );
    const appender = await duck.createAppender(table);
    for (const row of result.rows) {
      for (const value of row) {
        if (value === null) appender.appendNull();
        else appender.appendVarchar(value);
      }
      appender.endRow();
    }
    appender.flushSync();
    appender.closeSync();
  } finally {
    await client.end();
  }
  const elapsed = performance.now() - started;
  await duck.run(`DROP TABLE ${table}`);
  return elapsed;
}

const began = performance.now();
const loadBefore = os.loadavg()[0];
progress('starting PostgreSQL');
const server = await startPostgresServer();
try {
  const admin = new pg.Client({ connectionString: server.url });
  await admin.connect();
  progress(`making a ${TABLE_ROWS.toLocaleString('en')}-row table`);
  await createEventsTable(admin, TABLE_ROWS);
  await admin.end();

  const instance = await DuckDBInstance.create(':memory:');
  const duck = await instance.connect();
  const results: { title: string; paired: Paired }[] = [];
  for (const method of ['hash', 'reservoir'] as const) {
    progress(
      `${method}: ${RUNS.warmup} warm-up + ${RUNS.runs} runs, alternating with ORDER BY random()`,
    );
    const paired = await interleaved(
      RUNS,
      () => sourcePull(server, duck, method),
      () => randomPull(server, duck),
    );
    results.push({ title: `exact ${SAMPLE_ROWS.toLocaleString('en')} rows by ${method}`, paired });
  }
  duck.closeSync();

  console.log(
    [
      `Quarry PostgreSQL sample bench: PostgreSQL ${server.version}, ${TABLE_ROWS.toLocaleString('en')}-row table,`,
      `Node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs;`,
      `load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)};`,
      `took ${((performance.now() - began) / 1000).toFixed(1)} s; ${RUNS.runs} runs each after ${RUNS.warmup} warm-up, ABBA`,
    ].join(' '),
  );
  console.log(
    renderTable(
      ['measurement', 'median', 'p95', 'ref median', 'ref p95', 'ratio'],
      results.map(({ title, paired }) => [
        title,
        formatMs(paired.subject.median),
        formatMs(paired.subject.p95),
        formatMs(paired.reference.median),
        formatMs(paired.reference.p95),
        formatRatio(paired.ratio),
      ]),
      ['left', 'right', 'right', 'right', 'right', 'right'],
    ),
  );
  console.log(
    `ref: SELECT * FROM events ORDER BY random() LIMIT ${SAMPLE_ROWS} through pg into DuckDB; ratio: median of per-pair ratios (target: well under 1)`,
  );
} finally {
  await server.stop();
}
