/**
 * What `quarry diff` costs on two 100-cell notebooks whose cells show 10,000-row tables (issue
 * 10: target ≤ 1 s for the whole command). Two pairs of files are generated:
 *
 * - `quarry`: as Quarry saves them: each table keeps its first 500 rows and the total
 *   (core/table-resource.ts, FILE_TABLE_ROWS), so the diff compares the rows the files hold;
 * - `full`: every 10,000 rows in each file, as another tool may write them (the worst case).
 *
 * The current notebook differs from the baseline in every float by a relative 1e-13 (inside the
 * default tolerance, so each value takes the numeric path rather than `===`), and in 10 cells by
 * real changes (1% of the amounts, a printed line, a chart's points). Timed, alternating ABBA
 * with a reference: `diffNotebooks` on the parsed notebooks (reference: JSON.parse of the two
 * texts, the floor of reading them), and the built command `node bin/quarry.js diff A B`
 * (reference: `node bin/quarry.js --version`, the command's start alone). Prints the medians,
 * p95s, ratios and each figure against the 1 s target. Nothing asserts.
 * Run: `node build-cli.mjs && npx tsx bench/notebook-diff.bench.ts` (bench/README.md).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_TOLERANCE, diffNotebooks } from '../core/notebook/diff';
import { parseNotebook, serializeNotebook } from '../core/notebook/ipynb';
import { createNotebook, type Cell } from '../core/notebook/model';
import { MIME, type Output } from '../core/outputs';
import { FILE_TABLE_ROWS } from '../core/table-resource';
import { formatMs, formatRatio, interleaved, renderTable, type Paired } from './stats';

const CELLS = 100;
const TABLE_ROWS = 10_000;
const CHANGED_CELLS = 10;
const TARGET_MS = 1000;
const RUNS = { warmup: 2, runs: Number(process.env.QUARRY_BENCH_RUNS ?? 10) };
/** The full files take seconds a run: fewer runs. */
const FULL_RUNS = { warmup: 1, runs: 3 };
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const quarry = path.join(root, 'bin', 'quarry.js');

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

const PLANS = ['basic', 'plus', 'pro', 'team'];

/** Cell `c`'s table of `held` of TABLE_ROWS rows; `changed` moves 1% of its amounts. */
function tableOutput(c: number, held: number, perturb: boolean, changed: boolean): Output {
  const data = Array.from({ length: held }, (_, i) => {
    const amount = ((i * 7919 + c * 104729) % 100_000) / 100 + 0.123;
    const moved = changed && i % 100 === 7 ? amount * 1.05 : amount;
    return {
      id: i + 1,
      plan: PLANS[(i + c) % PLANS.length],
      amount: perturb ? moved * (1 + 1e-13) : moved,
      churned: (i + c) % 5 === 0,
      signup: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    };
  });
  return {
    output_type: 'execute_result',
    execution_count: c + 1,
    metadata: {},
    data: {
      [MIME.table]: {
        schema: {
          fields: [
            { name: 'id', type: 'integer' },
            { name: 'plan', type: 'string' },
            { name: 'amount', type: 'number' },
            { name: 'churned', type: 'boolean' },
            { name: 'signup', type: 'date' },
          ],
        },
        data,
        quarry: {
          total_rows: TABLE_ROWS,
          source_types: ['Int32', 'Utf8', 'Float64', 'Bool', 'Date32<DAY>'],
        },
      },
      [MIME.text]: `id  plan  amount  churned  signup\n[${TABLE_ROWS} rows × 5 columns]`,
    },
  };
}

function chartOutput(c: number, changed: boolean): Output {
  const x = Array.from({ length: 1000 }, (_, i) => i);
  const y = x.map((i) => Math.sin(i / 50 + c) * 100 + (changed && i === 500 ? 1 : 0));
  return {
    output_type: 'display_data',
    metadata: {},
    data: {
      [MIME.plotly]: {
        data: [{ type: 'scatter', mode: 'lines', x, y }],
        layout: { title: { text: `cell ${c}` } },
      },
      [MIME.text]: '<Figure: 1 trace>',
    },
  };
}

function benchNotebook(held: number, current: boolean): string {
  const cells: Cell[] = Array.from({ length: CELLS }, (_, c) => {
    const changed = current && c % (CELLS / CHANGED_CELLS) === 3;
    const outputs: Output[] = [
      { output_type: 'stream', name: 'stdout', text: `cell ${c}: ${changed ? 11 : 10} batches\n` },
      tableOutput(c, held, current, changed),
      ...(c % 10 === 0 ? [chartOutput(c, changed)] : []),
    ];
    return {
      cell_type: 'code',
      id: `cell-${c}`,
      source: `%%sql\nselect * from t${c}`,
      metadata: {},
      outputs,
      executionCount: c + 1,
      extra: {},
    };
  });
  return serializeNotebook(createNotebook(cells));
}

function runCommand(args: string[]): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [quarry, ...args], { maxBuffer: 64 * 1024 * 1024 }, (error) => {
      const code = (error as { code?: unknown } | null)?.code ?? 0;
      // `quarry diff` exits 1 when the notebooks differ, as these do.
      if (code !== 0 && code !== 1) reject(error ?? new Error(`exit ${String(code)}`));
      else resolve(performance.now() - started);
    });
  });
}

type Row = { title: string; paired: Paired; reference: string };

async function benchPair(kind: 'quarry' | 'full', dir: string): Promise<Row[]> {
  const held = kind === 'quarry' ? FILE_TABLE_ROWS : TABLE_ROWS;
  const baselineFile = path.join(dir, `${kind}-baseline.ipynb`);
  const currentFile = path.join(dir, `${kind}-current.ipynb`);
  await writeFile(baselineFile, benchNotebook(held, false));
  await writeFile(currentFile, benchNotebook(held, true));
  const texts = await Promise.all([readFile(baselineFile, 'utf8'), readFile(currentFile, 'utf8')]);
  const [baseline, current] = texts.map(parseNotebook);
  const check = diffNotebooks(baseline, current, DEFAULT_TOLERANCE);
  if (check.cellsDiffering !== CHANGED_CELLS)
    throw new Error(`expected ${CHANGED_CELLS} differing cells, found ${check.cellsDiffering}`);
  const mb = (texts[0].length / 1_048_576).toFixed(1);
  progress(`${kind}: two ${mb} MB notebooks, ${held} rows held of ${TABLE_ROWS} per table`);
  const timed = (work: () => void) => async () => {
    const started = performance.now();
    work();
    return performance.now() - started;
  };
  const runs = kind === 'quarry' ? RUNS : FULL_RUNS;
  const inMemory = await interleaved(
    runs,
    timed(() => diffNotebooks(baseline, current, DEFAULT_TOLERANCE)),
    timed(() => texts.forEach((t) => JSON.parse(t))),
  );
  progress(`${kind}: diffNotebooks done`);
  const command = await interleaved(
    runs,
    () => runCommand(['diff', baselineFile, currentFile]),
    () => runCommand(['--version']),
  );
  progress(`${kind}: quarry diff done`);
  return [
    {
      title: `${kind} (${mb} MB each): diffNotebooks`,
      paired: inMemory,
      reference: 'JSON.parse ×2',
    },
    {
      title: `${kind} (${mb} MB each): quarry diff A B`,
      paired: command,
      reference: 'quarry --version',
    },
  ];
}

if (!existsSync(path.join(root, 'dist', 'cli', 'quarry.js')))
  throw new Error('the CLI is not built: run "node build-cli.mjs" first');
const loadBefore = os.loadavg()[0];
const began = performance.now();
const dir = await mkdtemp(path.join(os.tmpdir(), 'quarry-diff-bench-'));
let rows: Row[];
try {
  rows = [...(await benchPair('quarry', dir)), ...(await benchPair('full', dir))];
} finally {
  await rm(dir, { recursive: true, force: true });
}

console.log(
  [
    `Quarry notebook diff bench: ${CELLS} cells × a ${TABLE_ROWS.toLocaleString('en-US')}-row table, ${CHANGED_CELLS} cells changed;`,
    `Node ${process.version}, ${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs;`,
    `load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}; took ${((performance.now() - began) / 1000).toFixed(1)} s;`,
    `runs after warm-up, alternating with the reference: quarry ${RUNS.runs} + ${RUNS.warmup}, full ${FULL_RUNS.runs} + ${FULL_RUNS.warmup}`,
  ].join(' '),
);
console.log(
  renderTable(
    ['measurement', 'median', 'p95', 'reference', 'ref median', 'ratio', '÷ target 1 s', 'result'],
    rows.map(({ title, paired, reference }) => [
      title,
      formatMs(paired.subject.median),
      formatMs(paired.subject.p95),
      reference,
      formatMs(paired.reference.median),
      formatRatio(paired.ratio),
      formatRatio(paired.subject.median / TARGET_MS),
      paired.subject.median <= TARGET_MS ? 'ok' : 'OVER',
    ]),
    ['left', 'right', 'right', 'left', 'right', 'right', 'right', 'left'],
  ),
);
const over = rows.filter((r) => r.paired.subject.median > TARGET_MS).map((r) => r.title);
console.log(
  `bench: ${rows.length} measurements, target median ≤ 1 s: ${over.length === 0 ? 'all within' : `OVER: ${over.join('; ')}`}`,
);
