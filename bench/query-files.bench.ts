/**
 * Queries over files through the kernel against bare native DuckDB (issue 9: ≤ 1.25× native
 * time; peak memory ≤ 300 MB above an idle kernel). In one process, alternating (ABBA): the
 * kernel on the Node platform running `%%sql` cells over `events.parquet` and `events.csv` in
 * its notebook folder, and a plain @duckdb/node-api instance running the same statements: the
 * first query on a fresh kernel / instance, then a warm group-by and a filtered count. Memory is
 * measured for each side in a process of its own (query-files-memory.ts). Prints the figures;
 * nothing asserts. Run with `npx tsx bench/query-files.bench.ts` (bench/README.md);
 * QUARRY_BENCH_ROWS (default 10,000,000) and QUARRY_BENCH_RUNS (timed warm runs, default 7)
 * make quick runs. The data is generated once (query-files-data.ts).
 */
import { createReadStream } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import {
  ensureQueryBenchData,
  FILE_FORMATS,
  FILE_NAMES,
  FIRST_QUERY,
  WARM_QUERIES,
  type BenchQuery,
  type FileFormat,
} from './query-files-data';
import { measurePeak, type PeakResult } from './query-files-memory';
import { formatMb } from './query-files-rss';
import { openSide, type QuerySide, type SideKind } from './query-files-sides';
import { formatMs, formatRatio, interleaved, renderTable, type Paired } from './stats';

const ROWS = positiveEnv('QUARRY_BENCH_ROWS', 10_000_000);
/** Each first-query run opens a fresh kernel (seconds) and a fresh instance. */
const FIRST_RUNS = { warmup: 1, runs: 3 };
const WARM_RUNS = { warmup: 1, runs: positiveEnv('QUARRY_BENCH_RUNS', 7) };
const MAX_RATIO = 1.25;
const MAX_PEAK_ABOVE_IDLE = 300 * 1024 * 1024;

function positiveEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) {
    throw new Error(`${name} must be a positive whole number, not ${JSON.stringify(text)}`);
  }
  return value;
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

/** Reads a file once so that both sides find it in the page cache. */
async function readThrough(file: string): Promise<void> {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  await pipeline(createReadStream(file), sink);
}

/** The engines the kernel said ran its cells, for the header. */
const kernelEngines = new Set<string>();

/** Times one statement on `side`, noting the kernel's engine. */
async function timed(kind: SideKind, side: QuerySide, query: BenchQuery, format: FileFormat) {
  const started = performance.now();
  const engine = await side.run(query, FILE_NAMES[format]);
  const elapsed = performance.now() - started;
  if (kind === 'kernel') kernelEngines.add(engine);
  return elapsed;
}

type Timing = Paired & { format: FileFormat; query: string };

/** The first query, each run on a side opened for it (only the query is timed). */
async function firstQuery(dataDir: string, format: FileFormat): Promise<Timing> {
  const onFresh = (kind: SideKind) => async () => {
    const side = await openSide(kind, dataDir);
    try {
      return await timed(kind, side, FIRST_QUERY, format);
    } finally {
      await side.close();
    }
  };
  let run = 0;
  const paired = await interleaved(FIRST_RUNS, onFresh('kernel'), onFresh('native'), () =>
    progress(
      `${format} ${FIRST_QUERY.name}: run ${++run} of ${2 * (FIRST_RUNS.warmup + FIRST_RUNS.runs)}`,
    ),
  );
  return { ...paired, format, query: FIRST_QUERY.name };
}

/** A warm query on sides that already ran the first query over the file. */
async function warmQuery(
  sides: Record<SideKind, QuerySide>,
  format: FileFormat,
  query: BenchQuery,
): Promise<Timing> {
  const on = (kind: SideKind) => () => timed(kind, sides[kind], query, format);
  let run = 0;
  const paired = await interleaved(WARM_RUNS, on('kernel'), on('native'), () =>
    progress(`${format} ${query.name}: run ${++run} of ${2 * (WARM_RUNS.warmup + WARM_RUNS.runs)}`),
  );
  return { ...paired, format, query: query.name };
}

async function timings(dataDir: string): Promise<Timing[]> {
  const results: Timing[] = [];
  for (const format of FILE_FORMATS) {
    results.push(await firstQuery(dataDir, format));
    const sides = {
      kernel: await openSide('kernel', dataDir),
      native: await openSide('native', dataDir),
    };
    await sides.kernel.run(FIRST_QUERY, FILE_NAMES[format]);
    await sides.native.run(FIRST_QUERY, FILE_NAMES[format]);
    for (const query of WARM_QUERIES) results.push(await warmQuery(sides, format, query));
    await sides.kernel.close();
    await sides.native.close();
  }
  return results;
}

function peakAboveIdle(result: PeakResult): number {
  return Math.max(...FILE_FORMATS.map((format) => result.peakBytes[format])) - result.idleBytes;
}

function report(
  timingResults: Timing[],
  memory: Record<SideKind, PeakResult>,
  header: string,
): void {
  const overTime = timingResults.filter((t) => t.ratio > MAX_RATIO);
  const kernelPeak = peakAboveIdle(memory.kernel);
  console.log(header);
  console.log('');
  console.log(
    renderTable(
      ['format', 'query', 'runs', 'kernel', 'p95', 'native', 'p95', 'ratio', 'target', 'result'],
      timingResults.map((t) => [
        t.format,
        t.query,
        String(t.subject.runs),
        formatMs(t.subject.median),
        formatMs(t.subject.p95),
        formatMs(t.reference.median),
        formatMs(t.reference.p95),
        formatRatio(t.ratio),
        `≤ ${formatRatio(MAX_RATIO)}`,
        t.ratio <= MAX_RATIO ? 'ok' : 'OVER',
      ]),
      ['left', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  );
  console.log('ratio: the median of per-pair ratios (kernel ÷ native, run back to back)');
  console.log('');
  const sideNames: Record<SideKind, string> = {
    kernel: 'kernel (+ host engine)',
    native: 'bare native DuckDB',
  };
  console.log(
    renderTable(
      [
        'process',
        'idle RSS',
        ...FILE_FORMATS.map((f) => `peak, ${f}`),
        'peak − idle',
        'target',
        'result',
      ],
      (['kernel', 'native'] as const).map((kind) => {
        const above = peakAboveIdle(memory[kind]);
        const budgeted = kind === 'kernel';
        return [
          sideNames[kind],
          formatMb(memory[kind].idleBytes),
          ...FILE_FORMATS.map((format) => formatMb(memory[kind].peakBytes[format])),
          formatMb(above),
          budgeted ? `≤ ${formatMb(MAX_PEAK_ABOVE_IDLE)}` : '—',
          budgeted ? (above <= MAX_PEAK_ABOVE_IDLE ? 'ok' : 'OVER') : 'info',
        ];
      }),
      ['left', 'right', 'right', 'right', 'right', 'right', 'left'],
    ),
  );
  console.log('RSS of a process of its own per side, sampled every 20 ms during the same queries');
  console.log('');
  const over = [
    ...overTime.map((t) => `${t.format} ${t.query} ${formatRatio(t.ratio)}`),
    ...(kernelPeak > MAX_PEAK_ABOVE_IDLE ? [`kernel peak ${formatMb(kernelPeak)} above idle`] : []),
  ];
  console.log(
    over.length === 0
      ? `bench: ${timingResults.length} timings and the kernel's peak memory, all within target`
      : `bench: OVER TARGET: ${over.join('; ')}`,
  );
}

async function main(): Promise<void> {
  const began = performance.now();
  const loadBefore = os.loadavg()[0];
  const dataDir = await ensureQueryBenchData(ROWS, progress);
  for (const format of FILE_FORMATS) await readThrough(path.join(dataDir, FILE_NAMES[format]));
  progress('memory: the kernel in a process of its own');
  const kernelMemory = await measurePeak('kernel', dataDir);
  progress('memory: bare native DuckDB in a process of its own');
  const nativeMemory = await measurePeak('native', dataDir);
  const timingResults = await timings(dataDir);
  const header = [
    `Quarry query-files bench: ${ROWS.toLocaleString('en-US')} rows (${dataDir});`,
    `Node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs;`,
    `load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)};`,
    `took ${((performance.now() - began) / 1000).toFixed(1)} s;`,
    `the kernel's SQL ran on: ${[...kernelEngines].join(', ')};`,
    `first query: ${FIRST_RUNS.runs} runs after ${FIRST_RUNS.warmup} warm-up, warm: ${WARM_RUNS.runs} after ${WARM_RUNS.warmup}`,
  ].join(' ');
  report(timingResults, { kernel: kernelMemory, native: nativeMemory }, header);
}

main().then(
  // The kernel's libraries keep timers alive; exit 0 whatever the figures are.
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
