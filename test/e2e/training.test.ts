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
/** The little of the page's DOM the probe uses (this file is type-checked without DOM types). */
type ProbeElement = {
  classList: { contains(name: string): boolean };
  addEventListener(type: string, listener: () => void, options: object): void;
};
type ProbeWindow = {
  probe: ClickProbe;
  document: { querySelector(selector: string): ProbeElement | null };
  MutationObserver: new (callback: () => void) => {
    observe(target: ProbeElement, options: object): void;
    disconnect(): void;
  };
  requestAnimationFrame(callback: () => void): number;
};

let app: AppSession;
let page: Page;

/** Clicks cell `n` (its frame, beside the editor) and returns the ms until that is painted. */
async function clickToPaint(n: number): Promise<number> {
  await page.evaluate((label) => {
    const w = globalThis as unknown as ProbeWindow;
    const probe: ClickProbe = { clickAt: null, paintedAt: null };
    w.probe = probe;
    const cell = w.document.querySelector(`section[aria-label="${label}"]`);
    if (!cell) throw new Error(`no ${label}`);
    cell.addEventListener('pointerdown', () => (probe.clickAt = performance.now()), {
      capture: true,
      once: true,
    });
    const observer = new w.MutationObserver(() => {
      if (probe.clickAt === null || !cell.classList.contains('cell-selected')) return;
      observer.disconnect();
      // The frame that shows the change: after its animation-frame callbacks, once painted.
      w.requestAnimationFrame(() => setTimeout(() => (probe.paintedAt = performance.now()), 0));
    });
    observer.observe(cell, { attributes: true, attributeFilter: ['class'] });
  }, `Cell ${n}`);
  await cellRegion(page, n).click({ position: { x: 3, y: 3 } });
  const readProbe = () => page.evaluate(() => (globalThis as unknown as ProbeWindow).probe);
  await expect.poll(async () => (await readProbe()).paintedAt, { timeout: 10_000 }).not.toBeNull();
  const probe = await readProbe();
  return (probe.paintedAt ?? 0) - (probe.clickAt ?? 0);
}

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
    // At least two epochs painted: the loss curve's markers, one per epoch.
    const lossPoints = chart.locator('.scatterlayer .trace').first().locator('.points path.point');
    await expect.poll(() => lossPoints.count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
    await screenshot(page, 'training-01-live-curve');

    // While it trains: click other cells (the trivial one, then the split's, in turn), each
    // timed from the press to the frame that shows it selected. The median of five is checked:
    // this machine's two cores are shared with other test runs, which one click can meet.
    const delays: number[] = [];
    for (const n of [4, 2, 4, 2, 4]) delays.push(await clickToPaint(n));
    const median = [...delays].sort((a, b) => a - b)[2];
    console.log(
      `click to paint while training: ${delays.map((d) => d.toFixed(0)).join(', ')} ms (median ${median.toFixed(0)} ms)`,
    );
    expect(median).toBeLessThan(100);
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
