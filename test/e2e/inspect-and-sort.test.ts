/**
 * The variable inspector and sorting a big result in the kernel, typed key by key in Chromium
 * (issue "the notebook a JupyterLab user trusts in the first hour"). Needs `npm run build` and
 * /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  finishedStatus,
  outputRegion,
  screenshot,
  startAppSession,
  typeInEditor,
  typeKeys,
  waitForKernel,
  writeNotebookFile,
  type AppSession,
} from './app-harness';

const available = existsSync(CHROMIUM);
let app: AppSession;
let page: Page;

const output = (n: number) => outputRegion(page, n);
const variables = () => page.getByRole('complementary', { name: 'Variables' });

const finished = (n: number) => finishedStatus(page, n);

/** The cells of a table's first data row (row 0 is the header), or of its last rendered one. */
async function firstRow(n: number, which: 'first' | 'last' = 'first'): Promise<string[]> {
  const rows = output(n).getByRole('row');
  return (which === 'first' ? rows.nth(1) : rows.last()).getByRole('cell').allTextContents();
}

/** A variable's row in the inspector: name, type, shape, size, value. */
async function variableRow(name: string): Promise<string[]> {
  const row = variables()
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name, exact: true }) });
  if ((await row.count()) === 0) return [];
  return [name, ...(await row.getByRole('cell').allTextContents())];
}

function writeNotebook(dir: string): string {
  return writeNotebookFile(dir, 'inspect-and-sort.ipynb', ['', '', '']);
}

// (i * 7919) % 100003 over i < 100000: the whole result's maximum is 100002 (at i = 52685); the
// 500 rows a table output carries reach only 99798.
const QUERY = '%%sql\nselect range as i, (range * 7919) % 100003 as v from range(100000)';
const values = Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 100_003);
const MAX = values.reduce((a, b) => Math.max(a, b));
const AT_MAX = values.indexOf(MAX);
const SAVED_MAX = values.slice(0, 500).reduce((a, b) => Math.max(a, b));

describe.skipIf(!available)('variable inspector and sorting in the kernel (Chromium)', () => {
  beforeAll(async () => {
    app = await startAppSession(writeNotebook);
    page = app.page;
  }, 180_000);

  afterAll(() => app?.stop());

  it('lists the user’s variables with type, shape, size and value, and follows new cells', async () => {
    await typeInEditor(
      page,
      1,
      'const n = 42\nconst label = "quarry"\nconst t = tf.zeros([3, 4])\nconst xs = new Float32Array(1000)',
    );
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finished(1)).toMatch(/^done/);
    await page.getByRole('button', { name: 'Variables', exact: true }).click();
    await expect.poll(() => variableRow('n')).toEqual(['n', 'number', '—', '~8 B', '42']);
    expect(await variableRow('label')).toEqual(['label', 'string', '—', '~28 B', "'quarry'"]);
    expect(await variableRow('t')).toEqual(['t', 'Tensor', '3 × 4', '48 B', 'float32']);
    expect(await variableRow('xs')).toEqual(['xs', 'Float32Array', '1,000', '3.9 KB', '']);
    // The kernel's own globals are not the user's variables.
    expect(await variableRow('sql')).toEqual([]);
    expect(await variableRow('tf')).toEqual([]);

    // A cell that ends while the panel is open shows up in it.
    await typeInEditor(page, 2, '%%sql big\nselect range as k from range(2500)');
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finished(2)).toMatch(/^done/);
    await expect
      .poll(() => variableRow('big'))
      .toEqual(['big', 'QuarrySqlResult', '2,500 × 1', '19.5 KB', '']);
    await screenshot(page, 'inspect-01-variables');

    // The palette opens it too: Show variables, after the toolbar closed it.
    await page.getByRole('button', { name: 'Variables', exact: true }).click();
    await expect.poll(() => variables().count()).toBe(0);
    await page.keyboard.press('ControlOrMeta+Shift+P');
    await typeKeys(page, 'Show variables');
    await page.keyboard.press('Enter');
    await expect.poll(() => variableRow('n')).toEqual(['n', 'number', '—', '~8 B', '42']);
  });

  it('sorting a 100,000-row result sorts all of it, in the kernel', async () => {
    await typeInEditor(page, 3, QUERY);
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finished(3)).toMatch(/^done/);
    const footer = output(3).locator('.qt-footer');
    await expect.poll(() => footer.textContent()).toBe('100,000 rows × 2 columns');
    expect(await firstRow(3)).toEqual(['0', '0']);
    const v = output(3).getByRole('columnheader', { name: /^v/ });

    await v.getByRole('button').click();
    await expect.poll(() => v.getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(() => firstRow(3)).toEqual(['0', '0']);
    await v.getByRole('button').click();
    await expect.poll(() => v.getAttribute('aria-sort')).toBe('descending');
    // The whole result's maximum, not the 500 rows the output carries.
    await expect.poll(() => firstRow(3)).toEqual([String(AT_MAX), String(MAX)]);
    expect(MAX).toBeGreaterThan(SAVED_MAX);
    expect(await output(3).getByRole('note').count()).toBe(0);
    await screenshot(page, 'inspect-02-sorted-in-kernel');

    // Scrolled to its end, the descending sort reaches the minimum.
    await output(3)
      .locator('.qt-scroll')
      .evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await expect.poll(() => firstRow(3, 'last')).toEqual(['0', '0']);
  });

  it('after a restart the kernel no longer holds the result: the sort says it covers the saved rows', async () => {
    await page.getByRole('button', { name: 'Restart kernel' }).click();
    await waitForKernel(page);
    const v = output(3).getByRole('columnheader', { name: /^v/ });
    await v.getByRole('button').click(); // descending → unsorted
    await expect.poll(() => v.getAttribute('aria-sort')).toBe('none');
    await v.getByRole('button').click();
    await v.getByRole('button').click();
    await expect.poll(() => v.getAttribute('aria-sort')).toBe('descending');
    await expect
      .poll(() => output(3).getByRole('note').textContent())
      .toContain('Sorted the 500 saved rows only');
    await expect
      .poll(() => firstRow(3))
      .toEqual([String(values.indexOf(SAVED_MAX)), String(SAVED_MAX)]);
    await expect
      .poll(() => output(3).locator('.qt-footer').textContent())
      .toBe('100,000 rows × 2 columns (first 500 shown)');
    await screenshot(page, 'inspect-03-saved-rows-only');
  });
});
