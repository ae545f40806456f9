/**
 * Drives the app as a person would: `quarry serve` (the built CLI and renderer, `npm run build`)
 * on a copy of the sample notebook's folder, and Debian's Chromium through Playwright.
 * Screenshots go to dist/e2e-screenshots/ for a human to look at.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { notebookJson } from '../notebook-json';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const SCREENSHOTS = path.join(ROOT, 'dist', 'e2e-screenshots');
export const CHROMIUM = process.env.QUARRY_CHROMIUM ?? '/usr/bin/chromium';

export type Server = {
  url: string;
  origin: string;
  token: string;
  process: ChildProcess;
  stop(signal?: NodeJS.Signals): Promise<void>;
};

/** A fresh workspace: the sample notebook and its data, and a state folder of its own. */
export function makeWorkspace(): { dir: string; stateDir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'quarry-e2e-'));
  cpSync(path.join(ROOT, 'samples', 'churn.ipynb'), path.join(dir, 'churn.ipynb'));
  cpSync(path.join(ROOT, 'samples', 'data'), path.join(dir, 'data'), { recursive: true });
  const stateDir = path.join(dir, '.state');
  mkdirSync(stateDir);
  return { dir, stateDir };
}

export function startServer(notebook: string, stateDir: string, port = 0): Promise<Server> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'bin', 'quarry.js'), 'serve', notebook, '--port', String(port), '--no-open'],
    {
      env: { ...process.env, QUARRY_STATE_DIR: stateDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`quarry serve did not start: ${stderr}`)),
      30_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      const match = /Quarry is running at (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))/.exec(
        chunk.toString(),
      );
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1],
        origin: `http://127.0.0.1:${match[2]}`,
        token: match[3],
        process: child,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    });
    child.once('exit', (code) => reject(new Error(`quarry serve exited with ${code}: ${stderr}`)));
  });
}

/** `extraArgs`: Chromium switches one test needs (a smaller heap, a debugging port). */
export function launchBrowser(extraArgs: readonly string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  });
}

export async function openApp(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(url);
  await page.getByRole('region', { name: 'Cell 1', exact: true }).waitFor({ timeout: 30_000 });
  return page;
}

export async function waitForKernel(page: Page, timeout = 120_000): Promise<void> {
  await page
    .getByRole('status', { name: 'Kernel status' })
    .filter({ hasText: /idle/ })
    .waitFor({ timeout });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** The number of the selected cell (a new cell is selected). */
export async function selectedCellNumber(page: Page): Promise<number> {
  const label = await page.locator('section.cell-selected').getAttribute('aria-label');
  return Number(/^Cell (\d+)$/.exec(label ?? '')?.[1]);
}

/** Milliseconds between keys: a quick typist, so that typing races the app as people do. */
export const KEY_DELAY_MS = 12;

/**
 * Replaces the text of a cell's editor as a person does: click into it, select all, type the new
 * text key by key. Lines are typed as they would be by hand, so a test's code should not lean on
 * the editor's auto-indentation or auto-closed brackets across lines.
 */
export async function typeInEditor(page: Page, cellNumber: number, text: string): Promise<void> {
  const cell = page.getByRole('region', { name: `Cell ${cellNumber}`, exact: true });
  await cell.locator('.monaco-editor .view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await typeKeys(page, text);
}

/** Types at the cursor, key by key; a newline is the Enter key. */
export async function typeKeys(page: Page, text: string): Promise<void> {
  const lines = text.split('\n');
  for (const [i, line] of lines.entries()) {
    if (i > 0) await page.keyboard.press('Enter', { delay: KEY_DELAY_MS });
    // Monaco indents a new line itself, as people expect: they type the rest of the line.
    await page.keyboard.type(i > 0 ? line.trimStart() : line, { delay: KEY_DELAY_MS });
  }
}

export const cellRegion = (page: Page, n: number) =>
  page.getByRole('region', { name: `Cell ${n}`, exact: true });
export const outputRegion = (page: Page, n: number) =>
  page.getByRole('region', { name: `Output of cell ${n}`, exact: true });

/** What a person reads: Monaco renders spaces as no-break spaces. */
export async function readableText(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replaceAll('\u00a0', ' ');
}

/** Waits for cell `n` to finish its run and returns its status line (`done · 2.0 ms`). */
export async function finishedStatus(page: Page, n: number): Promise<string> {
  const status = cellRegion(page, n).getByLabel('Cell status');
  await status.filter({ hasText: /^(done|error|interrupted)/ }).waitFor({ timeout: 60_000 });
  return (await status.textContent()) ?? '';
}

/** A new code cell at the end of the notebook, typed into key by key; returns its number. */
export async function appendCodeCell(page: Page, source: string): Promise<number> {
  await page
    .locator('section.cell')
    .last()
    .click({ position: { x: 3, y: 3 } });
  await page.getByRole('button', { name: 'Add code cell' }).click();
  const n = await selectedCellNumber(page);
  await typeKeys(page, source);
  return n;
}

export type AppSession = {
  dir: string;
  server: Server;
  browser: Browser;
  page: Page;
  stop(): Promise<void>;
};

/**
 * The app on a fresh workspace (the sample notebook and its data), with the kernel idle. A
 * test's own notebook is written by `notebook` (given the workspace folder, it returns the
 * file's path); by default the sample notebook opens.
 */
export async function startAppSession(
  notebook: (dir: string) => string = (dir) => path.join(dir, 'churn.ipynb'),
): Promise<AppSession> {
  const workspace = makeWorkspace();
  const server = await startServer(notebook(workspace.dir), workspace.stateDir);
  const browser = await launchBrowser();
  const page = await openApp(browser, server.url);
  await waitForKernel(page);
  return {
    dir: workspace.dir,
    server,
    browser,
    page,
    stop: async () => {
      await browser.close();
      await server.stop();
    },
  };
}

/** Writes a notebook file of `cells` (test/notebook-json.ts) into `dir`; returns its path. */
export function writeNotebookFile(
  dir: string,
  name: string,
  cells: Parameters<typeof notebookJson>[0],
): string {
  const file = path.join(dir, name);
  writeFileSync(file, notebookJson(cells));
  return file;
}
