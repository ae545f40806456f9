/**
 * Kernel benchmarks: each figure is measured through the kernel and, in the same process, against
 * a reference that does the same work without the kernel layer. Machines are noisy, so nothing
 * here asserts absolute times except the issue's overhead targets, and every figure is printed
 * next to its reference. Run with `npm run bench` (bench/README.md explains the table).
 */
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as arrow from 'apache-arrow';
import { MIME, type Output } from '../core/outputs';
import { createNodeKernelPlatform } from '../host/kernel/node-kernel-platform';
import type { DanfoModule } from '../kernels/platform';
import { Kernel } from '../kernels/runtime/kernel';
import type { SqlDatabase } from '../kernels/sql/sql-database';
import { exposeGc } from './gc';
import { formatMs, formatRatio, interleaved, renderTable, type Paired } from './stats';

/** Where a figure must land to count as within budget (the targets of the issue). */
type Budget =
  | { kind: 'median'; maxMs: number }
  | { kind: 'overhead'; maxMs: number }
  | { kind: 'ratio'; max: number };

type Measurement = Paired & {
  title: string;
  referenceTitle: string;
  budget: Budget | null;
};

const ROWS = 1_000_000;
const QUICK_RUNS = { warmup: 30, runs: 300 };
const AGGREGATE_RUNS = { warmup: 5, runs: 40 };
const FRAME_RUNS = { warmup: 1, runs: 3 };

// 1M rows × 10 columns, from arithmetic only, so the kernel's database and the direct one hold
// identical data: 4 integer, 2 double, 4 string columns (low, medium and high cardinality).
const CREATE_EVENTS = `create or replace table events as
select
  range::integer as id,
  (range % 1000)::integer as user_id,
  ((range * 7919) % 100003)::double / 100 as amount,
  ((range * 104729) % 10007)::double / 1000 as score,
  (range % 7)::integer as weekday,
  (range % 24)::integer as hour,
  ['free', 'pro', 'team', 'enterprise'][(range % 4) + 1] as plan,
  'country_' || (range % 50)::varchar as country,
  'device_' || ((range * 31) % 997)::varchar as device,
  'user_' || range::varchar as name
from range(${ROWS})`;

const AGGREGATE = `select user_id % 100 as g, count(*) as n, avg(amount) as avg_amount, sum(amount) as total
from events group by 1 order by 1`;

const gc = exposeGc();

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function time(work: () => unknown): Promise<number> {
  const started = performance.now();
  await work();
  return performance.now() - started;
}

class BenchKernel {
  private executionCount = 0;
  constructor(private readonly kernel: Kernel) {}

  /** Runs a cell and returns its outputs; a cell error stops the bench with the kernel's message. */
  async run(code: string): Promise<Output[]> {
    const reply = await this.kernel.execute(code, { executionCount: ++this.executionCount });
    if (reply.status !== 'done') {
      const error = reply.outputs.find((output) => output.output_type === 'error');
      const message = error ? `${error.ename}: ${error.evalue}` : 'unknown error';
      throw new Error(`cell failed: ${code.split('\n')[0]}… → ${message}`);
    }
    return reply.outputs;
  }

  /** Runs a cell whose final value is a number and returns that number. */
  async runNumber(code: string): Promise<number> {
    const outputs = await this.run(code);
    const result = outputs.find((output) => output.output_type === 'execute_result');
    const text = result?.data[MIME.text];
    const value = typeof text === 'string' ? Number(text) : Number.NaN;
    if (!Number.isFinite(value)) throw new Error(`cell returned ${String(text)}, not a number`);
    return value;
  }
}

async function measureTsCell(kernel: BenchKernel): Promise<Measurement> {
  progress('1/4 trivial TypeScript cell');
  const code = '1 + 1';
  const paired = await interleaved(
    QUICK_RUNS,
    () => time(() => kernel.run(code)),
    // The same code, evaluated and run as an async function: what a cell costs without a kernel.
    () => time(() => ((0, eval)(`(async () => ${code})`) as () => Promise<number>)()),
  );
  return {
    ...paired,
    title: 'kernel.execute `1 + 1`',
    referenceTitle: 'eval + call of the same code',
    budget: { kind: 'median', maxMs: 5 },
  };
}

async function measureSqlCell(kernel: BenchKernel, database: SqlDatabase): Promise<Measurement> {
  progress('2/4 trivial SQL cell');
  const paired = await interleaved(
    QUICK_RUNS,
    () => time(() => kernel.run('%%sql\nselect 42')),
    () => time(() => database.query('select 42')),
  );
  return {
    ...paired,
    title: 'kernel.execute `%%sql select 42`',
    referenceTitle: 'DuckDB-WASM query() directly',
    budget: { kind: 'overhead', maxMs: 5 },
  };
}

async function measureAggregate(kernel: BenchKernel, database: SqlDatabase): Promise<Measurement> {
  progress(`3/4 ${ROWS.toLocaleString('en')}-row aggregate`);
  const paired = await interleaved(
    AGGREGATE_RUNS,
    () => time(() => kernel.run(`%%sql\n${AGGREGATE}`)),
    () => time(() => database.query(AGGREGATE)),
  );
  return {
    ...paired,
    title: `kernel %%sql group-by over ${ROWS / 1e6}M rows`,
    referenceTitle: 'same query, DuckDB-WASM directly',
    budget: { kind: 'ratio', max: 1.1 },
  };
}

async function measureToDataFrame(
  kernel: BenchKernel,
  database: SqlDatabase,
  dfd: DanfoModule,
): Promise<Measurement> {
  progress(`4/4 Arrow → danfo DataFrame, ${ROWS / 1e6}M rows × 10 columns (slow)`);
  await kernel.run('%%sql frame_source\nselect * from events');
  // Timed inside the cell, so only the conversion counts, not the cell around it.
  const inKernel = () =>
    kernel.runNumber(
      '(() => { const t0 = performance.now(); frame_source.toDataFrame(); return performance.now() - t0; })()',
    );

  // The floor danfo itself imposes: the same columns as plain arrays, built before timing.
  const table: arrow.Table = database.query('select * from events');
  const columns: Record<string, unknown[]> = {};
  for (const field of table.schema.fields) {
    const vector = table.getChild(field.name);
    if (!vector) throw new Error(`no column ${field.name}`);
    columns[field.name] = Array.from(vector as Iterable<unknown>);
  }
  const fromArrays = () => time(() => new dfd.DataFrame(columns));

  const paired = await interleaved(FRAME_RUNS, inKernel, fromArrays, gc);
  await kernel.run('frame_source = undefined');
  return {
    ...paired,
    title: 'SqlResult.toDataFrame() 1M × 10',
    referenceTitle: 'new dfd.DataFrame(plain arrays)',
    budget: null,
  };
}

function describeBudget(budget: Budget | null): string {
  if (!budget) return '—';
  switch (budget.kind) {
    case 'median':
      return `median ≤ ${budget.maxMs} ms`;
    case 'overhead':
      return `overhead ≤ ${budget.maxMs} ms`;
    case 'ratio':
      return `ratio ≤ ${budget.max.toFixed(2)}×`;
  }
}

function withinBudget(m: Measurement): boolean | null {
  const budget = m.budget;
  if (!budget) return null;
  switch (budget.kind) {
    case 'median':
      return m.subject.median <= budget.maxMs;
    case 'overhead':
      return m.overhead <= budget.maxMs;
    case 'ratio':
      return m.ratio <= budget.max;
  }
}

function report(measurements: Measurement[], header: string): void {
  const rows: string[][] = [];
  measurements.forEach((m, index) => {
    const verdict = withinBudget(m);
    rows.push([
      String(index + 1),
      m.title,
      String(m.subject.runs),
      formatMs(m.subject.median),
      formatMs(m.subject.p95),
      formatRatio(m.ratio),
      formatMs(m.overhead),
      describeBudget(m.budget),
      verdict === null ? 'info' : verdict ? 'ok' : 'OVER',
    ]);
    rows.push([
      '',
      `  ref: ${m.referenceTitle}`,
      String(m.reference.runs),
      formatMs(m.reference.median),
      formatMs(m.reference.p95),
      '',
      '',
      '',
      '',
    ]);
  });
  const table = renderTable(
    ['#', 'measurement', 'runs', 'median', 'p95', 'ratio', 'overhead', 'budget', 'result'],
    rows,
    ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
  );
  const budgeted = measurements.filter((m) => m.budget !== null);
  const over = measurements.filter((m) => withinBudget(m) === false);
  const summary =
    over.length === 0
      ? `bench: ${measurements.length} measurements, ${budgeted.length} with a budget, all within budget`
      : `bench: ${measurements.length} measurements, ${over.length} of ${budgeted.length} OVER BUDGET: ${over
          .map((m) => `#${measurements.indexOf(m) + 1} ${m.title}`)
          .join('; ')}`;
  console.log(header);
  console.log(
    'ratio = median of per-run (time ÷ ref time); overhead = median of per-run (time − ref time)',
  );
  console.log('');
  console.log(table);
  console.log('');
  console.log(summary);
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg()[0];
  const notebookDir = path.dirname(fileURLToPath(import.meta.url));
  const platform = createNodeKernelPlatform({ notebookDir });
  progress('starting the kernel and a second DuckDB-WASM database');
  const kernelInstance = await Kernel.start(platform);
  const kernel = new BenchKernel(kernelInstance);
  const database = await platform.openDatabase();
  const dfd = await platform.loadDanfo();

  progress(`creating events (${ROWS.toLocaleString('en')} rows × 10 columns) in both databases`);
  await kernel.run(`%%sql\n${CREATE_EVENTS}`);
  database.query(CREATE_EVENTS);

  const measurements = [
    await measureTsCell(kernel),
    await measureSqlCell(kernel, database),
    await measureAggregate(kernel, database),
    await measureToDataFrame(kernel, database, dfd),
  ];

  kernelInstance.dispose();
  database.close();
  const header = [
    `Quarry kernel bench: Node ${process.version}, ${process.platform} ${process.arch},`,
    `${os.cpus().length} CPUs, ${kernelInstance.info.sqlEngine}, TF.js ${kernelInstance.info.tfBackend};`,
    `load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)};`,
    `took ${((performance.now() - started) / 1000).toFixed(1)} s`,
  ].join(' ');
  report(measurements, header);
}

main().then(
  // Exit code 0 whatever the figures are: the summary line says which are over budget.
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
