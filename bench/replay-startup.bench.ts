/**
 * Start-up of the kernel (issue 10, "Start-up"; docs/kernel.md, "Start-up"), each figure as a
 * ratio to its target and, given `--reference-cli PATH` (the built `dist/cli/quarry.js` of an
 * earlier commit), to that build measured in the same process, alternating with this one:
 *
 * a. kernel start in Node: in process (`Kernel.start`: until ready, and until it answered
 *    `1 + 1` and `%%sql select 42`), and `quarry run` of a one-cell notebook (the CLI's worker
 *    thread: process start → "Kernel ready", → the cell's line, → exit);
 * b. `quarry run samples/churn.ipynb`: wall time, the cells' own times, the overhead over them
 *    (target ≤ 10 %), and process start → the first cell's own work (target ≤ 1.5 s);
 * c. the app (`npm run build` first; skipped without it): page load → kernel status idle, in
 *    Chromium, a fresh browser context each run.
 *
 * A cell's "own time" is what it takes on a kernel that has everything loaded: the same cells
 * run in process on a warm kernel. The times `quarry run` prints include a cell's wait for what
 * it needs to start (its database, TypeScript, danfo.js), which is start-up, not the cell's work.
 * Run with `npx tsx bench/replay-startup.bench.ts [--reference-cli PATH]` after
 * `node build-cli.mjs` (bench/README.md).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseNotebook } from '../core/notebook/ipynb';
import type { CodeCell } from '../core/notebook/model';
import { createNodeKernelPlatform } from '../host/kernel/node-kernel-platform';
import { Kernel } from '../kernels/runtime/kernel';
import { ensureSampleData } from '../samples/generate-data';
import { formatMs, formatRatio, median, renderTable } from './stats';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLE = path.join(root, 'samples', 'churn.ipynb');
const CLI = path.join(root, 'dist', 'cli', 'quarry.js');
const RUNS = { tinyCli: 3, churn: 3, warmKernel: 5, app: 3 };
const TARGETS = { readyMs: 1000, firstCellMs: 1500, overhead: 0.1 };

type Row = {
  title: string;
  runs: number;
  median: number;
  /** What the target bounds and the figure in those units (ms, or a fraction for overheads). */
  target: { value: number; limit: number; label: string } | null;
  /** The same figure of the reference build, when one was given. */
  before: number | null;
  unit: 'ms' | 'fraction';
};

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function referenceCli(): string | null {
  const index = process.argv.indexOf('--reference-cli');
  if (index < 0) return null;
  const file = path.resolve(process.argv[index + 1] ?? '');
  if (!existsSync(file)) throw new Error(`--reference-cli ${file}: no such file`);
  return file;
}

// ------------------------------------------------------------ a. kernel start in process

type KernelStart = { readyMs: number; answerMs: number; sqlMs: number };

async function startInProcess(): Promise<KernelStart> {
  const started = performance.now();
  const kernel = await Kernel.start(createNodeKernelPlatform({ notebookDir: root }));
  const readyMs = performance.now() - started;
  const answer = await kernel.execute('1 + 1', { executionCount: 1 });
  const answerMs = performance.now() - started;
  const sql = await kernel.execute('%%sql\nselect 42', { executionCount: 2 });
  const sqlMs = performance.now() - started;
  if (answer.status !== 'done' || sql.status !== 'done') throw new Error('a start cell failed');
  kernel.dispose();
  return { readyMs, answerMs, sqlMs };
}

/** The cells' own times: the sample's code cells on a kernel that has loaded everything. */
async function ownCellTimes(): Promise<number[]> {
  const notebook = parseNotebook(readFileSync(SAMPLE, 'utf8'));
  const cells = notebook.cells.filter((c): c is CodeCell => c.cell_type === 'code');
  const pass = async () => {
    const kernel = await Kernel.start(
      createNodeKernelPlatform({ notebookDir: path.dirname(SAMPLE) }),
    );
    const times: number[] = [];
    for (const [index, cell] of cells.entries()) {
      const reply = await kernel.execute(cell.source, { executionCount: index + 1 });
      if (reply.status !== 'done') throw new Error(`sample cell ${index + 1} failed in process`);
      times.push(reply.durationMs);
    }
    kernel.dispose();
    return times;
  };
  await pass(); // loads everything
  const passes = [await pass(), await pass()];
  return cells.map((_, i) => median(passes.map((times) => times[i])));
}

// ------------------------------------------------------------ a, b. quarry run

type CliRun = {
  wallMs: number;
  readyMs: number;
  /** Each cell line: when it was printed (ms after spawn) and the duration it printed. */
  cells: { printedMs: number; durationMs: number }[];
};

const CELL_LINE = /^\s*cell\s+\d+\s+ok\s+([\d.]+) (ms|s)\s*$/;

function runCli(cli: string, notebook: string): Promise<CliRun> {
  const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'quarry-startup-')), 'out.ipynb');
  const started = performance.now();
  const child = spawn(process.execPath, [cli, 'run', notebook, '-o', out], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run: CliRun = { wallMs: 0, readyMs: NaN, cells: [] };
  let pending = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => {
    const at = performance.now() - started;
    pending += chunk.toString();
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      if (line.startsWith('Kernel ready')) run.readyMs = at;
      const cell = CELL_LINE.exec(line);
      if (cell) {
        const value = Number(cell[1]);
        run.cells.push({ printedMs: at, durationMs: cell[2] === 's' ? value * 1000 : value });
      }
    }
  });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => {
      run.wallMs = performance.now() - started;
      if (code !== 0) reject(new Error(`${cli} run ${notebook} exited ${code}: ${stderr}`));
      else resolve(run);
    });
  });
}

function tinyNotebook(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'quarry-startup-'));
  const file = path.join(dir, 'tiny.ipynb');
  const notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {
      kernelspec: {
        name: 'quarry-typescript',
        display_name: 'TypeScript (Quarry)',
        language: 'typescript',
      },
    },
    cells: [
      {
        cell_type: 'code',
        id: 'one',
        metadata: {},
        source: '1 + 1',
        outputs: [],
        execution_count: null,
      },
    ],
  };
  writeFileSync(file, JSON.stringify(notebook));
  return file;
}

/** `after` and `before` alternately (ABBA), `runs` each; `before` null: `after` only. */
async function alternating<T>(
  runs: number,
  after: () => Promise<T>,
  before: (() => Promise<T>) | null,
): Promise<{ after: T[]; before: T[] }> {
  const result = { after: [] as T[], before: [] as T[] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? ['after', 'before'] : ['before', 'after'];
    for (const side of order) {
      if (side === 'after') result.after.push(await after());
      else if (before) result.before.push(await before());
    }
  }
  return result;
}

// ------------------------------------------------------------ c. the app

async function appIdleTimes(runs: number): Promise<number[] | string> {
  if (!existsSync(path.join(root, 'dist', 'renderer', 'index.html'))) {
    return 'skipped: the app is not built (npm run build)';
  }
  const harness = await import('../test/e2e/app-harness');
  const workspace = harness.makeWorkspace();
  const server = await harness.startServer(
    path.join(workspace.dir, 'churn.ipynb'),
    workspace.stateDir,
  );
  const browser = await harness.launchBrowser();
  const times: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(server.url, { waitUntil: 'commit' });
      await harness.waitForKernel(page);
      times.push(performance.now() - started);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  return times;
}

// ------------------------------------------------------------ report

function figure(row: Row, value: number): string {
  return row.unit === 'ms' ? formatMs(value) : `${(100 * value).toFixed(1)} %`;
}

function report(rows: Row[], header: string, notes: string[]): void {
  console.log(header);
  console.log(
    renderTable(
      ['measurement', 'runs', 'median', 'target', '÷ target', 'before', 'after ÷ before'],
      rows.map((row) => [
        row.title,
        String(row.runs),
        figure(row, row.median),
        row.target?.label ?? '',
        row.target ? formatRatio(row.target.value / row.target.limit) : '',
        row.before === null ? '' : figure(row, row.before),
        row.before === null ? '' : formatRatio(row.median / row.before),
      ]),
      ['left', 'right', 'right', 'left', 'right', 'right', 'right'],
    ),
  );
  for (const note of notes) console.log(note);
  const targeted = rows.filter((row) => row.target);
  const over = targeted.filter((row) => row.target && row.target.value > row.target.limit);
  console.log(
    `bench: ${rows.length} measurements, ${targeted.length} with a target, ` +
      (over.length === 0
        ? 'all within target'
        : `${over.length} OVER: ${over.map((r) => r.title).join('; ')}`),
  );
}

async function main(): Promise<void> {
  const began = performance.now();
  const loadBefore = os.loadavg()[0];
  const reference = referenceCli();
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: node build-cli.mjs first`);
  await ensureSampleData();
  const rows: Row[] = [];
  const ms = (
    title: string,
    values: number[],
    target: number | null,
    before: number[] = [],
  ): Row => {
    const value = median(values);
    return {
      title,
      runs: values.length,
      median: value,
      target: target === null ? null : { value, limit: target, label: `≤ ${formatMs(target)}` },
      before: before.length > 0 ? median(before) : null,
      unit: 'ms',
    };
  };

  progress('a. kernel start in process (the first start is cold: nothing loaded yet)');
  const cold = await startInProcess();
  const warm: KernelStart[] = [];
  for (let i = 0; i < RUNS.warmKernel; i++) warm.push(await startInProcess());
  rows.push(ms('in process, cold: Kernel.start → ready', [cold.readyMs], TARGETS.readyMs));
  rows.push(ms('in process, cold: → `1 + 1` answered', [cold.answerMs], TARGETS.readyMs));
  rows.push(ms('in process, cold: → `%%sql select 42` answered', [cold.sqlMs], null));
  rows.push(
    ms(
      'in process, warm: → `%%sql select 42` answered',
      warm.map((s) => s.sqlMs),
      TARGETS.readyMs,
    ),
  );

  progress('a. quarry run of a one-cell notebook (the CLI and its kernel thread, cold)');
  const tiny = tinyNotebook();
  const tinyRuns = await alternating(
    RUNS.tinyCli,
    () => runCli(CLI, tiny),
    reference ? () => runCli(reference, tiny) : null,
  );
  const cellEnd = (run: CliRun) => run.cells[0]?.printedMs ?? NaN;
  rows.push(
    ms(
      'quarry run, 1 cell: spawn → "Kernel ready"',
      tinyRuns.after.map((r) => r.readyMs),
      TARGETS.readyMs,
      tinyRuns.before.map((r) => r.readyMs),
    ),
  );
  rows.push(
    ms(
      'quarry run, 1 cell: spawn → `1 + 1` answered',
      tinyRuns.after.map(cellEnd),
      TARGETS.readyMs,
      tinyRuns.before.map(cellEnd),
    ),
  );
  rows.push(
    ms(
      'quarry run, 1 cell: spawn → exit',
      tinyRuns.after.map((r) => r.wallMs),
      null,
      tinyRuns.before.map((r) => r.wallMs),
    ),
  );

  progress('b. the cells’ own times on a warm kernel in process');
  const own = await ownCellTimes();
  const ownSum = own.reduce((a, b) => a + b, 0);
  progress(
    `b. quarry run ${path.relative(root, SAMPLE)} (${RUNS.churn} runs${reference ? ' each side' : ''})`,
  );
  const churn = await alternating(
    RUNS.churn,
    () => runCli(CLI, SAMPLE),
    reference ? () => runCli(reference, SAMPLE) : null,
  );
  const overhead = (run: CliRun) => (run.wallMs - ownSum) / ownSum;
  // The first cell's own work began its own time before its line was printed.
  const firstWork = (run: CliRun) => (run.cells[0]?.printedMs ?? NaN) - own[0];
  const printedSum = (run: CliRun) => run.cells.reduce((sum, cell) => sum + cell.durationMs, 0);
  rows.push(
    ms(
      'quarry run churn: wall (spawn → exit)',
      churn.after.map((r) => r.wallMs),
      null,
      churn.before.map((r) => r.wallMs),
    ),
  );
  rows.push(
    ms(
      'quarry run churn: sum of the times it prints',
      churn.after.map(printedSum),
      null,
      churn.before.map(printedSum),
    ),
  );
  rows.push({
    title: 'quarry run churn: overhead over the cells’ own times',
    runs: churn.after.length,
    median: median(churn.after.map(overhead)),
    target: {
      value: median(churn.after.map(overhead)),
      limit: TARGETS.overhead,
      label: '≤ 10.0 %',
    },
    before: churn.before.length > 0 ? median(churn.before.map(overhead)) : null,
    unit: 'fraction',
  });
  rows.push(
    ms(
      'quarry run churn: spawn → first cell’s own work',
      churn.after.map(firstWork),
      TARGETS.firstCellMs,
      churn.before.map(firstWork),
    ),
  );

  progress('c. the app in Chromium: page load → kernel idle');
  const app = await appIdleTimes(RUNS.app);
  const notes = [
    `cells’ own times (warm kernel, in process): ${formatMs(ownSum)} for ${own.length} code cells`,
  ];
  if (typeof app === 'string') notes.push(`c. the app: ${app}`);
  else rows.push(ms('app: page load → "Kernel idle"', app, TARGETS.readyMs));

  const header = [
    `Quarry start-up bench: Node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs;`,
    `load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}; took ${((performance.now() - began) / 1000).toFixed(1)} s;`,
    reference
      ? `before = ${path.relative(root, reference)}, alternating with this build`
      : 'no --reference-cli: no before figures',
  ].join(' ');
  report(rows, header, notes);
}

await main();
