/**
 * What `quarry sample` costs over the bare DuckDB query doing the same sampling (issue 8: target
 * ≤ 1.25×): 10,000 rows by seeded hash out of a 10M-row Parquet set and out of a 10M-row CSV,
 * through the command's function in process (arguments, pullSample: describe, plan, sample,
 * profile, content hash, Parquet and manifest through a temporary file) and, alternating with
 * it in the same process, through `COPY (SELECT … ORDER BY hash(…) LIMIT 10000) TO …` on a plain
 * @duckdb/node-api connection with the same threads. Prints the figures; nothing asserts.
 * Run with `npx tsx bench/sample-files.bench.ts` (bench/README.md).
 * The data is generated once (sample-bench-data.ts).
 */
import { mkdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { sampleCommand } from '../cli/commands/sample';
import { BENCH_COLUMNS, ensureSampleBenchData } from './sample-bench-data';
import { formatMs, formatRatio, interleaved, renderTable, type Paired } from './stats';

const ROWS = 10_000_000;
const SAMPLE_ROWS = 10_000;
const SEED = 42;
const THREADS = os.cpus().length;
const RUNS = { warmup: 1, runs: 4 };

const outDir = path.join(os.tmpdir(), `quarry-sample-bench-out-${process.pid}`);
function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

type Source = { name: string; from: string; read: string };

const data = await ensureSampleBenchData(ROWS, progress);
const sources: Source[] = [
  {
    name: `Parquet set (${data.parquetFiles} files)`,
    from: data.parquetGlob,
    read: `read_parquet('${data.parquetGlob}')`,
  },
  { name: 'CSV', from: data.csvFile, read: `read_csv('${data.csvFile}')` },
];

const discard = { out: () => undefined, err: (line: string) => progress(`quarry: ${line}`) };

/** `quarry sample` through its command function; the output replaced each run (--force). */
async function viaQuarry(source: Source): Promise<number> {
  const out = path.join(outDir, 'quarry.parquet');
  const argv = ['--from', source.from, '--rows', String(SAMPLE_ROWS), '--seed', String(SEED)];
  argv.push('--threads', String(THREADS), '--out', out, '--force', '--quiet');
  const started = performance.now();
  const code = await sampleCommand(argv, discard, {
    cwd: outDir,
    env: process.env,
    progress: { write: () => undefined, tty: false, now: () => Date.now() },
  });
  if (code !== 0) throw new Error(`quarry sample exited ${code} on ${source.name}`);
  return performance.now() - started;
}

/** The same sample by the bare query: rows ranked by a seeded hash of every column. */
async function viaDuckDb(source: Source): Promise<number> {
  const out = path.join(outDir, 'duckdb.parquet');
  const started = performance.now();
  const instance = await DuckDBInstance.create(':memory:', { threads: String(THREADS) });
  const connection = await instance.connect();
  const columns = BENCH_COLUMNS.map((name) => `"${name}"`).join(', ');
  await connection.run(
    `COPY (SELECT * FROM ${source.read} ORDER BY hash(${SEED}, ${columns}) LIMIT ${SAMPLE_ROWS}) TO '${out}' (FORMAT parquet)`,
  );
  connection.closeSync();
  instance.closeSync();
  return performance.now() - started;
}

await mkdir(outDir, { recursive: true });
const loadBefore = os.loadavg()[0];
const began = performance.now();
const results: [Source, Paired][] = [];
for (const source of sources) {
  let run = 0;
  const paired = await interleaved(
    RUNS,
    () => viaQuarry(source),
    () => viaDuckDb(source),
    () => progress(`${source.name}: run ${++run} of ${2 * (RUNS.warmup + RUNS.runs)}`),
  );
  results.push([source, paired]);
}
await rm(outDir, { recursive: true, force: true });

console.log(
  [
    `Quarry sample bench: ${SAMPLE_ROWS.toLocaleString('en-US')} of ${ROWS.toLocaleString('en-US')} rows by hash, seed ${SEED}, ${THREADS} DuckDB threads;`,
    `Node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs; load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)};`,
    `took ${((performance.now() - began) / 1000).toFixed(1)} s; ${RUNS.runs} runs each after ${RUNS.warmup} warm-up, alternating`,
  ].join(' '),
);
console.log(
  renderTable(
    ['source', 'quarry sample', 'p95', 'bare DuckDB', 'p95', 'ratio', 'target', 'result'],
    results.map(([source, { subject, reference, ratio }]) => [
      source.name,
      formatMs(subject.median),
      formatMs(subject.p95),
      formatMs(reference.median),
      formatMs(reference.p95),
      formatRatio(ratio),
      '≤ 1.25×',
      ratio <= 1.25 ? 'ok' : 'OVER',
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
  ),
);
console.log('ratio: the median of per-pair ratios (quarry sample ÷ bare DuckDB, run back to back)');
