/**
 * The first hour of a JupyterLab user, typed key by key in Chromium (issue "Run exactly what the
 * editor shows"): what runs and saves is what the editor shows, kind changes never drop keys,
 * shortcuts survive a delete, structural edits undo. Needs `npm run build` and /usr/bin/chromium.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendCodeCell,
  cellRegion,
  CHROMIUM,
  finishedStatus,
  outputRegion,
  readableText,
  screenshot,
  selectedCellNumber,
  typeInEditor,
  startAppSession,
  typeKeys,
  writeNotebookFile,
  type AppSession,
} from './app-harness';

const available = existsSync(CHROMIUM);
let app: AppSession;
let page: Page;
let notebookPath: string;

const cell = (n: number) => cellRegion(page, n);
const output = (n: number) => outputRegion(page, n);
const statusOf = (n: number) => cell(n).getByLabel('Cell status');
const cellCount = () => page.getByRole('region', { name: /^Cell \d+$/ }).count();
const editorText = (n: number) => readableText(cell(n).locator('.view-lines'));
const visible = readableText;
const finished = (n: number) => finishedStatus(page, n);
const newCodeCell = (source: string) => appendCodeCell(page, source);

/** Esc to command mode, as a person does before D D, Z, Shift+M. */
async function commandMode(): Promise<void> {
  await page.keyboard.press('Escape');
  await expect.poll(() => page.locator('.monaco-editor textarea:focus').count()).toBe(0);
}

// A 2×2 red PNG, for the markdown attachment.
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==';

function writeNotebook(dir: string): string {
  return writeNotebookFile(dir, 'first-hour.ipynb', [
    {
      cell_type: 'markdown',
      source: '# First hour\n## Typing\n![red dot](attachment:dot.png)',
      attachments: { 'dot.png': { 'image/png': PNG } },
    },
    'const x = 40',
    'x + 1',
  ]);
}

describe.skipIf(!available)('typing and the first hour, key by key (Chromium)', () => {
  beforeAll(async () => {
    app = await startAppSession((dir) => (notebookPath = writeNotebook(dir)));
    page = app.page;
  }, 180_000);

  afterAll(() => app?.stop());

  it('1. runs what the editor shows: Ctrl+A, type, Ctrl+Enter at once', async () => {
    await typeInEditor(page, 2, 'const x = 41');
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finished(2)).toMatch(/^done/);
    await typeInEditor(page, 3, 'x * 100 + 1');
    await page.keyboard.press('Shift+Enter');
    expect(await finished(3)).toMatch(/^done/);
    await expect.poll(() => visible(output(3))).toContain('4101');
    expect(await editorText(3)).toBe('x * 100 + 1');
  });

  it('1. saves what the editor shows: type, Ctrl+S at once', async () => {
    await typeInEditor(page, 3, 'x + 2 // saved straight after typing');
    await page.keyboard.press('ControlOrMeta+S');
    await expect
      .poll(() => readFileSync(notebookPath, 'utf8'), { timeout: 10_000 })
      .toContain('x + 2 // saved straight after typing');
  });

  it('2. typing %%sql in a code cell keeps every key and focus', async () => {
    const n = await newCodeCell('%%sql\nselect 6 * 7 as answer, 99 as other');
    expect(await editorText(n)).toBe('%%sql' + 'select 6 * 7 as answer, 99 as other');
    await expect.poll(() => cell(n).locator('.cell-kind').textContent()).toBe('SQL');
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finished(n)).toMatch(/^done/);
    await expect.poll(() => visible(output(n).getByRole('table'))).toContain('42');
    await screenshot(page, 'first-hour-01-sql-typed');
  });

  it('2. a new SQL cell puts the cursor on line 2', async () => {
    await page.getByRole('button', { name: 'Add SQL cell' }).click();
    const n = await selectedCellNumber(page);
    await typeKeys(page, 'select 1 + 1 as two');
    await expect.poll(() => cell(n).locator('.cell-kind').textContent()).toBe('SQL');
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finished(n)).toMatch(/^done/);
    await expect.poll(() => visible(output(n).getByRole('table'))).toContain('two');
  });

  it('3 and 9. D D deletes, shortcuts still work, Z and Ctrl+Z undo the delete', async () => {
    const doomed = await newCodeCell('const doomed = "bring me back"');
    const before = await cellCount();
    await commandMode();
    await page.keyboard.press('d');
    await page.keyboard.press('d');
    await expect.poll(cellCount).toBe(before - 1);
    await typeInEditor(page, 3, 'x + 3');
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finished(3)).toMatch(/^done/);
    await expect.poll(() => visible(output(3))).toContain('44');
    await typeInEditor(page, 3, 'x + 4');
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => visible(output(3))).toContain('45');
    await commandMode();
    await page.keyboard.press('z');
    await expect.poll(cellCount).toBe(before);
    expect(await editorText(doomed)).toBe('const doomed = "bring me back"');
    await page.keyboard.press('Shift+Z');
    await expect.poll(cellCount).toBe(before - 1);
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(cellCount).toBe(before);
    await screenshot(page, 'first-hour-02-undo-delete');
  });

  it('merges (Shift+M) and splits (Ctrl+Shift+-) cells, with multi-select and undo', async () => {
    const a = await newCodeCell('const m1 = 1');
    const b = await newCodeCell('const m2 = 2');
    const before = await cellCount();
    await commandMode();
    expect(await selectedCellNumber(page)).toBe(b);
    await page.keyboard.press('Shift+ArrowUp');
    await expect.poll(() => page.locator('section.cell-selected').count()).toBe(2);
    await page.keyboard.press('Shift+M');
    await expect.poll(cellCount).toBe(before - 1);
    await expect.poll(() => editorText(a)).toBe('const m1 = 1const m2 = 2');
    // Split where the cursor is: at the start of the third line.
    await cell(a)
      .locator('.view-line')
      .nth(2)
      .click({ position: { x: 1, y: 5 } });
    await page.keyboard.press('Home');
    await page.keyboard.press('ControlOrMeta+Shift+Minus');
    await expect.poll(cellCount).toBe(before);
    await expect.poll(() => editorText(a)).toBe('const m1 = 1');
    await expect.poll(() => editorText(a + 1)).toBe('const m2 = 2');
  });

  it('moves between cells with ArrowUp/Down at the edges of an editor', async () => {
    await cell(3).locator('.view-lines').click();
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowUp');
    await expect.poll(() => selectedCellNumber(page)).toBe(2);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => selectedCellNumber(page)).toBe(3);
    await page.keyboard.type(' ', { delay: 12 });
    expect(await editorText(3)).toMatch(/ $/);
  });

  it('shows a live timer while a cell runs, and long outputs in a scroll box', async () => {
    const n = await newCodeCell(
      'for (let i = 0; i < 400; i++) console.log("line " + i)\nawait new Promise((r) => setTimeout(r, 1500))',
    );
    await page.keyboard.press('ControlOrMeta+Enter');
    await statusOf(n)
      .filter({ hasText: /^running · [1-9]\d{2} ms|^running · 1\.\d+ s/ })
      .waitFor({ timeout: 10_000 });
    expect(await finished(n)).toMatch(/^done/);
    const box = await output(n).evaluate((el) => ({
      client: el.clientHeight,
      scroll: el.scrollHeight,
    }));
    expect(box.client).toBeLessThanOrEqual(640);
    expect(box.scroll).toBeGreaterThan(box.client);
    await cell(n).getByRole('button', { name: 'Collapse outputs' }).click();
    await expect.poll(() => cell(n).getByText('Outputs hidden').count()).toBe(1);
    await screenshot(page, 'first-hour-03-collapsed');
    await cell(n).getByRole('button', { name: 'Expand outputs' }).click();
    await expect.poll(() => visible(output(n))).toContain('line 399');
  });

  it('closes the completion list when a cell runs', async () => {
    const n = await newCodeCell('Math.ma');
    await expect
      .poll(() => page.locator('.suggest-widget.visible').count(), { timeout: 10_000 })
      .toBe(1);
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finished(n)).toMatch(/^done/);
    expect(await page.locator('.suggest-widget.visible').count()).toBe(0);
  });

  it('finds and replaces across cells in one undoable step', async () => {
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page.getByLabel('Find', { exact: true }).click();
    await page.keyboard.type('const m', { delay: 12 });
    await expect
      .poll(() => page.getByRole('status', { name: 'Find results' }).textContent())
      .toBe('2 matches in 2 cells');
    await page.getByLabel('Replace with').click();
    await page.keyboard.type('let m', { delay: 12 });
    await page.getByRole('button', { name: 'Replace all' }).click();
    await expect.poll(() => visible(page.locator('.notebook'))).toContain('let m1 = 1');
    await screenshot(page, 'first-hour-04-find');
    await page.getByRole('button', { name: 'Find', exact: true }).click();
    await page
      .locator('section.cell')
      .first()
      .click({ position: { x: 3, y: 3 } });
    await page.keyboard.press('z');
    await expect.poll(() => visible(page.locator('.notebook'))).toContain('const m1 = 1');
  });

  it('lists headings in the table of contents and renders markdown attachments', async () => {
    await page.getByRole('button', { name: 'Contents' }).click();
    const toc = page.getByRole('navigation', { name: 'Table of contents' });
    await expect.poll(() => toc.textContent()).toBe('First hourTyping');
    const image = cell(1).locator('img[alt="red dot"]');
    await expect
      .poll(() =>
        image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
      )
      .toBe(2);
    await screenshot(page, 'first-hour-05-contents');
    await page.getByRole('button', { name: 'Contents' }).click();
  });

  it('offers kind changes, clear all outputs and restart and run all in the palette', async () => {
    await page
      .locator('section.cell')
      .nth(1)
      .click({ position: { x: 3, y: 3 } });
    await page.keyboard.press('ControlOrMeta+Shift+P');
    await page.keyboard.type('clear all', { delay: 12 });
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.qo-output').count()).toBe(0);
    await page.keyboard.press('ControlOrMeta+Shift+P');
    await page.keyboard.type('change cell to raw', { delay: 12 });
    await page.keyboard.press('Enter');
    await expect.poll(() => cell(2).locator('.cell-kind').textContent()).toBe('Raw');
    await page.keyboard.press('y');
    await expect.poll(() => cell(2).locator('.cell-kind').textContent()).toBe('TypeScript');
    await page.getByRole('button', { name: 'Restart and run all' }).click();
    await expect.poll(() => visible(output(3)), { timeout: 60_000 }).toContain('45');
  });

  it('follows the system dark theme', async () => {
    await page.emulateMedia({ colorScheme: 'dark' });
    const background = await page
      .locator('section.cell')
      .first()
      .evaluate((el) => el.ownerDocument.defaultView?.getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(30, 33, 39)');
    await expect.poll(() => page.locator('.monaco-editor.vs-dark').count()).toBeGreaterThan(0);
    await screenshot(page, 'first-hour-06-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
