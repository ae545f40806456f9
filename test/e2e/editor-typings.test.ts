/**
 * The editor's TypeScript checking, in Debian's Chromium (issue: "`%%sql NAME` results are red in
 * the editor"): the sample notebook shows no errors, and the names its `%%sql NAME` cells bind are
 * declared to the TypeScript cells, following renames. Needs `npm run build` and /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureSampleData } from '../../samples/generate-data';
import {
  CHROMIUM,
  screenshot,
  selectedCellNumber,
  startAppSession,
  type AppSession,
} from './app-harness';

const available = existsSync(CHROMIUM);
let app: AppSession;
let page: Page;

const cell = (n: number) => page.getByRole('region', { name: `Cell ${n}`, exact: true });
/** Monaco draws an error marker (the TypeScript checker's, here) as a squiggly decoration. */
const errorMarks = (where: Locator) => where.locator('.squiggly-error');
const notebook = () => page.locator('.notebook');
/** What a person reads: Monaco renders spaces as no-break spaces. */
const editorText = async (n: number) =>
  ((await cell(n).locator('.view-lines').textContent()) ?? '').replaceAll('\u00a0', ' ');

/** The number of the cell whose text matches `text`, read once: editing may change the text. */
async function cellNumberOf(text: RegExp): Promise<number> {
  const found = page.getByRole('region', { name: /^Cell \d+$/ }).filter({ hasText: text });
  return Number(/\d+/.exec((await found.getAttribute('aria-label')) ?? '')?.[0]);
}

/** Replaces a cell's text with real keystrokes, as the reproduction types it. */
async function typeCell(n: number, text: string): Promise<void> {
  await cell(n).locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text, { delay: 15 });
  // The view paints on the next animation frame: the last key may not be drawn yet.
  await expect.poll(() => editorText(n), { timeout: 2000 }).toBe(text);
}

/** No error marks now, and still none a little later: diagnostics arrive after a debounce. */
async function expectNoErrors(where: Locator): Promise<void> {
  await expect.poll(() => errorMarks(where).count(), { timeout: 30_000 }).toBe(0);
  await page.waitForTimeout(2_000);
  expect(await errorMarks(where).count()).toBe(0);
}

describe.skipIf(!available)('TypeScript checking in the editor (Chromium)', () => {
  beforeAll(async () => {
    await ensureSampleData();
    app = await startAppSession();
    page = app.page;
  }, 180_000);

  afterAll(() => app?.stop());

  it('flags a mistake, so the checks below see a checker that has run', async () => {
    await page.getByRole('button', { name: 'Add code cell' }).click();
    const n = await selectedCellNumber(page);
    // A near miss on purpose: "Did you mean 'byContacts'?" links to the bindings' lib, which makes
    // Monaco open the lib as a model; the rename below then checks that the model follows too.
    await typeCell(n, 'byContactz.toRows().length');
    await expect.poll(() => errorMarks(cell(n)).count(), { timeout: 60_000 }).toBeGreaterThan(0);
  });

  it('shows no errors in the sample, and a %%sql NAME result is typed with its rows', async () => {
    const n = await selectedCellNumber(page);
    await typeCell(n, 'byContacts.toRows().map((row) => row.churn_rate * 100).length');
    await expectNoErrors(notebook());
    await screenshot(page, 'typings-01-sql-binding');
  });

  it('follows a renamed %%sql NAME cell', async () => {
    const sqlCell = cell(await cellNumberOf(/%%sql\s+byContacts\b/));
    const chartCell = cell(await cellNumberOf(/chart\.bar\(byContacts,/));
    const newCell = cell(await selectedCellNumber(page));
    await sqlCell.locator('.view-line').first().click();
    await page.keyboard.press('End');
    await page.keyboard.type('2', { delay: 15 });
    // The sample's chart cell and the new cell both use the old name now.
    await expect.poll(() => errorMarks(chartCell).count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await expect.poll(() => errorMarks(newCell).count()).toBeGreaterThan(0);
    await sqlCell.scrollIntoViewIfNeeded();
    await screenshot(page, 'typings-02-renamed');
    await page.keyboard.press('Backspace');
    await expectNoErrors(notebook());
  });
});
