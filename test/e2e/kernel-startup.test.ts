/**
 * Start-up in the app (docs/kernel.md, "Start-up"): the kernel is idle before its database and
 * libraries have loaded; cells wait for what they need, and once TF.js has loaded the toolbar
 * shows its backend (the kernel's `info` event). Typed key by key in Chromium; needs
 * `npm run build` and /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  appendCodeCell,
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
let session: AppSession | undefined;

afterAll(async () => {
  await session?.stop();
});

describe.skipIf(!available)('kernel start-up in the app (Chromium)', () => {
  it('runs TypeScript and SQL cells, loads TF.js, and shows its backend', async () => {
    session = await startAppSession((dir) => writeNotebookFile(dir, 'start.ipynb', ['']));
    const { page } = session;
    await typeInEditor(page, 1, '1 + 1');
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finishedStatus(page, 1)).toMatch(/^done/);
    expect(await readableText(outputRegion(page, 1))).toContain('2');

    const sqlCell = await appendCodeCell(page, '%%sql\nselect 40 + 2 as answer');
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finishedStatus(page, sqlCell)).toMatch(/^done/);
    expect(await readableText(outputRegion(page, sqlCell))).toContain('42');

    const tfCell = await appendCodeCell(page, 'tf.getBackend()');
    await page.keyboard.press('ControlOrMeta+Enter');
    expect(await finishedStatus(page, tfCell)).toMatch(/^done/);
    const backend = /(webgpu|webgl|wasm|cpu)/.exec(await readableText(outputRegion(page, tfCell)));
    expect(backend).not.toBeNull();
    const status = page.getByRole('status', { name: 'Kernel status' });
    await status.filter({ hasText: `TF.js ${backend?.[1]}` }).waitFor({ timeout: 30_000 });
    await screenshot(page, 'kernel-startup');
  });
});
