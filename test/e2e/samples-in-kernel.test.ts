/**
 * A pulled sample in the app's kernel (issue 8: "a pulled sample is a SQL view in the kernel, and
 * `await sample('name')` in a TypeScript cell returns it"), typed key by key in Chromium: the
 * worker lists `samples/` and reads the file through the host's data-file URLs. The sample is
 * written beside the notebook as a pull leaves it; pulling through the dialog is tested with the
 * dialog. Needs `npm run build` and /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePulledSample } from '../support/pulled-samples';
import {
  appendCodeCell,
  CHROMIUM,
  finishedStatus,
  outputRegion,
  readableText,
  screenshot,
  selectedCellNumber,
  startAppSession,
  typeInEditor,
  typeKeys,
  writeNotebookFile,
  type AppSession,
} from './app-harness';

const available = existsSync(CHROMIUM);
let app: AppSession;
let page: Page;

const ORDERS = 'select range::INT as id, range * 10.0 as amount from range(3)';

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

/** Runs cell `n` in place and returns the text of the table it shows. */
async function runForTable(n: number): Promise<string> {
  await page
    .getByRole('region', { name: `Cell ${n}`, exact: true })
    .locator('.view-lines')
    .click();
  await page.keyboard.press('ControlOrMeta+Enter');
  expect(await finishedStatus(page, n)).toMatch(/^done/);
  return readableText(outputRegion(page, n).getByRole('table'));
}

/** Monaco draws the TypeScript checker's error marks as squiggly decorations. */
const errorMarks = (where: Locator) => where.locator('.squiggly-error');

describe.skipIf(!available)('pulled samples in the kernel (Chromium)', () => {
  beforeAll(async () => {
    app = await startAppSession((dir) =>
      writeNotebookFile(dir, 'samples.ipynb', ['const ready = true']),
    );
    page = app.page;
    await writePulledSample(app.dir, 'orders', ORDERS);
  }, 180_000);

  afterAll(() => app?.stop());

  it('a SQL cell queries the sample by its name, and sees it again after a new pull', async () => {
    const n = await appendSqlCell('select count(*) as n, sum(amount) as total\nfrom orders');
    const table = await runForTable(n);
    expect(table).toContain('3');
    expect(table).toContain('30');
    await screenshot(page, 'samples-01-sql-view');
    await writePulledSample(
      app.dir,
      'orders',
      'select range::INT as id, range * 100.0 as amount from range(5)',
    );
    const again = await runForTable(n);
    expect(again).toContain('5');
    expect(again).toContain('1000');
  });

  it('await sample(name) returns its rows, and the editor knows sample()', async () => {
    // A number is not a sample's name: once the checker flags it, it knows sample().
    const n = await appendCodeCell(page, 'await sample(1)');
    const cell = page.getByRole('region', { name: `Cell ${n}`, exact: true });
    await expect.poll(() => errorMarks(cell).count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await typeInEditor(page, n, "const orders = await sample('orders')\norders");
    await expect.poll(() => errorMarks(cell).count(), { timeout: 30_000 }).toBe(0);
    const table = await runForTable(n);
    expect(table).toContain('400');
    await screenshot(page, 'samples-02-sample-global');
  });

  it('an unknown sample says which there are', async () => {
    const n = await appendCodeCell(page, "await sample('customers')");
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finishedStatus(page, n)).toMatch(/^error/);
    expect(await readableText(outputRegion(page, n))).toContain(
      'No sample "customers" in samples/: there are orders. Pull one with Pull sample or quarry sample.',
    );
  });
});
