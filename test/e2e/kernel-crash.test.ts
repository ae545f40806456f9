/**
 * A cell that runs out of memory takes only the kernel with it (issue 7, fault 2): the kernel's
 * worker lives in a frame of another site, so in a process of its own (core/kernel-frame-
 * protocol.ts). The page survives, says the kernel stopped, restarts it, and keeps what was not
 * saved. Typed key by key in Chromium; needs `npm run build` and /usr/bin/chromium.
 *
 * Two things are particular to this test. V8's heap is capped (`--max-old-space-size`) so the
 * cell runs out of memory in seconds rather than after gigabytes. And Playwright marks a whole
 * page as crashed when any of its out-of-process frames crashes, though the page lives on: after
 * the crash the test drives the same tab through a second Playwright connection (over the
 * DevTools port), which sees the page as it is.
 */
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appendCodeCell,
  cellRegion,
  CHROMIUM,
  finishedStatus,
  launchBrowser,
  makeWorkspace,
  openApp,
  outputRegion,
  readableText,
  screenshot,
  startServer,
  typeInEditor,
  waitForKernel,
  writeNotebookFile,
  type Server,
} from './app-harness';

const available = existsSync(CHROMIUM);
const OOM_CELL = 'const a = []; while (true) a.push(new Array(1e6).fill(1))';

let server: Server | undefined;
let browser: Browser | undefined;
let observer: Browser | undefined;

afterAll(async () => {
  await observer?.close();
  await browser?.close();
  await server?.stop();
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** The app's tab as a fresh Playwright connection sees it. */
async function reattach(port: number, url: string): Promise<Page> {
  observer = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  const page = observer
    .contexts()
    .flatMap((context) => context.pages())
    .find((candidate) => candidate.url().startsWith(url.slice(0, url.indexOf('?'))));
  if (!page) throw new Error('the app’s tab is gone');
  return page;
}

describe.skipIf(!available)('a cell that runs out of memory (Chromium)', () => {
  it('stops only the kernel: the page says so, restarts it, and keeps the unsaved text', async () => {
    const workspace = makeWorkspace();
    const notebook = writeNotebookFile(workspace.dir, 'oom.ipynb', ['"first"', '"second"']);
    server = await startServer(notebook, workspace.stateDir);
    const debugPort = await freePort();
    browser = await launchBrowser([
      '--js-flags=--max-old-space-size=384',
      `--remote-debugging-port=${debugPort}`,
    ]);
    let page = await openApp(browser, server.url);
    await waitForKernel(page);

    // Cell 1 ran and has an output; then it gets text that is neither run nor saved.
    await typeInEditor(page, 1, 'console.log("output of cell 1")');
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finishedStatus(page, 1)).toMatch(/^done/);
    await typeInEditor(page, 1, '// notes nobody saved');

    await typeInEditor(page, 2, OOM_CELL);
    await page.keyboard.press('ControlOrMeta+Enter');
    await cellRegion(page, 2)
      .getByLabel('Cell status')
      .filter({ hasText: /^running/ })
      .waitFor({ timeout: 30_000 });
    const started = Date.now();

    // The frame's process dies; Playwright then calls the page crashed too, whether it is or not.
    await new Promise<void>((resolve) => page.once('crash', () => resolve()));
    page = await reattach(debugPort, server.url);
    expect(await page.title()).toContain('Quarry');

    const banner = page.getByRole('alert', { name: 'Kernel stopped' });
    await banner.waitFor({ timeout: 30_000 });
    const detectedAfterMs = Date.now() - started;
    expect(await banner.textContent()).toMatch(/stopped unexpectedly.*out of memory/);
    await expect
      .poll(() => page.getByRole('status', { name: 'Kernel status' }).textContent())
      .toBe('Kernel stopped');
    expect(await finishedStatus(page, 2)).toMatch(/^error/);
    expect(await readableText(outputRegion(page, 2))).toContain('ran out of memory');

    // Nothing else was touched: the unsaved text and cell 1's output are there.
    expect(await readableText(cellRegion(page, 1).locator('.view-lines'))).toContain(
      '// notes nobody saved',
    );
    expect(await readableText(outputRegion(page, 1))).toContain('output of cell 1');
    await screenshot(page, 'kernel-crash-01-stopped');

    await banner.getByRole('button', { name: 'Restart kernel' }).click();
    await waitForKernel(page, 60_000);
    await banner.waitFor({ state: 'detached' });
    const n = await appendCodeCell(page, 'console.log("alive after restart")');
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finishedStatus(page, n)).toMatch(/^done/);
    expect(await readableText(outputRegion(page, n))).toContain('alive after restart');
    expect(await readableText(cellRegion(page, 1).locator('.view-lines'))).toContain(
      '// notes nobody saved',
    );
    await screenshot(page, 'kernel-crash-02-restarted');
    console.log(`kernel death noticed ${detectedAfterMs} ms after the cell started`);
  }, 120_000);
});
