/**
 * The HTML report (host/replay/html-report.ts) opened from its file in Chromium with every
 * network request blocked, as a stakeholder opens a mailed report offline: the charts draw with
 * the inlined plotly, a long table pages with Previous / Next, nothing hostile in the notebook
 * runs, and no request is even attempted. Two reports: the bundled notebook run by the built
 * CLI (`node build-cli.mjs`; real outputs), and a notebook with every kind of output and hostile
 * text everywhere (test/support/report-notebook.ts). Needs /usr/bin/chromium.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseNotebook } from '../../core/notebook/ipynb';
import type { Notebook } from '../../core/notebook/model';
import { writeHtmlReport } from '../../host/replay/html-report';
import { ensureSampleData } from '../../samples/generate-data';
import { runQuarry } from '../quarry-cli';
import { reportNotebook } from '../support/report-notebook';
import { CHROMIUM, launchBrowser, makeWorkspace, screenshot } from './app-harness';

type OpenedReport = {
  page: Page;
  context: BrowserContext;
  /** URLs the page tried to fetch from the network (each was aborted). */
  attempts: string[];
  consoleErrors: string[];
};

/** Opens `file` in a fresh context where every request but the report's own file is aborted. */
async function openReport(browser: Browser, file: string): Promise<OpenedReport> {
  const url = pathToFileURL(file).href;
  const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
  const attempts: string[] = [];
  await context.route('**/*', (route) => {
    if (route.request().url() === url) return route.continue();
    attempts.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  await page.goto(url);
  return { page, context, attempts, consoleErrors };
}

async function writeReport(notebook: Notebook, name: string, includeCode = true) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'quarry-report-')), name);
  await writeHtmlReport(file, notebook, { title: 'Who churns, and why?', includeCode, diff: null });
  return file;
}

describe.skipIf(!existsSync(CHROMIUM))('the HTML report in Chromium, offline', () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the bundled notebook run by quarry run: charts drawn, no request, no error', async () => {
    await ensureSampleData();
    const { dir } = makeWorkspace();
    const run = await runQuarry(['run', 'churn.ipynb', '-o', 'churn.out.ipynb', '--quiet'], {
      cwd: dir,
      timeoutMs: 120_000,
    });
    expect(run.code, run.stderr).toBe(0);
    const executed = parseNotebook(readFileSync(path.join(dir, 'churn.out.ipynb'), 'utf8'));
    const file = await writeReport(executed, 'churn.html', false);

    const report = await openReport(browser, file);
    const charts = report.page.locator('figure.qr-chart');
    const chartCount = await charts.count();
    expect(chartCount).toBeGreaterThan(0);
    for (let i = 0; i < chartCount; i++) {
      // plotly's own SVG, with the trace's bars or points drawn in it.
      await charts.nth(i).locator('.main-svg .trace').first().waitFor({ timeout: 30_000 });
    }
    await expect.poll(() => report.page.locator('.qr-chart-fallback').count()).toBe(0);
    expect(await report.page.locator('.qr-code').count()).toBe(0); // made without code
    await charts.first().scrollIntoViewIfNeeded();
    await screenshot(report.page, 'html-report-churn');
    expect(report.attempts).toEqual([]);
    expect(report.consoleErrors).toEqual([]);
    await report.context.close();
  }, 180_000);

  describe('a notebook with every kind of output and hostile text', () => {
    let report: OpenedReport;
    const dialogs: string[] = [];

    beforeAll(async () => {
      report = await openReport(browser, await writeReport(reportNotebook(), 'report.html'));
      report.page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
    });

    afterAll(async () => {
      await report?.context.close();
    });

    it('draws the chart with the inlined plotly', async () => {
      const chart = report.page.getByRole('figure', { name: 'Chart: Scores by label' });
      await chart.locator('.main-svg .trace.bars .point path').first().waitFor();
      expect(await chart.locator('.trace.bars .point path').count()).toBe(3);
    });

    it('pages the table with Next and Previous', async () => {
      const table = report.page.locator('figure.qr-table');
      const range = table.locator('.qr-range');
      const firstId = table.locator('tbody tr').first().locator('td').first();
      await expect.poll(() => range.textContent()).toBe('Rows 1–25 of 10,000');
      expect(await table.locator('tbody tr').count()).toBe(25);
      const previous = table.getByRole('button', { name: 'Previous' });
      expect(await previous.isDisabled()).toBe(true);
      await table.getByRole('button', { name: 'Next' }).click();
      expect(await range.textContent()).toBe('Rows 26–50 of 10,000');
      expect(await firstId.textContent()).toBe('26');
      await table.getByRole('button', { name: 'Next' }).click();
      await previous.click();
      expect(await range.textContent()).toBe('Rows 26–50 of 10,000');
      await table.scrollIntoViewIfNeeded();
      await screenshot(report.page, 'html-report-table');
    });

    it('shows the untrusted HTML in a fitted frame where none of it runs or loads', async () => {
      const frame = report.page.frameLocator('iframe[title="HTML output of cell 6"]');
      await frame.locator('#harmless').waitFor();
      expect(await frame.locator('#cell').textContent()).toBe('kept cell');
      await frame.locator('#js-link').click();
      await frame.locator('#send').click();
      // Give a meta refresh, a late onerror or an SVG's onload time to fire.
      await report.page.waitForTimeout(1500);
      const hostile = (target: { evaluate: Page['evaluate'] }) =>
        target.evaluate(() => Reflect.get(globalThis, '__hostile') ?? []);
      expect(await hostile(report.page)).toEqual([]);
      for (const child of report.page.frames()) expect(await hostile(child)).toEqual([]);
      expect(dialogs).toEqual([]);
      // The frame is as tall as its content (the script fitted it), not a scrolling box.
      const heights = await report.page
        .locator('iframe[title="HTML output of cell 6"]')
        .evaluate((element) => {
          type Box = { getBoundingClientRect(): { height: number } };
          const frame = element as unknown as Box & {
            contentDocument: { documentElement: Box } | null;
          };
          return {
            frame: frame.getBoundingClientRect().height,
            content: frame.contentDocument?.documentElement.getBoundingClientRect().height ?? 0,
          };
        });
      expect(heights.frame).toBeGreaterThanOrEqual(heights.content);
      expect(heights.frame).toBeLessThan(heights.content + 24);
      await report.page.locator('iframe[title="HTML output of cell 6"]').scrollIntoViewIfNeeded();
      await screenshot(report.page, 'html-report-hostile');
    });

    it('attempted no request, and its only console errors are the browser refusing hostile HTML', () => {
      expect(report.attempts).toEqual([]);
      // What the frame's content tried (and the clicks on its link and button), each refused.
      const refusals = new RegExp(
        [
          "^Blocked script execution in 'about:srcdoc' because the document's frame is sandboxed",
          "^Loading the (?:image|stylesheet) 'https://example\\.com/[a-z.]+' violates the following Content Security Policy",
          "^Refused to execute the redirect specified via '<meta http-equiv='refresh'",
          '^Running the JavaScript URL violates the following Content Security Policy',
          "^Blocked form submission to 'javascript:.*' because the form's frame is sandboxed",
        ].join('|'),
      );
      expect(report.consoleErrors.filter((text) => !refusals.test(text))).toEqual([]);
    });
  });

  it('keeps the hostile text as text in the page', async () => {
    const file = await writeReport(reportNotebook(), 'report.html');
    const report = await openReport(browser, file);
    const stream = report.page.locator('pre.qr-stream');
    expect(await stream.textContent()).toContain('</script><img src=x onerror=');
    expect(await report.page.locator('main img[src="x"]').count()).toBe(0);
    await report.context.close();
  });
});
