import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { notebookText, tempFolder } from '../../test/support/host-fixtures';
import { isNotebookName, locateNotebook } from './notebook-location';

let root: string;
let elsewhere: string;

beforeEach(async () => {
  root = await tempFolder('quarry-location-');
  elsewhere = await tempFolder('quarry-location-else-');
  await mkdir(path.join(root, 'sub'));
  await writeFile(path.join(root, 'sub', 'a.ipynb'), notebookText());
  await writeFile(path.join(elsewhere, 'b.ipynb'), notebookText());
  await symlink(elsewhere, path.join(root, 'linked'));
});

describe('where a chosen notebook lies', () => {
  it('inside the workspace: its relative path', async () => {
    await expect(locateNotebook(root, path.join(root, 'sub', 'a.ipynb'))).resolves.toEqual({
      kind: 'inside',
      relative: 'sub/a.ipynb',
    });
  });

  it('outside: its absolute path (its folder becomes the workspace)', async () => {
    const chosen = path.join(elsewhere, 'b.ipynb');
    await expect(locateNotebook(root, chosen)).resolves.toEqual({
      kind: 'outside',
      absolute: chosen,
    });
  });

  it('through a link that leads out: outside, as the guard would refuse it', async () => {
    const chosen = path.join(root, 'linked', 'b.ipynb');
    await expect(locateNotebook(root, chosen)).resolves.toEqual({
      kind: 'outside',
      absolute: chosen,
    });
  });

  it('notebooks are .ipynb files, in any case', () => {
    expect(isNotebookName('/a/b.ipynb')).toBe(true);
    expect(isNotebookName('/a/B.IPYNB')).toBe(true);
    expect(isNotebookName('/a/b.ipynb.txt')).toBe(false);
    expect(isNotebookName('/a/ipynb')).toBe(false);
  });
});
