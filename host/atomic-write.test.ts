import {
  chmod,
  mkdtemp,
  open,
  readFile,
  readdir,
  rename,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { removeStaleTemps, STALE_TEMP_MS, writeFileAtomic } from './atomic-write';

// Wrapped so single tests can make one step fail the way a full disk or a crash would.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, open: vi.fn(actual.open), rename: vi.fn(actual.rename) };
});
const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');

const failure = (code: string): Error => Object.assign(new Error(`${code}: injected`), { code });
const isRoot = process.getuid?.() === 0;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'quarry-atomic-'));
});
afterEach(async () => {
  vi.mocked(open).mockReset().mockImplementation(actual.open);
  vi.mocked(rename).mockReset().mockImplementation(actual.rename);
  await chmod(dir, 0o700);
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('creates a file and replaces it, leaving no temporary files', async () => {
    const path = join(dir, 'a.ipynb');
    await writeFileAtomic(path, 'first');
    await writeFileAtomic(path, new TextEncoder().encode('second'));
    expect(await readFile(path, 'utf8')).toBe('second');
    expect(await readdir(dir)).toEqual(['a.ipynb']);
  });

  it('keeps the permissions of the file it replaces', async () => {
    const path = join(dir, 'private.ipynb');
    await writeFile(path, 'old', { mode: 0o600 });
    await chmod(path, 0o600);
    await writeFileAtomic(path, 'new');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
  });

  it('writes through a symlink instead of replacing it', async () => {
    const real = join(dir, 'real.ipynb');
    const link = join(dir, 'link.ipynb');
    await writeFile(real, 'old');
    await symlink(real, link);
    await writeFileAtomic(link, 'new');
    expect(await readFile(real, 'utf8')).toBe('new');
    expect((await import('node:fs')).lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it.each([
    ['the rename fails', () => vi.mocked(rename).mockRejectedValueOnce(failure('EXDEV'))],
    [
      'flushing to disk fails',
      () =>
        vi.mocked(open).mockImplementation(async (...args) => {
          const handle = await actual.open(...args);
          // The temporary file's flush, not the folder's (which is best effort).
          if (args[1] === 'wx') handle.sync = () => Promise.reject(failure('EIO'));
          return handle;
        }),
    ],
  ])('leaves the original untouched when %s', async (_, inject) => {
    const path = join(dir, 'a.ipynb');
    const original = Buffer.from('{"original": true}\n');
    await writeFile(path, original);
    inject();
    await expect(writeFileAtomic(path, 'replacement')).rejects.toThrow('injected');
    expect(await readFile(path)).toEqual(original);
    expect(await readdir(dir)).toEqual(['a.ipynb']);
  });

  it.skipIf(isRoot)('leaves the original untouched when the folder is read-only', async () => {
    const path = join(dir, 'a.ipynb');
    await writeFile(path, 'original');
    await chmod(dir, 0o500);
    await expect(writeFileAtomic(path, 'replacement')).rejects.toMatchObject({ code: 'EACCES' });
    expect(await readFile(path, 'utf8')).toBe('original');
    expect(await readdir(dir)).toEqual(['a.ipynb']);
  });

  it('ends with one whole version when saves race', async () => {
    const path = join(dir, 'a.ipynb');
    const versions = Array.from({ length: 10 }, (_, i) => `version ${i} `.repeat(10_000));
    await Promise.all(versions.map((text) => writeFileAtomic(path, text)));
    expect(versions).toContain(await readFile(path, 'utf8'));
    expect(await readdir(dir)).toEqual(['a.ipynb']);
  });
});

describe('temporary files of interrupted saves', () => {
  /** A PID that is surely not running: a child that has already exited. */
  const deadPid = spawnSync(process.execPath, ['-e', '']).pid ?? 999_999;
  /** Another process that is running: vitest's parent (or init). */
  const livePid = process.ppid > 1 ? process.ppid : 1;
  const temp = (name: string, pid: number) => `.${name}.${pid}.0123456789ab.tmp`;

  it('are removed on the next save when their process is gone or they are old', async () => {
    const path = join(dir, 'a.ipynb');
    const old = new Date(Date.now() - STALE_TEMP_MS - 60_000);
    await writeFile(join(dir, temp('a.ipynb', deadPid)), 'x'.repeat(1000));
    await writeFile(join(dir, temp('a.ipynb', livePid)), 'a live save of another process');
    await writeFile(join(dir, temp('a.ipynb', livePid).replace('0123', '4567')), 'old');
    await utimes(join(dir, temp('a.ipynb', livePid).replace('0123', '4567')), old, old);
    await writeFile(join(dir, temp('b.ipynb', deadPid)), 'another notebook');
    await writeFile(join(dir, '.a.ipynb.notes.tmp'), 'not ours');
    await writeFileAtomic(path, 'saved');
    expect((await readdir(dir)).sort()).toEqual(
      ['.a.ipynb.notes.tmp', temp('a.ipynb', livePid), temp('b.ipynb', deadPid), 'a.ipynb'].sort(),
    );
  });

  it('are removed on open too (removeStaleTemps), sparing a live save', async () => {
    const path = join(dir, 'a.ipynb');
    await writeFile(path, 'x');
    await writeFile(join(dir, temp('a.ipynb', deadPid)), 'left by a kill');
    await writeFile(join(dir, temp('a.ipynb', livePid)), 'being written');
    await removeStaleTemps(path);
    expect((await readdir(dir)).sort()).toEqual([temp('a.ipynb', livePid), 'a.ipynb'].sort());
  });

  it("never removes this process's save in flight", async () => {
    const path = join(dir, 'a.ipynb');
    const big = 'v'.repeat(5_000_000);
    await Promise.all([
      writeFileAtomic(path, big),
      writeFileAtomic(path, big),
      removeStaleTemps(path),
    ]);
    expect(await readFile(path, 'utf8')).toBe(big);
    expect(await readdir(dir)).toEqual(['a.ipynb']);
  });
});
