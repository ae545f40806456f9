import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import {
  copyFile,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  stat,
  truncate,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseNotebook, serializeNotebook } from '../core/notebook/ipynb';
import { createCodeCell, createNotebook } from '../core/notebook/model';
import { NotebookFileError, readNotebookFile, saveNotebookFile } from './notebook-file';

const FIXTURES = new URL('../test/fixtures/notebooks/', import.meta.url);
const fixturePath = (name: string): string => new URL(name, FIXTURES).pathname;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quarry-notebook-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Size, time and content hash: enough to tell that reading left a file as it was. */
async function fingerprint(path: string): Promise<string> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return `not a file, modified ${info.mtimeMs}`;
    // The sparse over-the-limit file is not worth hashing: its size and time are enough.
    if (info.size > 2 ** 24) return `${info.size} bytes, modified ${info.mtimeMs}`;
    const hash = createHash('sha256');
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
    return `${info.size} bytes, modified ${info.mtimeMs}, sha256 ${hash.digest('hex')}`;
  } catch {
    return 'absent';
  }
}

/** The error readNotebookFile throws, after checking the file on disk did not change. */
async function readError(path: string): Promise<NotebookFileError> {
  const before = await fingerprint(path);
  const error = await readNotebookFile(path).then(
    () => new Error('read succeeded'),
    (e: unknown) => e,
  );
  expect(await fingerprint(path)).toBe(before);
  if (!(error instanceof NotebookFileError)) throw error;
  expect(error.message).not.toContain('\n');
  expect(error.path).toBe(path);
  return error;
}

describe('readNotebookFile', () => {
  it('reads a notebook', async () => {
    const path = fixturePath('quarry-tables.ipynb');
    const text = await readFile(path, 'utf8');
    expect(await readNotebookFile(path)).toEqual(parseNotebook(text));
  });

  it.each([
    [
      'malformed/trailing-comma.ipynb',
      ': invalid JSON at line 5, column 21: trailing comma before "}"',
    ],
    ['malformed/not-a-notebook.ipynb', ' is not a notebook: top-level "cells" is missing'],
    ['malformed/nbformat-3.ipynb', ': unsupported nbformat 3: only nbformat 4 is supported'],
    ['malformed/numeric-source.ipynb', ': cell 4: "source" must be a string or a list of strings'],
  ])('names the file and the problem for %s', async (name, problem) => {
    const path = join(dir, 'bad.ipynb');
    await copyFile(fixturePath(name), path);
    expect((await readError(path)).message).toBe(path + problem);
  });

  it('says when there is no file, or a folder', async () => {
    const missing = join(dir, 'missing.ipynb');
    expect((await readError(missing)).message).toBe(
      `cannot read notebook ${missing}: no such file`,
    );
    const folder = join(dir, 'folder.ipynb');
    await mkdir(folder);
    expect((await readError(folder)).message).toBe(
      `cannot read notebook ${folder}: it is a directory`,
    );
  });

  it('refuses a FIFO at once instead of waiting for a writer', async () => {
    const fifo = join(dir, 'x.ipynb');
    execFileSync('mkfifo', [fifo]);
    const error = await Promise.race([
      readError(fifo),
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('readNotebookFile hung on a FIFO')), 5_000).unref(),
      ),
    ]);
    expect(error.message).toBe(`${fifo} is not a regular file (a FIFO)`);
  });

  it('refuses text that is not UTF-8', async () => {
    const path = join(dir, 'latin1.ipynb');
    await writeFile(path, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
    expect((await readError(path)).message).toBe(`${path} is not a notebook: it is not UTF-8 text`);
  });

  it('refuses files over the size limit without reading them', async () => {
    const path = join(dir, 'huge.ipynb');
    await writeFile(path, '');
    await truncate(path, 513 * 2 ** 20); // sparse: takes no disk space
    expect((await readError(path)).message).toBe(
      `cannot read notebook ${path}: it is 513 MiB, over the 512 MiB limit for a notebook`,
    );
    const small = join(dir, 'small.ipynb');
    await copyFile(fixturePath('jupyterlab-new.ipynb'), small);
    await expect(readNotebookFile(small, { maxBytes: 100 })).rejects.toThrow(
      `cannot read notebook ${small}: it is 617 bytes, over the 100 bytes limit for a notebook`,
    );
  });
});

describe('saveNotebookFile', () => {
  it('saves what JupyterLab would, replacing the file', async () => {
    const path = join(dir, 'nb.ipynb');
    await copyFile(fixturePath('python-analysis.ipynb'), path);
    const nb = await readNotebookFile(path);
    await saveNotebookFile(path, nb);
    expect(await readFile(path, 'utf8')).toBe(
      await readFile(fixturePath('python-analysis.ipynb'), 'utf8'),
    );
    nb.cells.push(createCodeCell('1 + 1'));
    await saveNotebookFile(path, nb);
    expect(await readFile(path, 'utf8')).toBe(serializeNotebook(nb));
    expect(await readNotebookFile(path)).toEqual(nb);
    expect(await readdir(dir)).toEqual(['nb.ipynb']);
  });

  it('leaves the file untouched when the notebook cannot be serialized', async () => {
    const path = join(dir, 'nb.ipynb');
    await copyFile(fixturePath('quarry-tables.ipynb'), path);
    const before = await readFile(path);
    const nb = createNotebook([createCodeCell('x')]);
    const cell = nb.cells[0];
    if (cell?.cell_type !== 'code') throw new Error('expected a code cell');
    cell.outputs.push({
      output_type: 'display_data',
      data: { 'application/json': 10n },
      metadata: {},
    });
    await expect(saveNotebookFile(path, nb)).rejects.toThrow(
      new NotebookFileError(
        path,
        `cannot save notebook ${path}: cannot serialize notebook: ` +
          '/cells/0/outputs/0/data/application~1json holds a bigint, not JSON',
      ),
    );
    expect(await readFile(path)).toEqual(before);
    expect(await readdir(dir)).toEqual(['nb.ipynb']);
  });

  it('leaves things as they were when the save fails on disk', async () => {
    const folder = join(dir, 'taken.ipynb');
    await mkdir(folder);
    await writeFile(join(folder, 'inside.txt'), 'kept');
    await expect(saveNotebookFile(folder, createNotebook())).rejects.toThrow(
      `cannot save notebook ${folder}: it is a directory`,
    );
    expect(await readFile(join(folder, 'inside.txt'), 'utf8')).toBe('kept');
    expect(await readdir(dir)).toEqual(['taken.ipynb']);

    const nowhere = join(dir, 'missing', 'nb.ipynb');
    await expect(saveNotebookFile(nowhere, createNotebook())).rejects.toThrow(
      `cannot save notebook ${nowhere}: no such directory`,
    );
  });
});
