/**
 * The variable inspector, typed key by key in Chromium
 * (issue "the notebook a JupyterLab user trusts in the first hour"). Needs `npm run build` and
 * /usr/bin/chromium.
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  launchBrowser,
  makeWorkspace,
  openApp,
  screenshot,
  startServer,
  typeInEditor,
  typeKeys,
  waitForKernel,
  type Server,
} from './app-harness';

const available = existsSync(CHROMIUM);
let browser: Browser;
let server: Server;
let page: Page;

const cell = (n: number) => page.getByRole('region', { name: `Cell ${n}`, exact: true });
const variables = () => page.getByRole('complementary', { name: 'Variables' });

async function finished(n: number): Promise<string> {
  await cell(n)
    .getByLabel('Cell status')
    .filter({ hasText: /^(done|error|interrupted)/ })
    .waitFor({ timeout: 60_000 });
  return (await cell(n).getByLabel('Cell status').textContent()) ?? '';
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
  const file = path.join(dir, 'inspect-and-sort.ipynb');
  const code = (id: string) => ({
    id,
    cell_type: 'code',
    metadata: {},
    source: '',
    outputs: [],
    execution_count: null,
  });
  writeFileSync(
    file,
    JSON.stringify({
      nbformat: 4,
      nbformat_minor: 5,
      metadata: {
        kernelspec: {
          name: 'quarry-typescript',
          display_name: 'TypeScript (Quarry)',
          language: 'typescript',
        },
      },
      cells: [code('c1'), code('c2'), code('c3')],
    }),
  );
  return file;
}

describe.skipIf(!available)('variable inspector (Chromium)', () => {
  beforeAll(async () => {
    const workspace = makeWorkspace();
    server = await startServer(writeNotebook(workspace.dir), workspace.stateDir);
    browser = await launchBrowser();
    page = await openApp(browser, server.url);
    await waitForKernel(page);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

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
});
