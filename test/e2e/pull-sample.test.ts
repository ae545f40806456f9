/**
 * "Pull sample" as a person does it, in Debian's Chromium: a CSV in the workspace, the toolbar's
 * Pull sample, the path and size typed key by key, Preview (rows, schema, the query), Pull (a
 * progress bar, then the rows and file), the notebook recording the sample (Save writes it), the
 * Samples panel listing it, and a SQL cell counting its rows. Needs `npm run build` (CLI and
 * renderer) and /usr/bin/chromium.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notebookSamples } from '../../core/sample/notebook-samples';
import {
  CHROMIUM,
  finishedStatus,
  KEY_DELAY_MS,
  outputRegion,
  readableText,
  screenshot,
  selectedCellNumber,
  startAppSession,
  typeInEditor,
  writeNotebookFile,
  type AppSession,
} from './app-harness';

const available = existsSync(CHROMIUM);
/** Enough rows that the pull takes a moment, so its progress bar is seen. */
const SOURCE_ROWS = 200_000;
const SAMPLE_ROWS = 1234;
let app: AppSession;
let page: Page;

function writeOrders(dir: string): void {
  const countries = ['FR', 'DE', 'ES', 'IT'];
  const lines = ['id,country,amount'];
  for (let i = 1; i <= SOURCE_ROWS; i++)
    lines.push(`${i},${countries[i % 4]},${((i * 7919) % 10_000) / 100}`);
  writeFileSync(path.join(dir, 'data', 'orders.csv'), `${lines.join('\n')}\n`);
}

/** Types into a labelled field of the dialog key by key, replacing what it held. */
async function typeInField(label: string, text: string): Promise<void> {
  const field = page
    .getByRole('dialog', { name: 'Pull sample' })
    .getByLabel(label, { exact: true });
  await field.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(text, { delay: KEY_DELAY_MS });
}

describe.skipIf(!available)('pulling a sample in the app (Chromium)', () => {
  beforeAll(async () => {
    app = await startAppSession((dir) => {
      writeOrders(dir);
      return writeNotebookFile(dir, 'pull.ipynb', ['const ready = true']);
    });
    page = app.page;
  }, 180_000);

  afterAll(() => app?.stop());

  it('previews the typed source: its first rows, its schema and the query', async () => {
    await page.getByRole('button', { name: 'Pull sample', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Pull sample' });
    await dialog.waitFor();
    // The focus starts in the path: type straight away.
    await page.keyboard.type('data/orders.csv', { delay: KEY_DELAY_MS });
    expect(await dialog.getByLabel('Name', { exact: true }).inputValue()).toBe('orders');
    await typeInField('Size', String(SAMPLE_ROWS));
    await dialog.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = dialog.getByRole('region', { name: 'Preview' });
    await preview.waitFor({ timeout: 60_000 });
    const schema = await readableText(preview.getByRole('table', { name: 'Schema' }));
    expect(schema).toMatch(/id.*BIGINT/);
    expect(schema).toMatch(/country.*VARCHAR/);
    expect(await readableText(preview.getByRole('table', { name: 'First rows' }))).toContain('DE');
    const query = preview.getByRole('figure', { name: 'Query the engine will receive' });
    expect(await readableText(query)).toContain('orders.csv');
    await screenshot(page, 'pull-sample-01-preview');
  });

  it('pulls it with a progress bar, says how many rows went where, and records it', async () => {
    const dialog = page.getByRole('dialog', { name: 'Pull sample' });
    // Watched from before the click: the pull may be over before the test looks again.
    const sawProgress = dialog
      .getByRole('progressbar', { name: 'Pulling orders' })
      .waitFor({ timeout: 120_000 })
      .then(
        () => true,
        () => false,
      );
    const started = Date.now();
    await dialog.getByRole('button', { name: 'Pull', exact: true }).click();
    const done = dialog.getByRole('status').filter({ hasText: 'Pulled' });
    await done.waitFor({ timeout: 120_000 });
    console.log(`pull of ${SAMPLE_ROWS} of ${SOURCE_ROWS} CSV rows: ${Date.now() - started} ms`);
    expect(await done.textContent()).toBe(
      `Pulled ${SAMPLE_ROWS.toLocaleString('en-US')} rows into samples/orders.parquet`,
    );
    expect(await sawProgress).toBe(true);
    await screenshot(page, 'pull-sample-02-done');
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });

    // A document edit: the notebook is dirty, and Save writes the sample into its metadata.
    expect(await page.locator('.toolbar-title').textContent()).toContain('•');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => page.locator('.toolbar-title').textContent()).not.toContain('•');
    const saved = JSON.parse(await readFile(path.join(app.dir, 'pull.ipynb'), 'utf8'));
    expect(notebookSamples(saved.metadata)).toEqual([
      {
        name: 'orders',
        file: 'samples/orders.parquet',
        sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        rows: SAMPLE_ROWS,
      },
    ]);
    expect(existsSync(path.join(app.dir, 'samples', 'orders.manifest.json'))).toBe(true);
  });

  it('lists the sample in the Samples panel, with its manifest', async () => {
    await page.getByRole('button', { name: 'Samples', exact: true }).click();
    const panel = page.getByRole('navigation', { name: 'Samples' });
    const entry = panel.getByRole('button', { name: /orders/ });
    await entry.waitFor({ timeout: 10_000 });
    expect(await readableText(entry)).toMatch(/1,234 rows · hash · seed 42 · .*orders\.csv/);
    await entry.click();
    const columns = panel.getByRole('table', { name: 'Columns of orders' });
    expect(await readableText(columns)).toContain('amount');
    await screenshot(page, 'pull-sample-03-panel');
  });

  it('a SQL cell reads the sample by its name', async () => {
    await page.getByRole('button', { name: 'Add SQL cell', exact: true }).click();
    const n = await selectedCellNumber(page);
    await typeInEditor(page, n, '%%sql\nSELECT count(*) AS n FROM orders');
    await page.keyboard.press('Shift+Enter');
    expect(await finishedStatus(page, n)).toMatch(/^done/);
    const table = outputRegion(page, n).getByRole('table');
    const cells = await table.getByRole('cell').allTextContents();
    expect(cells.map((text) => text.trim())).toContain(String(SAMPLE_ROWS));
    await screenshot(page, 'pull-sample-04-sql');
  });
});
