/**
 * `quarry run` and the files it reads and writes: the built CLI in a child process. The output
 * location is checked before any cell runs (exit 2, one line, nothing run or written); a write
 * that still fails at the end is one line and exit 1; a FIFO as input is refused at once.
 */
import { execFileSync } from 'node:child_process';
import { link, mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { codeNotebookJson } from './notebook-json';
import { runQuarry, type QuarryRun } from './quarry-cli';

let work: string;
let input: string;
const INPUT_TEXT = codeNotebookJson(['console.log("ran")']);

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'quarry-run-files-'));
  input = path.join(work, 'in.ipynb');
  await writeFile(input, INPUT_TEXT);
});

/** Exit 2 with one line on stderr matching `reason`, before anything ran. */
function expectRefused(result: QuarryRun, reason: RegExp): void {
  expect(result.timedOut).toBe(false);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).toMatch(new RegExp(`^quarry: ${reason.source}\\n$`));
}

describe('quarry run output checks', { timeout: 180_000 }, () => {
  it('refuses -o through a symlink or a hard link to the input, leaving it as it was', async () => {
    const alias = path.join(work, 'alias.ipynb');
    const hard = path.join(work, 'hard.ipynb');
    await symlink(input, alias);
    await link(input, hard);
    for (const out of [alias, hard]) {
      const result = await runQuarry(['run', input, '-o', out]);
      expectRefused(
        result,
        /refusing to overwrite the input notebook \S*in\.ipynb: \S*\.ipynb is the same file \(a link to it\); choose another -o/,
      );
    }
    expect(await readFile(input, 'utf8')).toBe(INPUT_TEXT);
  });

  it('refuses a missing output folder or a folder as -o before running anything', async () => {
    const folder = path.join(work, 'folder.ipynb');
    await mkdir(folder);
    expectRefused(
      await runQuarry(['run', input, '-o', path.join(work, 'missing', 'out.ipynb')]),
      /the output folder \S*missing does not exist; create it first/,
    );
    expectRefused(
      await runQuarry(['run', input, '-o', folder]),
      /the output \S*folder\.ipynb is a folder; give a file name, e.g\. -o \S*result\.ipynb/,
    );
    expect(await readdir(folder)).toEqual([]);
  });

  it('says in one line, exit 1, when the output cannot be written at the end', async () => {
    const folder = path.join(work, 'goes-away');
    await mkdir(folder);
    const notebook = path.join(work, 'removes-folder.ipynb');
    await writeFile(
      notebook,
      codeNotebookJson([
        `import { rmSync } from 'node:fs'\nrmSync(${JSON.stringify(folder)}, { recursive: true })`,
      ]),
    );
    const result = await runQuarry(['run', notebook, '-o', path.join(folder, 'out.ipynb')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/cell +1 {2}ok/);
    expect(result.stderr).toMatch(
      /^quarry: cannot save notebook \S*goes-away\/out\.ipynb: no such directory\n$/,
    );
  });
});

describe('quarry run input checks', () => {
  it('refuses a FIFO named x.ipynb at once instead of waiting for a writer', async () => {
    const fifo = path.join(work, 'x.ipynb');
    execFileSync('mkfifo', [fifo]);
    const result = await runQuarry(['run', fifo], { timeoutMs: 20_000 });
    expectRefused(result, /\S*x\.ipynb is not a regular file \(a FIFO\)/);
  });
});
