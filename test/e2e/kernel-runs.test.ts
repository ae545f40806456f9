/**
 * Runs as a person sees them, typed key by key in Chromium (issue "Run exactly what the editor
 * shows", problems 4, 5, 6 and 8): runs during an interrupt's restart still run, a late timer
 * never writes into a newer run, integers bind as integers, SQL errors show once at their line.
 * Needs `npm run build` and /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendCodeCell,
  cellRegion,
  CHROMIUM,
  finishedStatus,
  outputRegion,
  readableText,
  screenshot,
  selectedCellNumber,
  typeInEditor,
  startAppSession,
  typeKeys,
  writeNotebookFile,
  type AppSession,
} from './app-harness';

const available = existsSync(CHROMIUM);
let app: AppSession;
let page: Page;

const cell = (n: number) => cellRegion(page, n);
const output = (n: number) => outputRegion(page, n);

/** A SQL cell at the end, typed after its `%%sql` line; returns its number. */
async function appendSqlCell(query: string): Promise<number> {
  await page
    .locator('section.cell')
    .last()
    .click({ position: { x: 3, y: 3 } });
  await page.getByRole('button', { name: 'Add SQL cell' }).click();
  const n = await selectedCellNumber(page);
  await typeKeys(page, query);
  return n;
}

/** The 1-based editor line that carries the kernel's error highlight, or null. */
async function highlightedLine(n: number): Promise<number | null> {
  const overlay = cell(n).locator('.view-overlays > div:has(.cell-error-line)');
  if ((await overlay.count()) === 0) return null;
  const top = await overlay
    .first()
    .evaluate((el) => (el as unknown as { style: { top: string } }).style.top);
  return Math.round(Number.parseFloat(top) / 19) + 1;
}

describe.skipIf(!available)('kernel runs typed key by key (Chromium)', () => {
  beforeAll(async () => {
    app = await startAppSession((dir) =>
      writeNotebookFile(dir, 'runs.ipynb', ['const ready = true']),
    );
    page = app.page;
  }, 180_000);

  afterAll(() => app?.stop());

  it('6. binds integers as integers: range(${250000}) and a list of them', async () => {
    const n = await appendCodeCell(
      page,
      'const ids = [3, 5, 7]\nawait sql`select count(*) as n, sum(range) filter (where list_contains(${ids}, range)) as s from range(${250000})`',
    );
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finishedStatus(page, n)).toMatch(/^done/);
    const table = await readableText(output(n).getByRole('table'));
    expect(table).toContain('250000');
    expect(table).toContain('15');
  });

  it('8. shows a SQL error once, with its LINE and highlight on the cell line', async () => {
    const n = await appendSqlCell('select 1 as a\nfrom no_such_table');
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finishedStatus(page, n)).toMatch(/^error/);
    const text = await readableText(output(n));
    expect(text.match(/does not exist/g)).toHaveLength(1);
    expect(text).toContain('LINE 3');
    await expect.poll(() => highlightedLine(n)).toBe(3);
    await screenshot(page, 'kernel-runs-01-sql-error');
  });

  it('8. highlights the line of a missing file', async () => {
    const n = await appendSqlCell("select *\nfrom 'data/missing.csv'");
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finishedStatus(page, n)).toMatch(/^error/);
    await expect.poll(() => highlightedLine(n)).toBe(3);
  });

  it('5. a timer left by run 1 never writes into run 2', async () => {
    const n = await appendCodeCell(
      page,
      'setTimeout(() => console.log("late from run 1"), 1500); "run 1"',
    );
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finishedStatus(page, n)).toMatch(/^done/);
    await typeInEditor(page, n, '"run 2"');
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(() => readableText(output(n))).toContain('run 2');
    await page.waitForTimeout(2_000);
    expect(await readableText(output(n))).not.toContain('late from run 1');
  });

  it('4. a cell run while Interrupt restarts the kernel waits for it, then runs', async () => {
    const busy = await appendCodeCell(page, 'while (true) {}');
    await page.keyboard.press('ControlOrMeta+Enter');
    await cell(busy)
      .getByLabel('Cell status')
      .filter({ hasText: /^running/ })
      .waitFor({ timeout: 30_000 });
    const after = await appendCodeCell(page, '"ran after the interrupt"');
    await page.getByRole('button', { name: 'Interrupt' }).click();
    await cell(after).locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finishedStatus(page, busy)).toMatch(/^interrupted/);
    expect(await finishedStatus(page, after)).toMatch(/^done/);
    await expect.poll(() => readableText(output(after))).toContain('ran after the interrupt');
    await screenshot(page, 'kernel-runs-02-after-interrupt');
  });
});
