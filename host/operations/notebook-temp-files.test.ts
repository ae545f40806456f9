/** What interrupted saves leave beside a notebook is cleaned by the host on open and on save. */
import { spawnSync } from 'node:child_process';
import { readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHostHandlers } from './host-handlers';
import { notebookText, tempFolder } from '../../test/support/host-fixtures';

/** A PID that is surely not running: a child that has already exited. */
const deadPid = spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;

describe('temporary files of interrupted saves', () => {
  it('are removed when the notebook is opened and when it is saved', async () => {
    const root = await tempFolder('quarry-temps-');
    const host = createHostHandlers({ root, stateDir: await tempFolder('quarry-temps-state-') });
    await writeFile(path.join(root, 'nb.ipynb'), notebookText());
    const leftover = (n: number) => `.nb.ipynb.${deadPid}.${String(n).repeat(12)}.tmp`;
    for (const n of [1, 2, 3]) await writeFile(path.join(root, leftover(n)), 'x'.repeat(10_000));
    const opened = await host['notebook.open']({ path: 'nb.ipynb' });
    expect(await readdir(root)).toEqual(['nb.ipynb']);

    await writeFile(path.join(root, leftover(4)), 'killed during a save');
    await host['notebook.save']({
      path: 'nb.ipynb',
      text: notebookText('v2'),
      expectedMtimeMs: opened.mtimeMs,
      overwrite: false,
    });
    expect(await readdir(root)).toEqual(['nb.ipynb']);
  });
});
