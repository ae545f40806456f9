/**
 * Training in the app as a person does it (issue 11): cells typed key by key split the bundled
 * churn data, fit a feature pipeline and train an MLP with `ml.train`; the live curve updates
 * epoch by epoch while the kernel worker trains, a click on another cell is painted at once
 * (the UI thread is not the one training), Stop ends training with the best weights so far,
 * and the cell goes on to show the metrics table and the importance chart.
 * Needs `npm run build` and /usr/bin/chromium. Screenshots: dist/e2e-screenshots/training-*.
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

// One line each: the editor closes brackets itself, which typing across lines would trip on.
const LOAD = "const rows = await sql`select * from read_csv('data/customers.csv') limit 30000`";
const FEATURES =
  "const split = ml.split(rows, { label: 'churned', seed: 3 }); const pipeline = ml.pipeline({ steps: [{ kind: 'oneHot', column: 'plan' }, { kind: 'oneHot', column: 'region' }, { kind: 'standardize', column: 'tenure_months' }, { kind: 'log', column: 'support_contacts_90d' }, { kind: 'impute', column: 'last_chat_sentiment', strategy: 'median' }] }).fit(split.train); split";
// Far more epochs than the test waits for, and patience as long: only Stop ends it.
const TRAIN =
  "const model = await ml.train(split, { label: 'churned', pipeline, model: 'mlp', name: 'mlp', hiddenLayers: [64, 64], epochs: 400, patience: 400, batchSize: 64, seed: 3 }); ml.report(split.test, [model], { resamples: 50 }); ml.importance(model, split.test, { repeats: 1 }); model.end";
const TRIVIAL = '1 + 1';

/** What the page records of one click: when it happened, and when its result was painted. */
type ClickProbe = { clickAt: number | null; paintedAt: number | null };

let app: AppSession;
let page: Page;

describe.skipIf(!available)('training in the app (Chromium)', () => {
  beforeAll(async () => {
    app = await startAppSession((dir) =>
      writeNotebookFile(dir, 'training.ipynb', ['', '', '', '']),
    );
    page = app.page;
  }, 180_000);

  afterAll(() => app?.stop());

  it('trains with a live curve, stays responsive, stops on Stop, then shows metrics and importance', async () => {
    await typeInEditor(page, 1, LOAD);
    await page.keyboard.press('Shift+Enter');
    expect(await finishedStatus(page, 1)).toMatch(/^done/);
    await typeInEditor(page, 2, FEATURES);
    await page.keyboard.press('Shift+Enter');
    expect(await finishedStatus(page, 2)).toMatch(/^done/);
    expect(await readableText(outputRegion(page, 2))).toMatch(/train \d[\d,]* rows/);
    await typeInEditor(page, 4, TRIVIAL);
    await typeInEditor(page, 3, TRAIN);
    await page.keyboard.press('ControlOrMeta+Enter');

    // The live curve: a chart whose epoch count grows while the job runs.
    const training = outputRegion(page, 3);
    const stop = cellRegion(page, 3).getByRole('button', { name: 'Stop Training mlp' });
    await stop.waitFor({ timeout: 60_000 });
    const chart = training.getByRole('figure').first();
    await chart.locator('.main-svg').first().waitFor({ timeout: 60_000 });
    const epochsShown = async () => {
      const match = /epoch (\d+)\s*\/\s*400/i.exec(await readableText(training));
      return match ? Number(match[1]) : 0;
    };
    await expect.poll(epochsShown, { timeout: 60_000 }).toBeGreaterThanOrEqual(1);
    const first = await epochsShown();
    await expect.poll(epochsShown, { timeout: 60_000 }).toBeGreaterThanOrEqual(first + 2);
    // At least two epochs painted as points of the curve.
    const points = await chart.locator('.scatterlayer .trace path.js-line').count();
    expect(points).toBeGreaterThanOrEqual(1);
    await screenshot(page, 'training-01-live-curve');

    // While it trains: click the trivial cell, time from the click to the frame that shows it
    // selected.
    await page.evaluate(() => {
      const probe: ClickProbe = { clickAt: null, paintedAt: null };
      (globalThis as unknown as { probe: ClickProbe }).probe = probe;
      const cell = document.querySelector('section[aria-label="Cell 4"]');
      if (!cell) throw new Error('no Cell 4');
      cell.addEventListener('pointerdown', () => (probe.clickAt = performance.now()), {
        capture: true,
        once: true,
      });
      const observer = new MutationObserver(() => {
        if (probe.clickAt === null || !cell.classList.contains('cell-selected')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (probe.paintedAt = performance.now()), 0));
      });
      observer.observe(cell, { attributes: true, attributeFilter: ['class'] });
    });
    await cellRegion(page, 4)
      .locator('.monaco-editor .view-lines')
      .click({ position: { x: 40, y: 5 } });
    const readProbe = () =>
      page.evaluate(() => (globalThis as unknown as { probe: ClickProbe }).probe);
    await expect
      .poll(async () => (await readProbe()).paintedAt, { timeout: 10_000 })
      .not.toBeNull();
    const probe = await readProbe();
    const clickToPaint = (probe.paintedAt ?? 0) - (probe.clickAt ?? 0);
    console.log(`click to paint while training: ${clickToPaint.toFixed(1)} ms`);
    expect(clickToPaint).toBeLessThan(100);
    await expect.poll(epochsShown, { timeout: 60_000 }).toBeGreaterThan(first + 2);
    await screenshot(page, 'training-02-clicked-while-training');

    await stop.click();
    await stop.waitFor({ state: 'detached', timeout: 30_000 });
    expect(await finishedStatus(page, 3)).toMatch(/^done/);
    const after = await readableText(training);
    expect(after).toContain('stopped');
    expect(after).toMatch(/ROC-AUC/);
    // The metrics table: the model and the baseline beside it.
    const table = training.getByRole('table').first();
    await table.waitFor({ timeout: 10_000 });
    expect(await readableText(table)).toMatch(/mlp[\s\S]*baseline|baseline[\s\S]*mlp/);
    await training
      .getByRole('figure', { name: /Permutation importance/ })
      .locator('.main-svg')
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(page, 'training-03-stopped-metrics');
    await training.getByRole('figure', { name: /Permutation importance/ }).scrollIntoViewIfNeeded();
    await screenshot(page, 'training-04-importance');
  });
});
