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
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeFileAtomic } from './atomic-write';

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
        vi.mocked(open).mockImplementationOnce(async (...args) => {
          const handle = await actual.open(...args);
          handle.sync = () => Promise.reject(failure('EIO'));
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
