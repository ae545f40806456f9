/**
 * App benchmarks: the built app (`npm run build`) in browser mode, in Debian's Chromium, each
 * figure next to a reference measured in the same process (and, for 2–5, the same page). Nothing
 * asserts: the last line names the budgets met. Run with `npx tsx bench/app.bench.ts`
 * (bench/README.md explains the table).
 *
 * The code that runs inside the page is passed as strings: this project's TypeScript config has
 * no DOM library, and a string keeps the page's code out of the Node type check.
 */
import { readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { ensureSampleData } from '../samples/generate-data';
import {
  CHROMIUM,
  ROOT,
  launchBrowser,
  makeWorkspace,
  selectedCellNumber,
  startServer,
  KEY_DELAY_MS,
  typeInEditor,
  waitForKernel,
  type Server,
} from '../test/e2e/app-harness';
import { INSTALL_HELPERS } from './page-helpers';
import { formatMs, formatRatio, median, quantile, renderTable } from './stats';

type Row = {
  title: string;
  referenceTitle: string;
  runs: number;
  /** Figures of the app side and of the reference, in ms. */
  subject: { median: number; p95: number; max: number };
  reference: { median: number; p95: number; max: number };
  ratio: number;
  /** What the budget looks at, its limit and how it is described. */
  budget: { value: number; maxMs: number; label: string };
};

const COLD_RUNS = { warmup: 1, runs: 5 };
const CLICK_RUNS = { warmup: 3, runs: 30 };
const SCROLL_MS = 3000;
const SCROLL_PX_PER_FRAME = 120;
const BIG_QUERY =
  "%%sql\nselect range as i, range * 2 as j, 'row ' || range as s from range(100000)";

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

function stats(values: readonly number[]): { median: number; p95: number; max: number } {
  return { median: median(values), p95: quantile(values, 0.95), max: Math.max(...values) };
}

/** `subject` and `reference` alternately (ABBA), each pair timed back to back. */
async function interleaved(
  counts: { warmup: number; runs: number },
  subject: () => Promise<number>,
  reference: () => Promise<number>,
): Promise<{ subject: number[]; reference: number[]; ratios: number[] }> {
  const subjectTimes: number[] = [];
  const referenceTimes: number[] = [];
  for (let i = 0; i < counts.warmup + counts.runs; i++) {
    const subjectFirst = i % 4 === 0 || i % 4 === 3;
    const a = subjectFirst ? await subject() : await reference();
    const b = subjectFirst ? await reference() : await subject();
    if (i < counts.warmup) continue;
    subjectTimes.push(subjectFirst ? a : b);
    referenceTimes.push(subjectFirst ? b : a);
  }
  return {
    subject: subjectTimes,
    reference: referenceTimes,
    ratios: subjectTimes.map((t, i) => t / referenceTimes[i]),
  };
}

// ---------------------------------------------------------------- 1. cold start

/** The smallest file the server serves from dist/renderer/assets: the reference load. */
function smallestAsset(): string {
  const dir = path.join(ROOT, 'dist', 'renderer', 'assets');
  const files = readdirSync(dir)
    .filter((name) => name.endsWith('.js'))
    .map((name) => ({ name, size: statSync(path.join(dir, name)).size }))
    .sort((a, b) => a.size - b.size);
  if (files.length === 0) throw new Error('dist/renderer/assets has no .js file: npm run build');
  return files[0].name;
}

const INTERACTIVE = `(() => {
  const cell1 = document.querySelector('[role="region"][aria-label="Cell 1"]');
  if (!cell1) return false;
  const box = cell1.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return false;
  return document.querySelector('[role="region"][aria-label="Cell 2"] .monaco-editor') !== null;
})()`;

async function coldStart(browser: Browser, server: Server): Promise<Row> {
  progress('1/5 cold start to an interactive notebook (fresh context each run)');
  const asset = `${server.origin}/assets/${smallestAsset()}?token=${encodeURIComponent(server.token)}`;
  const app = async (): Promise<number> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(server.url, { waitUntil: 'commit' });
    await page.waitForFunction(INTERACTIVE, undefined, { polling: 'raf', timeout: 60_000 });
    const took = performance.now() - started;
    await context.close();
    return took;
  };
  const reference = async (): Promise<number> => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(asset, { waitUntil: 'load' });
    const took = performance.now() - started;
    await context.close();
    return took;
  };
  const times = await interleaved(COLD_RUNS, app, reference);
  const subject = stats(times.subject);
  return {
    title: 'cold start: goto → Cell 1 visible + Cell 2 editor',
    referenceTitle: 'goto of a small static .js, same server',
    runs: times.subject.length,
    subject,
    reference: stats(times.reference),
    ratio: median(times.ratios),
    budget: { value: subject.median, maxMs: 2000, label: 'median ≤ 2000 ms' },
  };
}

// ---------------------------------------------------------------- 2, 3. click to paint

function cellSelector(n: number): string {
  return `[role="region"][aria-label="Cell ${n}"]`;
}

/** Times a click on cell `n`'s Run button until a new execution count and `expected` are painted. */
function runCellToPaint(page: Page, n: number, expected: string): Promise<number> {
  return page.evaluate(`(() => {
    const cell = document.querySelector(${JSON.stringify(cellSelector(n))});
    const count = () => cell.querySelector('.cell-count')?.textContent ?? '';
    const before = count();
    const done = () => {
      const now = count();
      if (now === before || !/\\[\\s*\\d+\\s*\\]/.test(now)) return false;
      const output = document.querySelector('[role="region"][aria-label="Output of cell ${n}"]');
      return output !== null && output.textContent.includes(${JSON.stringify(expected)});
    };
    return window.__quarryBench.clickToPaint(${JSON.stringify(`${cellSelector(n)} button.cell-run`)}, done);
  })()`);
}

function refClickToPaint(page: Page): Promise<number> {
  return page.evaluate(`(() => {
    const expected = String(window.__quarryBench.refClicks() + 1);
    const text = document.getElementById('quarry-bench-ref-text');
    return window.__quarryBench.clickToPaint('#quarry-bench-ref', () => text.textContent === expected);
  })()`);
}

async function addCell(page: Page, kind: 'code' | 'SQL', source: string): Promise<number> {
  await page.getByRole('button', { name: `Add ${kind} cell` }).click();
  const n = await selectedCellNumber(page);
  await typeInEditor(page, n, source);
  // Leave the editor, so no completion list or cursor blink is part of what is timed.
  await page.keyboard.press('Escape');
  return n;
}

async function clickToPaint(
  page: Page,
  kind: 'code' | 'SQL',
  source: string,
  expected: string,
  maxMs: number,
): Promise<Row> {
  const n = await addCell(page, kind, source);
  const times = await interleaved(
    CLICK_RUNS,
    () => runCellToPaint(page, n, expected),
    () => refClickToPaint(page),
  );
  const subject = stats(times.subject);
  return {
    title: `click Run → painted: ${source.replace('\n', ' ')}`,
    referenceTitle: 'click → painted: injected button sets a text node',
    runs: times.subject.length,
    subject,
    reference: stats(times.reference),
    ratio: median(times.ratios),
    budget: { value: subject.median, maxMs, label: `median ≤ ${maxMs} ms` },
  };
}

// ---------------------------------------------------------------- 5. typed, then Ctrl+Enter

/** Types `i + 1` into cell `n` key by key, presses Ctrl+Enter at once, times Enter → painted. */
async function typedRunToPaint(page: Page, n: number, i: number): Promise<number> {
  await typeInEditor(page, n, `${i} + 1`);
  await page.evaluate(`(() => {
    const cell = document.querySelector(${JSON.stringify(cellSelector(n))});
    const count = () => cell.querySelector('.cell-count')?.textContent ?? '';
    const before = count();
    window.__quarryBench.armKey(() => {
      const now = count();
      if (now === before || !/\\[\\s*\\d+\\s*\\]/.test(now)) return false;
      const output = document.querySelector('[role="region"][aria-label="Output of cell ${n}"]');
      return output !== null && output.textContent.includes(${JSON.stringify(String(i + 1))});
    });
  })()`);
  await page.keyboard.press('ControlOrMeta+Enter');
  return page.evaluate('window.__quarryBench.pending');
}

/** The same keys into an injected input whose Enter sets a text node: the page's own floor. */
async function refTypedToPaint(page: Page, i: number): Promise<number> {
  await page.locator('#quarry-bench-ref-input').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(`${i} + 1`, { delay: KEY_DELAY_MS });
  await page.evaluate(`(() => {
    const expected = String(window.__quarryBench.refClicks() + 1);
    const text = document.getElementById('quarry-bench-ref-text');
    window.__quarryBench.armKey(() => text.textContent === expected);
  })()`);
  await page.keyboard.press('ControlOrMeta+Enter');
  return page.evaluate('window.__quarryBench.pending');
}

async function typedRunRow(page: Page, maxMs: number): Promise<Row> {
  const n = await addCell(page, 'code', '0 + 1');
  let i = 0;
  const times = await interleaved(
    CLICK_RUNS,
    () => typedRunToPaint(page, n, ++i),
    () => refTypedToPaint(page, ++i),
  );
  const subject = stats(times.subject);
  return {
    title: 'typed `i + 1`, Ctrl+Enter at once → painted',
    referenceTitle: 'typed into an input, Enter sets a text node → painted',
    runs: times.subject.length,
    subject,
    reference: stats(times.reference),
    ratio: median(times.ratios),
    budget: { value: subject.median, maxMs, label: `median ≤ ${maxMs} ms` },
  };
}

// ---------------------------------------------------------------- 4. scrolling a large table

type Frames = { deltas: number[]; scrolled: number; range: number };

async function scrollTable(page: Page): Promise<{ row: Row; note: string }> {
  progress('4/5 scrolling a 100,000-row SQL result');
  const n = await addCell(page, 'SQL', BIG_QUERY);
  await page.locator(`${cellSelector(n)} button.cell-run`).click();
  const scroller = `[role="region"][aria-label="Output of cell ${n}"] .qt-scroll`;
  await page.locator(scroller).waitFor({ timeout: 60_000 });
  await waitForKernel(page);
  await page.locator(scroller).scrollIntoViewIfNeeded();
  const footer = await page
    .locator(`[role="region"][aria-label="Output of cell ${n}"] .qt-footer`)
    .textContent();
  const measure = (selector: string | null): Promise<Frames> =>
    page.evaluate(
      `window.__quarryBench.frames(${SCROLL_MS}, ${JSON.stringify(selector)}, ${SCROLL_PX_PER_FRAME})`,
    );
  const scrolling: number[] = [];
  const idle: number[] = [];
  let scrolled = 0;
  let range = 0;
  // ABBA, one round each side: 4 × 3 s.
  for (const side of ['scroll', 'idle', 'idle', 'scroll'] as const) {
    const frames = await measure(side === 'scroll' ? scroller : null);
    (side === 'scroll' ? scrolling : idle).push(...frames.deltas);
    if (side === 'scroll') {
      scrolled += frames.scrolled;
      range = frames.range;
    }
  }
  const subject = stats(scrolling);
  const reference = stats(idle);
  return {
    row: {
      title: `scroll table ${SCROLL_PX_PER_FRAME} px/frame, frame time`,
      referenceTitle: 'rAF frame time, same page idle',
      runs: scrolling.length,
      subject,
      reference,
      ratio: subject.p95 / reference.p95,
      budget: { value: subject.p95, maxMs: 20, label: 'p95 ≤ 20 ms' },
    },
    note:
      `#4: cell ${n} \`${BIG_QUERY.replace('\n', ' ')}\`; table footer: "${footer?.trim() ?? '?'}" ` +
      `scrolled ${Math.round(scrolled).toLocaleString('en')} px ` +
      `in ${(2 * SCROLL_MS) / 1000} s, bouncing over a ${Math.round(range).toLocaleString('en')} px range`,
  };
}

// ---------------------------------------------------------------- report

function report(rows: Row[], header: string, notes: string[]): void {
  const lines: string[][] = [];
  rows.forEach((r, index) => {
    const ok = r.budget.value <= r.budget.maxMs;
    lines.push([
      String(index + 1),
      r.title,
      String(r.runs),
      formatMs(r.subject.median),
      formatMs(r.subject.p95),
      formatMs(r.subject.max),
      formatRatio(r.ratio),
      r.budget.label,
      ok ? 'ok' : 'OVER',
    ]);
    lines.push([
      '',
      `  ref: ${r.referenceTitle}`,
      String(r.runs),
      formatMs(r.reference.median),
      formatMs(r.reference.p95),
      formatMs(r.reference.max),
      '',
      '',
      '',
    ]);
  });
  console.log(header);
  console.log(
    'ratio = median of per-run (time ÷ ref time); for #4 (frames, not runs) p95 ÷ ref p95; runs of #4 = frames',
  );
  console.log('');
  console.log(
    renderTable(
      ['#', 'measurement', 'runs', 'median', 'p95', 'max', 'ratio', 'budget', 'result'],
      lines,
      ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
    ),
  );
  console.log('');
  for (const note of notes) console.log(note);
  const met = rows.flatMap((r, i) => (r.budget.value <= r.budget.maxMs ? [`#${i + 1}`] : []));
  const over = rows.flatMap((r, i) => (r.budget.value <= r.budget.maxMs ? [] : [`#${i + 1}`]));
  console.log(
    `bench: ${rows.length} measurements, budgets met: ${met.join(' ') || 'none'}` +
      (over.length > 0 ? `; OVER BUDGET: ${over.join(' ')}` : '; all within budget'),
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg()[0];
  await ensureSampleData();
  const workspace = makeWorkspace();
  const server = await startServer(path.join(workspace.dir, 'churn.ipynb'), workspace.stateDir);
  const browser = await launchBrowser();
  try {
    const rows: Row[] = [];
    rows.push(await coldStart(browser, server));

    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
    await page.goto(server.url);
    await page.getByRole('region', { name: 'Cell 1', exact: true }).waitFor({ timeout: 60_000 });
    await waitForKernel(page);
    await page.evaluate(INSTALL_HELPERS);
    progress('2/5 click-to-paint of `1 + 1`');
    rows.push(await clickToPaint(page, 'code', '1 + 1', '2', 30));
    progress('3/5 click-to-paint of `%%sql select 42`');
    rows.push(await clickToPaint(page, 'SQL', '%%sql\nselect 42', '42', 50));
    const scroll = await scrollTable(page);
    rows.push(scroll.row);
    progress('5/5 typed `i + 1`, Ctrl+Enter straight after typing → painted');
    rows.push(await typedRunRow(page, 30));

    const header =
      `Quarry app bench: Chromium ${browser.version()} (${CHROMIUM}, headless), Node ${process.version}, ` +
      `${os.platform()} ${os.arch()}, ${os.cpus().length} CPUs; load average ` +
      `${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)}; took ${((performance.now() - started) / 1000).toFixed(1)} s`;
    report(rows, header, [scroll.note]);
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
