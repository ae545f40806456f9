/**
 * What running the kernel of `quarry run` in a worker thread costs: the bundled sample notebook
 * (samples/churn.ipynb) run through `runNotebook` (kernel in a worker thread, as `quarry run`
 * does now) and, in the same process and alternating with it, through the kernel called in
 * process (as `quarry run` did before: start, execute each code cell, dispose). Prints the
 * ratios; nothing asserts. Run with `npx tsx bench/cli-run.bench.ts` (bench/README.md).
 *
 * The in-process side loads TF.js, danfo.js and DuckDB-WASM's modules once per process, so only
 * its first run (a warm-up) starts cold as `quarry run` did; the thread side starts cold every
 * time, as `quarry run` does. The start figures therefore compare a cold start with a warm one;
 * the cells figures compare like with like.
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFile } from 'node:fs/promises';
import { parseNotebook } from '../core/notebook/ipynb';
import type { CodeCell } from '../core/notebook/model';
import { createNodeKernelPlatform } from '../host/kernel/node-kernel-platform';
import { runNotebook } from '../host/replay/run-notebook';
import { Kernel } from '../kernels/runtime/kernel';
import { ensureSampleData } from '../samples/generate-data';
import { formatMs, formatRatio, interleaved, median, renderTable, summarize } from './stats';

const RUNS = { warmup: 1, runs: 4 };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const samplePath = path.join(root, 'samples', 'churn.ipynb');

type Phases = { startMs: number; cellsMs: number };

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function freshNotebook() {
  return parseNotebook(await readFile(samplePath, 'utf8'));
}

/** `quarry run`'s way now: runNotebook, the kernel in a worker thread. */
async function inThread(phases: Phases[]): Promise<number> {
  const notebook = await freshNotebook();
  const started = performance.now();
  let ready = started;
  let cellsMs = 0;
  let cellStarted = 0;
  const result = await runNotebook(notebook, {
    notebookDir: path.dirname(samplePath),
    heapLimitMb: 4096,
    lateOutputGraceMs: 2000,
    onKernelReady: () => (ready = performance.now()),
    onCellStart: () => (cellStarted = performance.now()),
    onCellEnd: () => (cellsMs += performance.now() - cellStarted),
  });
  if (result.status !== 'done')
    throw new Error(`the sample failed in the thread: ${result.status}`);
  phases.push({ startMs: ready - started, cellsMs });
  return performance.now() - started;
}

/** `quarry run`'s way before: the kernel in the command's own thread. */
async function inProcess(phases: Phases[]): Promise<number> {
  const notebook = await freshNotebook();
  const started = performance.now();
  const kernel = await Kernel.start(
    createNodeKernelPlatform({ notebookDir: path.dirname(samplePath) }),
  );
  const ready = performance.now();
  let executionCount = 0;
  const code = notebook.cells.filter((c): c is CodeCell => c.cell_type === 'code');
  for (const cell of code) {
    const reply = await kernel.execute(cell.source, { executionCount: ++executionCount });
    if (reply.status !== 'done') throw new Error(`the sample failed in process at ${cell.id}`);
    cell.outputs = reply.outputs;
  }
  const cellsMs = performance.now() - ready;
  kernel.dispose();
  phases.push({ startMs: ready - started, cellsMs });
  return performance.now() - started;
}

await ensureSampleData();
const loadBefore = os.loadavg()[0];
const began = performance.now();
const thread: Phases[] = [];
const inline: Phases[] = [];
let pair = 0;
const total = await interleaved(
  RUNS,
  () => inThread(thread),
  () => inProcess(inline),
  () => progress(`run ${++pair} of ${2 * (RUNS.warmup + RUNS.runs)}`),
);
// The in-process side's first run (a warm-up) is the only one that starts cold, as `quarry run` did.
const coldInProcess = inline[0];
const counted = (phases: Phases[], key: keyof Phases) =>
  summarize(phases.slice(RUNS.warmup).map((p) => p[key]));
const rows = [
  ['whole run (start, cells, stop)', total.subject, total.reference, total.ratio],
  ...(['startMs', 'cellsMs'] as const).map((key) => {
    const subject = counted(thread, key);
    const reference = counted(inline, key);
    const title = key === 'startMs' ? 'kernel start (until ready)' : 'cells (13 code cells)';
    return [title, subject, reference, subject.median / reference.median] as const;
  }),
] as const;

console.log(
  [
    `Quarry CLI run bench: ${path.relative(root, samplePath)}, Node ${process.version}, ${os.platform()} ${os.arch()},`,
    `${os.cpus().length} CPUs; load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)};`,
    `took ${((performance.now() - began) / 1000).toFixed(1)} s; ${RUNS.runs} runs each after ${RUNS.warmup} warm-up, alternating`,
  ].join(' '),
);
console.log(
  renderTable(
    ['measurement', 'thread median', 'p95', 'in-process median', 'p95', 'ratio'],
    rows.map(([title, subject, reference, ratio]) => [
      title,
      formatMs(subject.median),
      formatMs(subject.p95),
      formatMs(reference.median),
      formatMs(reference.p95),
      formatRatio(ratio),
    ]),
    ['left', 'right', 'right', 'right', 'right', 'right'],
  ),
);
console.log(
  'ratio: whole run, the median of per-pair ratios; start and cells, thread median ÷ in-process median',
);
const threadMedian = (key: keyof Phases) => median(thread.slice(RUNS.warmup).map((p) => p[key]));
console.log(
  `in-process first run (cold, as each quarry run was): start ${formatMs(coldInProcess.startMs)}, cells ${formatMs(coldInProcess.cellsMs)}; thread median ÷ that: start ${formatRatio(threadMedian('startMs') / coldInProcess.startMs)}, cells ${formatRatio(threadMedian('cellsMs') / coldInProcess.cellsMs)}`,
);
