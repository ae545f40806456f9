/**
 * The desktop app end to end, driven by Playwright's `_electron` (Spectron is dead): the built
 * main bundle (`npm run build`) opens the sample notebook; the test sees the window, the cells,
 * runs everything and waits for a table. It needs Electron's binary, which npm cannot download
 * from the registry alone: where it is missing the test is reported as skipped, by name.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { _electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { electronBinaryPath } from './electron-binary';

const repo = path.resolve(import.meta.dirname, '..', '..');
const binary = electronBinaryPath();
const electronBinaryPresent = binary !== null;

if (!electronBinaryPresent)
  console.log(
    "Electron smoke test skipped: Electron's binary is not installed here (npm cannot download it from the registry alone)",
  );

/** What the page itself can reach, read from inside it. */
type PageReach = { hostKeys: string[]; require: string; process: string; ipcRenderer: string };

function isPageReach(value: unknown): value is PageReach {
  return (
    typeof value === 'object' &&
    value !== null &&
    Array.isArray(Reflect.get(value, 'hostKeys')) &&
    typeof Reflect.get(value, 'require') === 'string'
  );
}

describe('desktop app', () => {
  it.skipIf(!electronBinaryPresent)(
    'Electron smoke: opens the sample notebook, runs all, shows a table',
    async () => {
      const env: Record<string, string> = {};
      for (const [name, value] of Object.entries(process.env))
        if (value !== undefined) env[name] = value;
      env.QUARRY_STATE_DIR = await mkdtemp(path.join(tmpdir(), 'quarry-electron-state-'));
      const app = await _electron.launch({
        executablePath: binary ?? undefined,
        args: [path.join(repo, 'dist/electron/main.cjs'), path.join(repo, 'samples/churn.ipynb')],
        cwd: repo,
        env,
      });
      try {
        const page = await app.firstWindow();
        expect(page.url()).toMatch(/^quarry-app:\/\/app\/index\.html\?generation=1$/);
        await expect.poll(() => page.title(), { timeout: 60_000 }).toMatch(/Quarry|churn/i);
        await page.getByRole('region', { name: 'Cell 1' }).waitFor({ timeout: 60_000 });
        await page.getByRole('region', { name: 'Cell 2' }).waitFor();

        // The page reaches the host through window.quarryHost only: no Node, no ipcRenderer.
        const reach: unknown = await page.evaluate(
          `({ hostKeys: Object.keys(window.quarryHost ?? {}).sort(), require: typeof require,
              process: typeof process, ipcRenderer: typeof window.ipcRenderer })`,
        );
        if (!isPageReach(reach)) throw new Error('unexpected answer from the page');
        expect(reach.hostKeys).toContain('notebook.open');
        expect(reach.hostKeys).toContain('onMenuCommand');
        expect(reach).toMatchObject({
          require: 'undefined',
          process: 'undefined',
          ipcRenderer: 'undefined',
        });

        await page.getByRole('button', { name: 'Run all' }).click();
        const table = page.locator('[role="region"][aria-label^="Output of cell"] table').first();
        await table.waitFor({ timeout: 240_000 });
        expect(await table.locator('tr').count()).toBeGreaterThan(1);
      } finally {
        // destroy() skips the page's beforeunload: a notebook with unsaved outputs would
        // otherwise stop the quit at the Leave / Stay question, with nobody to answer it.
        await app
          .evaluate(({ BrowserWindow }) => {
            for (const open of BrowserWindow.getAllWindows()) open.destroy();
          })
          .catch(() => undefined);
        await app.close();
      }
    },
    300_000,
  );
});
