/**
 * Jobs and display handles as a person sees them in Chromium: a cell typed key by key runs a
 * job, its progress bar advances, Cancel stops it (the bar goes, the cell shows `Cancelled`),
 * Stop ends a Stop job with what its work returned, and a display handle updates one output in
 * place. Needs `npm run build` and /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
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

/** What the page records of its frames (the test's own globals, in the browser). */
type FrameCounter = {
  frames: number[];
  counting: boolean;
  requestAnimationFrame(callback: (t: number) => void): number;
};
let app: AppSession;
let page: Page;

// One line each: the editor closes brackets itself, which typing across lines would trip on.
const COUNTING =
  "await job('Counting', { total: 40, unit: 'steps' }, async (j) => { for (let i = 1; i <= 40; i++) { await new Promise((r) => setTimeout(r, 150)); j.progress(i, 'step ' + i); } })";
const LIVE_CHART =
  "const rows = [{ i: 0, v: 0 }]; const plot = display(chart.line(rows, { x: 'i', y: 'v', title: 'Live' })); await new Promise((r) => setTimeout(r, 3000)); for (let i = 1; i <= 60; i++) { rows.push({ i, v: Math.sin(i / 5) }); await new Promise((r) => setTimeout(r, 50)); plot.update(chart.line(rows, { x: 'i', y: 'v', title: 'Live' })); }";
const STOPPING =
  "const kept = await job('Training', { total: 1000, unit: 'epochs', action: 'stop' }, async (j) => { let e = 0; while (!j.signal.aborted) { await new Promise((r) => setTimeout(r, 100)); j.progress(++e); } return 'kept epoch ' + e; }); kept";
const UPDATING =
  "const shown = display('value 0'); for (let i = 1; i <= 40; i++) { await new Promise((r) => setTimeout(r, 50)); shown.update('value ' + i); }";

describe.skipIf(!available)('jobs and display handles (Chromium)', () => {
  beforeAll(async () => {
    app = await startAppSession((dir) => writeNotebookFile(dir, 'jobs.ipynb', ['', '', '', '']));
    page = app.page;
  }, 180_000);

  afterAll(() => app?.stop());

  it('shows a job’s progress bar advancing; Cancel ends it and the cell says Cancelled', async () => {
    await typeInEditor(page, 1, COUNTING);
    await page.keyboard.press('Shift+Enter');
    const bar = cellRegion(page, 1).getByRole('progressbar', { name: 'Counting' });
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(3);
    const first = Number(await bar.getAttribute('aria-valuenow'));
    expect(await bar.getAttribute('aria-valuemax')).toBe('40');
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')))
      .toBeGreaterThan(first);
    const shown = await readableText(cellRegion(page, 1).locator('.job-progress'));
    expect(shown).toMatch(/Counting.*\d+\/40 steps \(\d+%\).*step \d+.*\d+ s.*Cancel/);
    await screenshot(page, 'job-running');
    await cellRegion(page, 1).getByRole('button', { name: 'Cancel Counting' }).click();
    await bar.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await finishedStatus(page, 1)).toMatch(/^error/);
    expect(await readableText(outputRegion(page, 1))).toContain('Cancelled: Counting');
    await screenshot(page, 'job-cancelled');
  });

  it('Stop ends a Stop job: the button says Stopping…, the cell gets what the work returned', async () => {
    await typeInEditor(page, 4, STOPPING);
    await page.keyboard.press('Shift+Enter');
    const bar = cellRegion(page, 4).getByRole('progressbar', { name: 'Training' });
    await expect
      .poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 30_000 })
      .toBeGreaterThanOrEqual(2);
    expect(await cellRegion(page, 4).getByRole('button', { name: 'Cancel Training' }).count()).toBe(
      0,
    );
    await cellRegion(page, 4).getByRole('button', { name: 'Stop Training' }).click();
    await bar.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await finishedStatus(page, 4)).toMatch(/^done/);
    expect(await readableText(outputRegion(page, 4))).toMatch(/kept epoch \d+/);
    await screenshot(page, 'job-stopped');
  });

  it('a display handle replaces its output in place: one output, the last value', async () => {
    await typeInEditor(page, 2, UPDATING);
    await page.keyboard.press('Shift+Enter');
    const outputs = outputRegion(page, 2).locator('.qo-output');
    await expect
      .poll(async () => readableText(outputs.first()), { timeout: 30_000 })
      .toMatch(/value [1-9]/);
    expect(await outputs.count()).toBe(1);
    expect(await finishedStatus(page, 2)).toMatch(/^done/);
    expect(await outputs.count()).toBe(1);
    expect((await readableText(outputs.first())).trim()).toBe('value 40');
    await screenshot(page, 'display-updated');
  });

  it('a chart updated 20 times a second stays one chart and keeps the page responsive', async () => {
    await typeInEditor(page, 3, LIVE_CHART);
    await page.keyboard.press('Shift+Enter');
    // The first chart loads plotly (seconds here); the updates start 3 s after it is shown.
    const charts = outputRegion(page, 3).getByRole('figure', { name: 'Chart: Live' });
    await charts.locator('.main-svg').first().waitFor({ timeout: 30_000 });
    // Frames the page draws while the chart updates, and the longest gap between two.
    await page.evaluate(() => {
      const w = globalThis as unknown as FrameCounter;
      w.frames = [];
      w.counting = true;
      const tick = (t: number) => {
        w.frames.push(t);
        if (w.counting) w.requestAnimationFrame(tick);
      };
      w.requestAnimationFrame(tick);
    });
    expect(await finishedStatus(page, 3)).toMatch(/^done/);
    const frames = await page.evaluate(() => {
      const w = globalThis as unknown as FrameCounter;
      w.counting = false;
      return w.frames;
    });
    const seconds = (frames.at(-1)! - frames[0]) / 1000;
    const longest = Math.max(...frames.slice(1).map((t, i) => t - frames[i]));
    console.log(
      `live chart, 60 updates at 20/s: ${(frames.length / seconds).toFixed(0)} frames/s over ${seconds.toFixed(1)} s, longest frame ${longest.toFixed(0)} ms`,
    );
    expect(await charts.count()).toBe(1);
    expect(await outputRegion(page, 3).locator('.qo-output').count()).toBe(1);
    // Two cores shared by several test runs: a loose bound that a flood of updates would break.
    expect(longest).toBeLessThan(1500);
    await screenshot(page, 'display-live-chart');
  });
});
