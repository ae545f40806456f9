/**
 * Execution-order hygiene as a person meets it, typed key by key in Chromium (issue 10, scope
 * item 4): editing an upstream cell marks the cells that read its names stale, and only those;
 * "Restart and run all" clears the marks and brings the outputs up to date; saving after running
 * cells out of order saves, says so, and records the run as not clean.
 * Needs `npm run build` and /usr/bin/chromium.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  cellRegion,
  CHROMIUM,
  finishedStatus,
  outputRegion,
  readableText,
  screenshot,
  startAppSession,
  typeInEditor,
  writeNotebookFile,
  type AppSession,
} from './app-harness';

const available = existsSync(CHROMIUM);
let app: AppSession;
let page: Page;
let notebookPath: string;

const status = (n: number) => cellRegion(page, n).getByLabel('Cell status');
const statusText = async (n: number) => (await status(n).textContent()) ?? '';
const output = (n: number) => readableText(outputRegion(page, n));
/** The session's notice (NoticeBanner); Monaco has alert regions of its own. */
const notice = () => page.locator('.banner[role="alert"]');

describe.skipIf(!available)('stale cells and clean runs (Chromium)', () => {
  beforeAll(async () => {
    app = await startAppSession(
      (dir) => (notebookPath = writeNotebookFile(dir, 'stale.ipynb', [''])),
    );
    page = app.page;
  }, 180_000);

  afterAll(() => app?.stop());

  it('marks the cells that read an edited cell’s names stale, and not the others', async () => {
    await typeInEditor(page, 1, 'const a = 1');
    await page.keyboard.press('Shift+Enter');
    await typeInEditor(page, 2, 'const b = a + 1');
    await page.keyboard.press('Shift+Enter');
    await typeInEditor(page, 3, 'b * 2');
    await page.keyboard.press('Shift+Enter');
    await typeInEditor(page, 4, 'const c = 10\nc');
    await page.keyboard.press('ControlOrMeta+Enter');
    for (const n of [1, 2, 3, 4]) expect(await finishedStatus(page, n)).toMatch(/^done/);
    await expect.poll(() => output(3)).toContain('4');
    for (const n of [1, 2, 3, 4]) expect(await statusText(n)).not.toMatch(/stale|edited/);

    await typeInEditor(page, 1, 'const a = 5');
    await expect.poll(() => statusText(1)).toMatch(/edited$/);
    await expect.poll(() => statusText(2)).toMatch(/stale$/);
    await expect.poll(() => statusText(3)).toMatch(/stale$/);
    expect(await statusText(4)).not.toMatch(/stale|edited/);
    expect(await status(2).getByText('stale').getAttribute('title')).toBe(
      'cell 1 changed after this cell ran: it defines a, which this cell reads',
    );
    expect(await status(3).getByText('stale').getAttribute('title')).toBe(
      'cell 2 is stale: it defines b, which this cell reads',
    );
    await status(2).getByText('stale').hover();
    await screenshot(page, 'stale-cells-01-edited-upstream');
  });

  it('Restart and run all clears the marks and updates the outputs', async () => {
    await page.getByRole('button', { name: 'Restart and run all' }).click();
    await expect.poll(() => output(3), { timeout: 60_000 }).toContain('12');
    for (const n of [1, 2, 3, 4]) {
      expect(await finishedStatus(page, n)).toMatch(/^done/);
      expect(await statusText(n)).not.toMatch(/stale|edited/);
    }
    await screenshot(page, 'stale-cells-02-restart-and-run-all');
  });

  it('saves a run out of order, says so, and records it as not clean', async () => {
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Save' }).click();
    await expect
      .poll(() => readFileSync(notebookPath, 'utf8'), { timeout: 10_000 })
      .toContain('"clean": true');
    // A clean run's save says nothing (the restart's notice is gone with it).
    await expect.poll(() => notice().count()).toBe(0);

    await cellRegion(page, 1).locator('.monaco-editor .view-lines').click();
    await page.keyboard.press('ControlOrMeta+Enter');
    await expect.poll(() => statusText(2)).toMatch(/stale$/);
    expect(await status(2).getByText('stale').getAttribute('title')).toBe(
      'cell 1 ran after this cell: it defines a, which this cell reads',
    );
    await page.keyboard.press('ControlOrMeta+S');
    await expect
      .poll(() => readableText(notice()), { timeout: 10_000 })
      .toContain('cells 2, 3 and 4 ran before cell 1');
    expect(await readableText(notice())).toContain('"Restart and run all"');
    await expect
      .poll(() => readFileSync(notebookPath, 'utf8'), { timeout: 10_000 })
      .toContain('"clean": false');
    const saved = JSON.parse(readFileSync(notebookPath, 'utf8'));
    expect(saved.metadata.quarry.last_run).toMatchObject({ runner: 'app', status: 'done' });
    await screenshot(page, 'stale-cells-03-saved-out-of-order');
  });
});
