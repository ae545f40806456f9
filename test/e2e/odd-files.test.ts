/**
 * Odd files in the app, browser mode, in Chromium: a symbolic link loop in the notebook folder
 * is listed greyed with its reason (the rest of the folder still shows), and a save that fails
 * says so in a banner while the typed text stays in the editor. Needs `npm run build` and
 * /usr/bin/chromium.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM,
  cellRegion,
  readableText,
  screenshot,
  startAppSession,
  typeInEditor,
  writeNotebookFile,
  type AppSession,
} from './app-harness';

describe.skipIf(!existsSync(CHROMIUM))('odd files in the app (Chromium)', () => {
  let session: AppSession;

  beforeAll(async () => {
    session = await startAppSession((dir) => writeNotebookFile(dir, 'odd.ipynb', ['1 + 1']));
    await symlink('loop.csv', path.join(session.dir, 'loop.csv'));
  }, 180_000);

  afterAll(async () => {
    await session?.stop();
  });

  it('lists a symbolic link loop greyed, with the reason as its title', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Files', exact: true }).click();
    const files = page.getByRole('navigation', { name: 'Files' });
    const loop = files.getByText('loop.csv', { exact: true });
    await loop.waitFor();
    expect(await loop.getAttribute('title')).toBe('a symbolic link loop');
    expect(await files.getByRole('button', { name: 'odd.ipynb' }).first().isVisible()).toBe(true);
    await screenshot(page, 'odd-files-loop');
    await page.getByRole('button', { name: 'Files', exact: true }).click();
  });

  it('says a failed save in a banner and keeps the typed text', async () => {
    const { page, dir } = session;
    await typeInEditor(page, 1, '1 + 40');
    // The file became a folder: the host refuses to write over it.
    await rm(path.join(dir, 'odd.ipynb'));
    await mkdir(path.join(dir, 'odd.ipynb'));
    await page.keyboard.press('Control+s');
    const banner = page.getByRole('alert').filter({ hasText: 'was not saved' });
    await banner.waitFor();
    expect(await banner.textContent()).toContain(
      'odd.ipynb was not saved: "odd.ipynb" is a folder',
    );
    expect(await readableText(cellRegion(page, 1))).toContain('1 + 40');
    await screenshot(page, 'odd-files-save-failed');
  });
});
