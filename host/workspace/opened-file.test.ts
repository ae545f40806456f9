/**
 * The race the path check alone loses: a link inside the workspace swapped between a target
 * inside and one outside while the host reads and writes through it. The guard checks the open
 * descriptor (opened-file.ts), so no read may return outside content and no save may create a
 * file outside, however the swaps and the requests interleave.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHostHandlers, type HostHandlers } from '../operations/host-handlers';
import { fileResponse } from '../serving/ranged-file';
import { resolveInWorkspace } from './workspace';
import { notebookText, tempFolder } from '../../test/support/host-fixtures';

let root: string;
let outside: string;
let host: HostHandlers;
let swapper: ChildProcess | undefined;

beforeEach(async () => {
  root = await tempFolder('quarry-race-');
  outside = await tempFolder('quarry-race-outside-');
  await mkdir(path.join(root, 'in'));
  await writeFile(path.join(root, 'in', 'data.csv'), 'inside');
  await writeFile(path.join(root, 'in', 'nb.ipynb'), notebookText('inside'));
  await writeFile(path.join(outside, 'data.csv'), 'SECRET');
  await writeFile(path.join(outside, 'nb.ipynb'), notebookText('SECRET'));
  await writeFile(path.join(outside, 'outside-only.txt'), 'SECRET');
  host = createHostHandlers({ root, stateDir: await tempFolder('quarry-race-state-') });
});

afterEach(() => {
  swapper?.kill();
  swapper = undefined;
});

/**
 * Another process that points `link` at `a`, then `b`, then `a`... as fast as it can; each swap
 * is atomic (a new link renamed over the old), so the link always exists.
 */
async function swapLink(link: string, a: string, b: string): Promise<void> {
  const code = `
    const fs = require('node:fs');
    const [link, a, b] = process.argv.slice(1);
    fs.symlinkSync(a, link);
    console.log('ready');
    for (let i = 0; ; i++) {
      fs.symlinkSync(i % 2 ? a : b, link + '.next');
      fs.renameSync(link + '.next', link);
    }`;
  swapper = spawn(process.execPath, ['-e', code, link, a, b], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => swapper?.stdout?.once('data', () => resolve()));
}

describe('a link swapped during requests', () => {
  it('never lets a data file read return what is outside', async () => {
    await swapLink(
      path.join(root, 'x.csv'),
      path.join(root, 'in', 'data.csv'),
      path.join(outside, 'data.csv'),
    );
    const seen = { inside: 0, outside: 0, refused: 0 };
    for (let i = 0; i < 3000; i++) {
      try {
        const absolute = await resolveInWorkspace(root, 'x.csv');
        const response = await fileResponse(
          { root, absolute, shown: 'x.csv' },
          { method: 'GET', range: null },
          {},
        );
        const body = response === 'not-a-file' ? '' : await response.text();
        if (body === 'SECRET') seen.outside++;
        else if (body === 'inside') seen.inside++;
      } catch {
        seen.refused++;
      }
    }
    expect(seen.outside).toBe(0);
    expect(seen.inside).toBeGreaterThan(0);
  });

  it('never lets notebook.open return a notebook outside', async () => {
    await swapLink(
      path.join(root, 'x.ipynb'),
      path.join(root, 'in', 'nb.ipynb'),
      path.join(outside, 'nb.ipynb'),
    );
    let outsideReads = 0;
    let insideReads = 0;
    for (let i = 0; i < 1000; i++) {
      const opened = await host['notebook.open']({ path: 'x.ipynb' }).catch(() => null);
      if (opened?.text.includes('SECRET')) outsideReads++;
      else if (opened !== null) insideReads++;
    }
    expect(outsideReads).toBe(0);
    expect(insideReads).toBeGreaterThan(0);
  });

  it('never lets a save create a file outside', async () => {
    await swapLink(path.join(root, 'sub'), path.join(root, 'in'), outside);
    let saved = 0;
    for (let i = 0; i < 1000; i++) {
      const request = {
        path: 'sub/new.ipynb',
        text: notebookText(`v${i}`),
        expectedMtimeMs: null,
        overwrite: true,
      };
      const answer = await host['notebook.save'](request).catch(() => null);
      if (answer?.kind === 'saved') saved++;
    }
    swapper?.kill();
    expect((await readdir(outside)).sort()).toEqual(['data.csv', 'nb.ipynb', 'outside-only.txt']);
    expect(saved).toBeGreaterThan(0);
  });

  it('never lets folder.list list a folder outside', async () => {
    await swapLink(path.join(root, 'sub'), path.join(root, 'in'), outside);
    let outsideLists = 0;
    let insideLists = 0;
    for (let i = 0; i < 1000; i++) {
      const listing = await host['folder.list']({ path: 'sub' }).catch(() => null);
      if (listing?.entries.some((entry) => entry.name === 'outside-only.txt')) outsideLists++;
      else if (listing !== null) insideLists++;
    }
    expect(outsideLists).toBe(0);
    expect(insideLists).toBeGreaterThan(0);
  });
});
