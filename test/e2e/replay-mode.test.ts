/**
 * Replay mode in the app (issue 10, scope 5), typed and clicked as an analyst does: open a
 * notebook that has a parameters cell and saved outputs, switch to Replay, change the parameter
 * in the form, run, see which cells changed, open a changed cell's diff. Needs `npm run build`
 * and /usr/bin/chromium.
 */
import { copyFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  ROOT,
  cellRegion,
  openApp,
  outputRegion,
  readableText,
  screenshot,
  startAppSession,
  type AppSession,
} from './app-harness';

const available = existsSync(CHROMIUM);
/** `const rows = 3`, its outputs saved from `quarry run` with that default (README beside it). */
const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'replay', 'squares.ipynb');

let session: AppSession;

describe.skipIf(!available)('replay mode in the app (Chromium)', () => {
  beforeAll(async () => {
    session = await startAppSession((dir) => {
      const file = path.join(dir, 'squares.ipynb');
      copyFileSync(FIXTURE, file);
      return file;
    });
  }, 180_000);

  afterAll(async () => {
    await session?.stop();
  });

  it('replays with another parameter: badges say which cells changed, a diff is a click away', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Replay', exact: true }).click();
    const form = page.getByRole('form', { name: 'Parameters' });
    const rows = form.getByLabel('rows', { exact: true });
    expect(await rows.inputValue()).toBe('3');
    await expect.poll(() => rows.getAttribute('type')).toBe('number');

    // Emptied, the field says why it cannot run, and Run replay waits.
    await rows.click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Backspace');
    await expect.poll(() => rows.getAttribute('aria-invalid')).toBe('true');
    const runReplay = page.getByRole('button', { name: 'Run replay' });
    expect(await runReplay.isDisabled()).toBe(true);
    await page.keyboard.type('5', { delay: 30 });
    await expect.poll(() => runReplay.isDisabled()).toBe(false);
    await screenshot(page, 'replay-form');

    await runReplay.click();
    const progress = page.getByRole('status', { name: 'Replay progress' });
    await progress.filter({ hasText: /^2 of 4 cells changed$/ }).waitFor({ timeout: 120_000 });
    const badge = (n: number) => cellRegion(page, n).locator('.replay-badge');
    expect(await badge(3).textContent()).toBe('changed');
    expect(await badge(4).textContent()).toBe('same');
    expect(await badge(5).textContent()).toBe('changed');
    // The replay's outputs are shown: five rows now, and 5 × 10.
    expect(await outputRegion(page, 5).textContent()).toContain('50');
    await expect.poll(() => outputRegion(page, 3).getByRole('row').count()).toBeGreaterThan(5);
    expect(await cellRegion(page, 4).getByRole('button', { name: 'Show diff' }).count()).toBe(0);
    await screenshot(page, 'replay-badges');

    await cellRegion(page, 3).getByRole('button', { name: 'Show diff' }).click();
    const dialog = page.getByRole('dialog', { name: 'Diff of cell 3' });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/Rows: 3 → 5/);
    await screenshot(page, 'replay-diff');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });

    await cellRegion(page, 5).getByRole('button', { name: 'Show diff' }).click();
    const valueDiff = page.getByRole('dialog', { name: 'Diff of cell 5' });
    expect(
      await valueDiff.locator('.diff-dialog-body .diff-removed').first().textContent(),
    ).toContain('30');
    expect(
      await valueDiff.locator('.diff-dialog-body .diff-added').first().textContent(),
    ).toContain('50');
    await page.keyboard.press('Escape');
    await valueDiff.waitFor({ state: 'hidden' });
  });

  it('is read-only: typing changes no cell, Ctrl+S says it does not save', async () => {
    const { page } = session;
    const editor = cellRegion(page, 5).locator('.monaco-editor .view-lines');
    await editor.click();
    await page.keyboard.type('99', { delay: 30 });
    expect(await readableText(editor)).toBe('rows * 10');
    await page.keyboard.press('ControlOrMeta+S');
    await page
      .getByRole('alert')
      .filter({ hasText: /Replay mode does not save/ })
      .waitFor();
  });

  it('Exit replay shows the saved outputs again, the document untouched', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Exit replay' }).click();
    await page.getByRole('form', { name: 'Parameters' }).waitFor({ state: 'detached' });
    expect(await outputRegion(page, 5).textContent()).toContain('30');
    expect(await cellRegion(page, 3).locator('.replay-badge').count()).toBe(0);
    // Not dirty: the title has no unsaved mark.
    expect(await page.locator('.toolbar-title').textContent()).toBe('squares.ipynb');
  });

  it('opens straight in replay mode with replay=1 in the URL', async () => {
    const page = await openApp(session.browser, `${session.server.url}&replay=1`);
    await page.getByRole('form', { name: 'Parameters' }).waitFor();
    expect(await page.getByRole('button', { name: 'Exit replay' }).count()).toBe(1);
    await page.close();
  });
});
