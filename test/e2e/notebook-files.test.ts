/**
 * Notebook files in the app, browser mode, in Debian's Chromium: a notebook of another language,
 * several tabs on one notebook, the page's own icon. Needs `npm run build` (CLI and renderer)
 * and /usr/bin/chromium.
 */
import { copyFileSync, existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VISIBLE_LEASE_MS } from '../../host/state/session-leases';
import { ensureSampleData } from '../../samples/generate-data';
import {
  CHROMIUM,
  ROOT,
  launchBrowser,
  makeWorkspace,
  openApp,
  screenshot,
  startServer,
  waitForKernel,
  type Server,
} from './app-harness';

const available = existsSync(CHROMIUM);
let browser: Browser;

const cell = (page: Page, n: number) =>
  page.getByRole('region', { name: `Cell ${n}`, exact: true });
const output = (page: Page, n: number) =>
  page.getByRole('region', { name: `Output of cell ${n}`, exact: true });
/** What a person reads: Monaco renders spaces as no-break spaces. */
const visibleText = async (locator: Locator) =>
  (await locator.textContent())?.replaceAll('\u00a0', ' ') ?? '';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(!available)('notebook files in the app (Chromium)', () => {
  beforeAll(async () => {
    await ensureSampleData();
    browser = await launchBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
  });

  describe('a Python notebook', () => {
    let server: Server;
    let page: Page;

    beforeAll(async () => {
      const { dir, stateDir } = makeWorkspace();
      const notebook = path.join(dir, 'python.ipynb');
      copyFileSync(path.join(ROOT, 'test/fixtures/notebooks/python-analysis.ipynb'), notebook);
      server = await startServer(notebook, stateDir);
      page = await openApp(browser, server.url);
      await waitForKernel(page);
    }, 180_000);

    afterAll(async () => {
      await page?.close();
      await server?.stop();
    });

    it("says it is a Python notebook, runs none of it, and keeps the author's outputs", async () => {
      const banner = page.getByRole('alert').filter({ hasText: 'This is a Python notebook' });
      await banner.waitFor({ timeout: 10_000 });
      expect(await banner.textContent()).toContain('read-only for running');
      const stdout = await visibleText(output(page, 3));
      const table = await visibleText(output(page, 4));
      expect(stdout).toContain('Loaded 1,000 rows');
      expect(table).toContain('Midtown');

      await cell(page, 3).getByRole('button', { name: 'Run cell' }).click();
      await cell(page, 4).locator('.monaco-editor .view-lines').click();
      await page.keyboard.press('Shift+Enter');
      await sleep(3_000); // what a run would have printed by now

      expect(await visibleText(output(page, 3))).toBe(stdout);
      expect(await visibleText(output(page, 4))).toBe(table);
      expect(await visibleText(output(page, 7))).toContain('ZeroDivisionError');
      expect(await visibleText(page.locator('.notebook'))).not.toContain('SyntaxError');
      // Python is not checked as TypeScript: no line is marked red.
      expect(await page.locator('.monaco-editor .squiggly-error').count()).toBe(0);
      await screenshot(page, 'files-01-python-notebook');
    });
  });

  describe('several tabs on one notebook', () => {
    let server: Server;
    let stateDir: string;
    let first: Page;
    let second: Page;

    beforeAll(async () => {
      const workspace = makeWorkspace();
      stateDir = workspace.stateDir;
      server = await startServer(path.join(workspace.dir, 'churn.ipynb'), stateDir);
    }, 60_000);

    afterAll(async () => {
      await server?.stop();
    });

    it('a second tab is not offered the first tab’s live work as a crash', async () => {
      first = await openApp(browser, server.url);
      // A hidden page gets a longer lease (its timers are throttled); this test waits out the
      // shorter one.
      expect(await first.evaluate('document.visibilityState')).toBe('visible');
      await cell(first, 2).locator('.monaco-editor .view-lines').click();
      await first.keyboard.press('ControlOrMeta+End');
      await first.keyboard.type(' -- typed in the first tab', { delay: 15 });
      // The recovery copy and its sidecar, written on the next autosave tick.
      await expect
        .poll(() => readdir(path.join(stateDir, 'recovery')).catch(() => []), { timeout: 10_000 })
        .toHaveLength(2);

      second = await openApp(browser, server.url);
      await sleep(3_000); // past the next heartbeat of both pages
      expect(await second.getByRole('button', { name: 'Recover' }).count()).toBe(0);
      expect(await visibleText(second.locator('.notebook'))).not.toContain('typed in the first');
      await screenshot(second, 'files-02-second-tab');
    });

    it('the second tab says the notebook is also open in another tab', async () => {
      const notice = second.getByRole('status').filter({ hasText: 'also open in another tab' });
      await notice.waitFor({ timeout: 10_000 });
    });

    it('once the first tab is gone, a new tab offers its unsaved work back', async () => {
      await first.close(); // without saving, and without its beforeunload prompt
      await sleep(VISIBLE_LEASE_MS + 2_000);
      const third = await openApp(browser, server.url);
      await third.getByRole('button', { name: 'Recover' }).click();
      await expect
        .poll(() => visibleText(third.locator('.notebook')), { timeout: 30_000 })
        .toContain('typed in the first tab');
      await screenshot(third, 'files-03-recovered-in-third-tab');
      await third.close();
      await second.close();
    });
  });

  describe('the page', () => {
    let server: Server;

    beforeAll(async () => {
      const { dir, stateDir } = makeWorkspace();
      server = await startServer(path.join(dir, 'churn.ipynb'), stateDir);
    }, 60_000);

    afterAll(async () => {
      await server?.stop();
    });

    it('has its own icon, which the server gives the page like any of its files', async () => {
      const page = await browser.newPage();
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(server.url);
      await cell(page, 1).waitFor({ timeout: 30_000 });
      const href = await page.locator('link[rel="icon"]').getAttribute('href');
      expect(href).toBe('./favicon.svg');
      // Fetched by the page as the browser fetches its icon: under the session path, no cookie.
      const icon = await page.evaluate(async (url) => {
        const response = await fetch(url);
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          body: await response.text(),
        };
      }, href ?? '');
      expect(icon).toMatchObject({ status: 200, type: 'image/svg+xml' });
      expect(icon.body).toMatch(/^<svg /);
      expect(failed).toEqual([]);
      await page.close();
    });
  });
});
