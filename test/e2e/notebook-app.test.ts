/**
 * The app in browser mode, in Debian's Chromium, as a data scientist uses it (issue: "The app").
 * Needs `npm run build` (CLI and renderer) and /usr/bin/chromium (.ci/run installs it).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSampleData } from '../../samples/generate-data';
import {
  CHROMIUM,
  launchBrowser,
  makeWorkspace,
  openApp,
  screenshot,
  selectedCellNumber,
  startServer,
  typeInEditor,
  waitForKernel,
  type Server,
} from './app-harness';

const available = existsSync(CHROMIUM);
let browser: Browser;
let server: Server;
let page: Page;
let workspace: { dir: string; stateDir: string };

const cell = (n: number) => page.getByRole('region', { name: `Cell ${n}`, exact: true });
const output = (n: number) =>
  page.getByRole('region', { name: `Output of cell ${n}`, exact: true });
/** What a person reads: Monaco renders spaces as no-break spaces. */
const visibleText = async (locator: Locator) =>
  (await locator.textContent())?.replaceAll('\u00a0', ' ') ?? '';
const cellCount = () => page.getByRole('region', { name: /^Cell \d+$/ }).count();

async function addCodeCell(source: string): Promise<number> {
  await page.getByRole('button', { name: 'Add code cell' }).click();
  const n = await selectedCellNumber(page);
  await typeInEditor(page, n, source);
  return n;
}

async function runCell(n: number): Promise<void> {
  await cell(n).getByRole('button', { name: 'Run cell' }).click();
  await cell(n)
    .getByLabel('Cell status')
    .filter({ hasText: /^(done|error|interrupted)/ })
    .waitFor({ timeout: 60_000 });
}

describe.skipIf(!available)('notebook app in browser mode (Chromium)', () => {
  beforeAll(async () => {
    await ensureSampleData();
    workspace = makeWorkspace();
    server = await startServer(path.join(workspace.dir, 'churn.ipynb'), workspace.stateDir);
    browser = await launchBrowser();
    page = await openApp(browser, server.url);
    await waitForKernel(page);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the sample notebook and runs all: tables and a chart appear', async () => {
    await page.getByRole('button', { name: 'Run all', exact: true }).click();
    const total = await cellCount();
    await page
      .getByRole('status', { name: 'Kernel status' })
      .filter({ hasText: /idle/ })
      .waitFor({ timeout: 120_000 });
    await expect
      .poll(() => page.locator('.cell-status-done').count(), { timeout: 120_000 })
      .toBeGreaterThan(5);
    expect(await page.locator('.cell-status-error').count()).toBe(0);
    await expect.poll(() => page.getByRole('table').count()).toBeGreaterThan(0);
    await expect
      .poll(() => page.locator('.js-plotly-plot').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(total).toBeGreaterThan(10);
    await screenshot(page, '01-run-all');
  });

  it('re-runs a const declaration without error and uses it in a later cell', async () => {
    const n = await addCodeCell('const x = 40');
    await runCell(n);
    await typeInEditor(page, n, 'const x = 41');
    await runCell(n);
    await expect
      .poll(() => cell(n).getByLabel('Cell status').textContent(), { timeout: 30_000 })
      .toMatch(/^done/);
    const m = await addCodeCell('x + 1');
    await runCell(m);
    await expect.poll(() => output(m).textContent(), { timeout: 30_000 }).toContain('42');
    await screenshot(page, '02-redeclare');
  });

  it('offers typed completions for dfd.', async () => {
    await addCodeCell('');
    await page.keyboard.type('dfd.');
    await page.keyboard.press('Control+Space');
    const suggestions = page.locator('.suggest-widget .monaco-list-row');
    await expect.poll(() => suggestions.count(), { timeout: 30_000 }).toBeGreaterThan(3);
    await expect
      .poll(() => page.locator('.suggest-widget').textContent(), { timeout: 30_000 })
      .toContain('DataFrame');
    await screenshot(page, '03-completion');
    await page.keyboard.press('Escape');
  });

  it('runs a SQL cell into a table', async () => {
    await page.getByRole('button', { name: 'Add SQL cell' }).click();
    const n = await selectedCellNumber(page);
    await typeInEditor(page, n, "%%sql\nselect 42 as answer, 'quarry' as name");
    await runCell(n);
    await expect
      .poll(() => output(n).getByRole('table').textContent(), { timeout: 30_000 })
      .toContain('answer');
    await expect.poll(() => output(n).textContent(), { timeout: 30_000 }).toContain('42');
  });

  it('scrolls a 100,000-row result to its last row', async () => {
    await page.getByRole('button', { name: 'Add SQL cell' }).click();
    const n = await selectedCellNumber(page);
    await typeInEditor(
      page,
      n,
      "%%sql\nselect range as i, 'row ' || range as label from range(100000)",
    );
    await runCell(n);
    const footer = output(n).locator('.qt-footer');
    await expect
      .poll(() => footer.textContent(), { timeout: 30_000 })
      .toMatch(/100,000 rows × 2 columns$/);
    await output(n)
      .locator('.qt-scroll')
      .evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => output(n).getByRole('table').textContent()).toContain('row 99999');
    await screenshot(page, '06-table-end');
  });

  it('saves, reloads, and everything is still there', async () => {
    const before = await cellCount();
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => readFileSync(path.join(workspace.dir, 'churn.ipynb'), 'utf8'))
      .toContain('const x = 41');
    // The file keeps 500 rows of the 100,000-row table, and its total.
    const saved = readFileSync(path.join(workspace.dir, 'churn.ipynb'), 'utf8');
    expect(saved).toContain('"total_rows": 100000');
    expect(saved).not.toContain('row 99999');
    await page.reload();
    await cell(1).waitFor();
    expect(await cellCount()).toBe(before);
    await expect
      .poll(() => visibleText(page.locator('.notebook')), { timeout: 30_000 })
      .toContain('select 42 as answer');
    await waitForKernel(page);
  });

  it('interrupts while (true) {} within 2 s', async () => {
    const n = await addCodeCell('while (true) {}');
    await cell(n).getByRole('button', { name: 'Run cell' }).click();
    await cell(n)
      .getByLabel('Cell status')
      .filter({ hasText: /^running/ })
      .waitFor({ timeout: 30_000 });
    const started = Date.now();
    await page.getByRole('button', { name: 'Interrupt' }).click();
    await cell(n)
      .getByLabel('Cell status')
      .filter({ hasText: /^interrupted/ })
      .waitFor({ timeout: 5_000 });
    expect(Date.now() - started).toBeLessThan(2_000);
    await screenshot(page, '04-interrupted');
    await waitForKernel(page);
  });

  it('recovers unsaved edits after the server is killed', async () => {
    await addCodeCell('const unsaved = "kept after a crash"');
    const count = await cellCount();
    await expect.poll(() => page.locator('.toolbar-title').textContent()).toContain('•');
    await page.waitForTimeout(3_000); // the recovery copy is written every 2 s
    await server.stop('SIGKILL');
    server = await startServer(path.join(workspace.dir, 'churn.ipynb'), workspace.stateDir);
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Recover' }).click();
    await expect
      .poll(() => visibleText(page.locator('.notebook')), { timeout: 30_000 })
      .toContain('kept after a crash');
    expect(await cellCount()).toBe(count);
    await screenshot(page, '05-recovered');
  });

  it('refuses requests without the token and paths outside the notebook folder', async () => {
    expect((await fetch(`${server.origin}/`)).status).toBe(403);
    expect(
      (await fetch(`${server.origin}/api/workspace.info`, { method: 'POST', body: '{}' })).status,
    ).toBe(403);
    const headers = { 'x-quarry-token': server.token };
    // The page's own files and the data files live under the session path; the token is
    // never a cookie there (other local servers would receive it).
    const entry = await fetch(`${server.origin}/?token=${server.token}`, { redirect: 'manual' });
    expect(entry.headers.get('set-cookie')).toBeNull();
    const session = `${server.origin}${(entry.headers.get('location') ?? '').split('?')[0]}`;
    expect((await fetch(`${session}files/data/customers.csv`, { method: 'HEAD' })).status).toBe(
      200,
    );
    expect((await fetch(`${session}files/..%2F..%2Fetc%2Fpasswd`)).status).toBe(403);
    expect((await fetch(`${server.origin}/files/data/customers.csv`, { headers })).status).toBe(
      404,
    );
    const outside = await fetch(`${server.origin}/api/notebook.open`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ path: '../outside.ipynb' }),
    });
    expect(outside.status).toBe(403);
  });
});
