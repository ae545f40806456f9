import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecentFiles } from './recent-files';
import { RecoveryStore } from './recovery-store';
import { defaultStateDir } from './state-dir';

const temp = () => mkdtemp(path.join(tmpdir(), 'quarry-state-'));

describe('defaultStateDir', () => {
  it('is $QUARRY_STATE_DIR when set, else ~/.quarry', () => {
    expect(defaultStateDir({ QUARRY_STATE_DIR: '/x/state' })).toBe('/x/state');
    expect(defaultStateDir({ QUARRY_STATE_DIR: '' })).toBe(path.join(homedir(), '.quarry'));
    expect(defaultStateDir({})).toBe(path.join(homedir(), '.quarry'));
  });
});

describe('RecoveryStore', () => {
  it('keeps the text as a .ipynb beside a sidecar naming its notebook', async () => {
    const dir = await temp();
    const store = new RecoveryStore(dir, () => 1234);
    expect(await store.read('/work/a.ipynb')).toBeNull();
    expect(await store.write('/work/a.ipynb', 'text a', 'page-1')).toBe(1234);
    expect(await store.read('/work/a.ipynb')).toEqual({
      text: 'text a',
      savedAtMs: 1234,
      writer: 'page-1',
    });
    expect(await store.read('/work/b.ipynb')).toBeNull();
    const files = (await readdir(path.join(dir, 'recovery'))).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^[0-9a-f]{32}\.ipynb$/);
    expect(files[1]).toMatch(/^[0-9a-f]{32}\.json$/);
    const sidecar = JSON.parse(await readFile(path.join(dir, 'recovery', files[1]), 'utf8'));
    expect(sidecar).toEqual({ path: '/work/a.ipynb', savedAtMs: 1234, writer: 'page-1' });
    await store.discard('/work/a.ipynb');
    expect(await readdir(path.join(dir, 'recovery'))).toEqual([]);
    await store.discard('/work/a.ipynb'); // nothing there: fine
  });

  it('ignores a damaged or foreign sidecar', async () => {
    const dir = await temp();
    const store = new RecoveryStore(dir);
    await store.write('/work/a.ipynb', 'text', 'page-1');
    const sidecar = (await readdir(path.join(dir, 'recovery'))).find((f) => f.endsWith('.json'));
    const file = path.join(dir, 'recovery', sidecar ?? '');
    // Written before pages were told apart: no writer, so nobody vouches for it.
    await writeFile(file, JSON.stringify({ path: '/work/a.ipynb', savedAtMs: 1 }));
    expect(await store.read('/work/a.ipynb')).toEqual({ text: 'text', savedAtMs: 1, writer: null });
    await writeFile(file, JSON.stringify({ path: '/work/other.ipynb', savedAtMs: 1 }));
    expect(await store.read('/work/a.ipynb')).toBeNull();
    await writeFile(file, JSON.stringify({ path: '/work/a.ipynb', savedAtMs: 1, writer: '../x' }));
    expect(await store.read('/work/a.ipynb')).toBeNull();
    await writeFile(file, '{');
    expect(await store.read('/work/a.ipynb')).toBeNull();
  });
});

describe('RecentFiles', () => {
  it('keeps the newest first, without duplicates, and survives a damaged file', async () => {
    const dir = await temp();
    const files = await temp();
    const names = ['a', 'b', 'c'].map((n) => path.join(files, `${n}.ipynb`));
    for (const name of names) await writeFile(name, '{}');
    const recent = new RecentFiles(dir);
    await Promise.all(names.map((name) => recent.add(name)));
    await recent.add(names[0]);
    expect(await recent.list(() => true, 10)).toEqual([names[0], names[2], names[1]]);
    expect(await recent.list((p) => !p.endsWith('a.ipynb'), 1)).toEqual([names[2]]);
    await writeFile(path.join(dir, 'recent.json'), 'not json');
    expect(await recent.list(() => true, 10)).toEqual([]);
    await recent.add(names[1]);
    expect(await new RecentFiles(dir).list(() => true, 10)).toEqual([names[1]]);
  });
});
