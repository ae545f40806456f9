import { mkdir, readFile, readdir, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { HOST_OPERATIONS } from '../../core/host-contract';
import { HIDDEN_LEASE_MS, VISIBLE_LEASE_MS } from '../state/session-leases';
import { HostError } from './host-error';
import { createHostHandlers, dispatchHostRequest, type HostHandlers } from './host-handlers';
import { notebookText, tempFolder } from '../../test/support/host-fixtures';

let root: string;
let stateDir: string;
let outside: string;
let host: HostHandlers;

/** A page that wrote a recovery copy and never renewed a lease: gone. */
const GONE = 'page-gone';

beforeEach(async () => {
  root = await tempFolder('quarry-handlers-');
  stateDir = await tempFolder('quarry-state-');
  outside = await tempFolder('quarry-outside-');
  await mkdir(path.join(root, 'data', 'raw'), { recursive: true });
  await writeFile(path.join(root, 'nb.ipynb'), notebookText());
  await writeFile(path.join(root, 'data', 'b.csv'), 'x\n1\n');
  await writeFile(path.join(root, 'data', 'a10.csv'), 'x\n12345\n');
  await writeFile(path.join(root, 'data', 'a2.csv'), 'x\n');
  await writeFile(path.join(root, 'data', '.hidden.csv'), 'x\n');
  await writeFile(path.join(outside, 'secret.ipynb'), notebookText('secret'));
  await symlink(outside, path.join(root, 'data', 'away'));
  host = createHostHandlers({ root, notebook: path.join(root, 'nb.ipynb'), stateDir });
});

async function failure(promise: Promise<unknown>): Promise<HostError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HostError);
  const hostError = error as HostError;
  expect(hostError.message).not.toContain(outside);
  expect(hostError.message).not.toContain(stateDir);
  expect(hostError.message.split('\n')).toHaveLength(1);
  return hostError;
}

describe('host handlers', () => {
  it('has one handler per operation of the contract', () => {
    expect(Object.keys(host).sort()).toEqual([...HOST_OPERATIONS].sort());
  });

  it('workspace.info: the root and the notebook relative to it', async () => {
    expect(await host['workspace.info']({})).toEqual({ root, notebook: 'nb.ipynb' });
    const bare = createHostHandlers({ root, stateDir });
    expect(await bare['workspace.info']({})).toEqual({ root, notebook: null });
    expect(() => createHostHandlers({ root, notebook: '../x.ipynb', stateDir })).toThrow();
  });

  it('notebook.open returns text and mtime, and validates', async () => {
    const opened = await host['notebook.open']({ path: 'nb.ipynb' });
    expect(opened).toEqual({
      path: 'nb.ipynb',
      text: notebookText(),
      mtimeMs: (await stat(path.join(root, 'nb.ipynb'))).mtimeMs,
      recovery: null,
    });
    await writeFile(path.join(root, 'bad.ipynb'), '{"cells": [');
    const bad = await failure(host['notebook.open']({ path: 'bad.ipynb' }));
    expect(bad.kind).toBe('bad-request');
    expect(bad.message).toMatch(/^bad\.ipynb: /);
    const missing = await failure(host['notebook.open']({ path: 'missing.ipynb' }));
    expect(missing.kind).toBe('not-found');
    expect(missing.message).toBe('cannot read notebook missing.ipynb: no such file');
    expect((await failure(host['notebook.open']({ path: '../x.ipynb' }))).kind).toBe('forbidden');
    expect((await failure(host['notebook.open']({ path: 'data/away/secret.ipynb' }))).kind).toBe(
      'forbidden',
    );
  });

  it('notebook.save writes, detects conflicts and refuses garbage', async () => {
    const file = path.join(root, 'nb.ipynb');
    const { mtimeMs } = await host['notebook.open']({ path: 'nb.ipynb' });
    const v2 = notebookText('const v = 2');
    const saved = await host['notebook.save']({
      path: 'nb.ipynb',
      text: v2,
      expectedMtimeMs: mtimeMs,
      overwrite: false,
    });
    expect(saved).toEqual({ kind: 'saved', mtimeMs: (await stat(file)).mtimeMs });
    expect(await readFile(file, 'utf8')).toBe(v2);

    // Someone else changes the file: the stale mtime is a conflict and nothing is written.
    await writeFile(file, notebookText('theirs'));
    await utimes(file, new Date(), new Date(Date.now() + 5000));
    const disk = (await stat(file)).mtimeMs;
    const stale = { path: 'nb.ipynb', text: notebookText('mine'), overwrite: false };
    expect(await host['notebook.save']({ ...stale, expectedMtimeMs: mtimeMs })).toEqual({
      kind: 'conflict',
      diskMtimeMs: disk,
    });
    expect(await host['notebook.save']({ ...stale, expectedMtimeMs: null })).toEqual({
      kind: 'conflict',
      diskMtimeMs: disk,
    });
    expect(await readFile(file, 'utf8')).toBe(notebookText('theirs'));
    // overwrite: the user chose to keep theirs.
    const forced = await host['notebook.save']({ ...stale, expectedMtimeMs: 1, overwrite: true });
    expect(forced.kind).toBe('saved');
    expect(await readFile(file, 'utf8')).toBe(notebookText('mine'));

    // A new file with expectedMtimeMs null; a folder that does not exist is not-found.
    const created = await host['notebook.save']({
      path: 'data/new.ipynb',
      text: v2,
      expectedMtimeMs: null,
      overwrite: false,
    });
    expect(created.kind).toBe('saved');
    expect(await readFile(path.join(root, 'data', 'new.ipynb'), 'utf8')).toBe(v2);
    const noFolder = await failure(
      host['notebook.save']({
        path: 'nope/new.ipynb',
        text: v2,
        expectedMtimeMs: null,
        overwrite: false,
      }),
    );
    expect(noFolder.kind).toBe('not-found');

    const garbage = await failure(
      host['notebook.save']({
        path: 'nb.ipynb',
        text: '{"x":',
        expectedMtimeMs: null,
        overwrite: true,
      }),
    );
    expect(garbage.kind).toBe('bad-request');
    expect(garbage.message).toMatch(/^not saved: /);
    expect(await readFile(file, 'utf8')).toBe(notebookText('mine'));

    const notNotebook = await failure(
      host['notebook.save']({
        path: 'data/b.csv',
        text: v2,
        expectedMtimeMs: null,
        overwrite: true,
      }),
    );
    expect(notNotebook.kind).toBe('bad-request');
    expect(await readFile(path.join(root, 'data', 'b.csv'), 'utf8')).toBe('x\n1\n');
    const escape = await failure(
      host['notebook.save']({
        path: '../evil.ipynb',
        text: v2,
        expectedMtimeMs: null,
        overwrite: true,
      }),
    );
    expect(escape.kind).toBe('forbidden');
    expect(await readdir(path.dirname(root))).not.toContain('evil.ipynb');
  });

  it('recovery: write, offered on open when it differs, discarded on save', async () => {
    // Written by a page that never renewed a lease (it is gone), so the copy is a crash's.
    const unsaved = notebookText('unsaved work');
    const { savedAtMs } = await host['recovery.write']({
      path: 'nb.ipynb',
      text: unsaved,
      session: GONE,
    });
    expect(savedAtMs).toBeGreaterThan(Date.now() - 60_000);
    // Stored in the state folder, never in the workspace.
    expect((await readdir(path.join(stateDir, 'recovery'))).length).toBeGreaterThan(0);
    expect((await readdir(root)).sort()).toEqual(['data', 'nb.ipynb']);

    const opened = await host['notebook.open']({ path: 'nb.ipynb' });
    expect(opened.recovery).toEqual({ text: unsaved, savedAtMs });
    // A second server (a restart) finds it too.
    const again = createHostHandlers({ root, stateDir });
    expect((await again['notebook.open']({ path: './nb.ipynb' })).recovery?.text).toBe(unsaved);

    // Equal to the file: nothing to offer.
    await host['recovery.write']({ path: 'nb.ipynb', text: notebookText(), session: GONE });
    expect((await host['notebook.open']({ path: 'nb.ipynb' })).recovery).toBeNull();

    await host['recovery.write']({ path: 'nb.ipynb', text: unsaved, session: GONE });
    expect(await host['recovery.discard']({ path: 'nb.ipynb' })).toEqual({});
    expect((await host['notebook.open']({ path: 'nb.ipynb' })).recovery).toBeNull();

    await host['recovery.write']({ path: 'nb.ipynb', text: unsaved, session: GONE });
    await host['notebook.save']({
      path: 'nb.ipynb',
      text: unsaved,
      expectedMtimeMs: null,
      overwrite: true,
    });
    await host['notebook.save']({
      path: 'nb.ipynb',
      text: notebookText(),
      expectedMtimeMs: null,
      overwrite: true,
    });
    expect((await host['notebook.open']({ path: 'nb.ipynb' })).recovery).toBeNull();
    expect(await readdir(path.join(stateDir, 'recovery'))).toEqual([]);

    expect(
      (await failure(host['recovery.write']({ path: '../x.ipynb', text: '', session: GONE }))).kind,
    ).toBe('forbidden');
    expect(
      (await failure(host['recovery.write']({ path: 'x.txt', text: '', session: GONE }))).kind,
    ).toBe('bad-request');
  });

  it('recovery: a copy whose page still renews its lease is open elsewhere, not a crash', async () => {
    let now = 1_700_000_000_000;
    const clock = () => now;
    // One server, two tabs (a and b) on the same notebook; a has unsaved work.
    const server = createHostHandlers({ root, stateDir, clock });
    const unsaved = notebookText('typed in tab a');
    expect(
      await server['notebook.heartbeat']({ path: 'nb.ipynb', session: 'a', visible: true }),
    ).toEqual({ openElsewhere: false });
    await server['recovery.write']({ path: 'nb.ipynb', text: unsaved, session: 'a' });

    // b opens it: a is alive, so nothing is offered, and b hears that a has it open.
    expect((await server['notebook.open']({ path: 'nb.ipynb' })).recovery).toBeNull();
    expect(
      await server['notebook.heartbeat']({ path: 'nb.ipynb', session: 'b', visible: true }),
    ).toEqual({ openElsewhere: true });
    // A host that restarted (the old one crashed) knows no live pages: a can no longer renew
    // with it, so its work is offered there.
    const restarted = createHostHandlers({ root, stateDir, clock });
    expect((await restarted['notebook.open']({ path: 'nb.ipynb' })).recovery?.text).toBe(unsaved);

    // a keeps renewing while b comes and goes: still alive.
    now += VISIBLE_LEASE_MS - 1;
    await server['notebook.heartbeat']({ path: 'nb.ipynb', session: 'a', visible: true });
    now += VISIBLE_LEASE_MS - 1;
    expect((await server['notebook.open']({ path: 'nb.ipynb' })).recovery).toBeNull();

    // a dies (no renewal past its lease): its work is offered, whoever else is open.
    await server['notebook.heartbeat']({ path: 'nb.ipynb', session: 'b', visible: true });
    now += 1;
    const crashed = await server['notebook.open']({ path: 'nb.ipynb' });
    expect(crashed.recovery).toEqual({ text: unsaved, savedAtMs: 1_700_000_000_000 });
    expect(
      await server['notebook.heartbeat']({ path: 'nb.ipynb', session: 'b', visible: true }),
    ).toEqual({ openElsewhere: false });
  });

  it('recovery: a page that says it is going is gone at once', async () => {
    const unsaved = notebookText('typed, then the tab was closed');
    await host['notebook.heartbeat']({ path: 'nb.ipynb', session: 'a', visible: true });
    await host['recovery.write']({ path: 'nb.ipynb', text: unsaved, session: 'a' });
    expect((await host['notebook.open']({ path: 'nb.ipynb' })).recovery).toBeNull();
    expect(await host['notebook.release']({ session: 'a' })).toEqual({});
    expect((await host['notebook.open']({ path: 'nb.ipynb' })).recovery?.text).toBe(unsaved);
  });

  it('recovery: a hidden page keeps its lease through throttled timers', async () => {
    let now = 0;
    const server = createHostHandlers({ root, stateDir, clock: () => now });
    await server['notebook.heartbeat']({ path: 'nb.ipynb', session: 'a', visible: false });
    await server['recovery.write']({ path: 'nb.ipynb', text: notebookText('x'), session: 'a' });
    now += 61_000; // a hidden tab's timers may fire once a minute
    expect((await server['notebook.open']({ path: 'nb.ipynb' })).recovery).toBeNull();
    now += HIDDEN_LEASE_MS;
    expect((await server['notebook.open']({ path: 'nb.ipynb' })).recovery).not.toBeNull();
  });

  it('notebook.heartbeat: notebooks only, inside the workspace, with a well-formed session', async () => {
    const request = { path: 'nb.ipynb', session: 'a', visible: true };
    const heartbeat = (payload: unknown) =>
      dispatchHostRequest(host, 'notebook.heartbeat', payload);
    expect(await heartbeat(request)).toEqual({ openElsewhere: false });
    const cases: [unknown, string][] = [
      [{ ...request, path: '../x.ipynb' }, 'forbidden'],
      [{ ...request, path: 'data/b.csv' }, 'bad-request'],
      [{ ...request, session: '../../etc/x' }, 'bad-request'],
      [{ ...request, session: '' }, 'bad-request'],
      [{ ...request, visible: 'yes' }, 'bad-request'],
      [{ path: 'nb.ipynb', session: 'a' }, 'bad-request'],
    ];
    for (const [payload, kind] of cases)
      expect((await failure(heartbeat(payload))).kind, JSON.stringify(payload)).toBe(kind);
    const badSession = await failure(heartbeat({ ...request, session: 'a b' }));
    expect(badSession.message).toBe(
      'notebook.heartbeat: "session" must be a session id (1-64 letters, digits, - or _)',
    );
    // Leases are kept in memory: nothing is written for them.
    expect(await readdir(stateDir)).toEqual([]);
    expect(
      (await failure(dispatchHostRequest(host, 'notebook.release', { session: '' }))).kind,
    ).toBe('bad-request');
  });

  it('folder.list: folders first, natural name order, no dotfiles or links out', async () => {
    const listing = await host['folder.list']({ path: 'data' });
    expect(listing.path).toBe('data');
    expect(listing.entries.map((e) => [e.name, e.kind])).toEqual([
      ['raw', 'folder'],
      ['a2.csv', 'file'],
      ['a10.csv', 'file'],
      ['b.csv', 'file'],
    ]);
    expect(listing.entries.find((e) => e.name === 'a10.csv')?.size).toBe(8);
    const top = await host['folder.list']({ path: '' });
    expect(top).toMatchObject({ path: '', entries: [{ name: 'data' }, { name: 'nb.ipynb' }] });
    expect((await failure(host['folder.list']({ path: '..' }))).kind).toBe('forbidden');
    expect((await failure(host['folder.list']({ path: 'data/away' }))).kind).toBe('forbidden');
    expect((await failure(host['folder.list']({ path: 'missing' }))).kind).toBe('not-found');
    expect((await failure(host['folder.list']({ path: 'nb.ipynb' }))).message).toBe(
      '"nb.ipynb" is not a folder',
    );
  });

  it('recent.list: opened and saved notebooks of this workspace, newest first', async () => {
    expect(await host['recent.list']({})).toEqual({ paths: [] });
    await writeFile(path.join(root, 'data', 'second.ipynb'), notebookText());
    await host['notebook.open']({ path: 'nb.ipynb' });
    await host['notebook.open']({ path: 'data/second.ipynb' });
    expect(await host['recent.list']({})).toEqual({ paths: ['data/second.ipynb', 'nb.ipynb'] });
    await host['notebook.save']({
      path: 'nb.ipynb',
      text: notebookText(),
      expectedMtimeMs: null,
      overwrite: true,
    });
    expect(await host['recent.list']({})).toEqual({ paths: ['nb.ipynb', 'data/second.ipynb'] });

    // Persisted in the state folder, shared across servers; other workspaces are not shown.
    const other = await tempFolder('quarry-other-');
    await writeFile(path.join(other, 'o.ipynb'), notebookText());
    await createHostHandlers({ root: other, stateDir })['notebook.open']({ path: 'o.ipynb' });
    const restarted = createHostHandlers({ root, stateDir });
    expect(await restarted['recent.list']({})).toEqual({
      paths: ['nb.ipynb', 'data/second.ipynb'],
    });
    // Files that are gone are dropped; at most 10 are listed.
    await writeFile(path.join(root, 'data', 'second.ipynb'), '');
    for (let i = 0; i < 12; i++) {
      await writeFile(path.join(root, `n${i}.ipynb`), notebookText());
      await host['notebook.open']({ path: `n${i}.ipynb` });
    }
    const { paths } = await host['recent.list']({});
    expect(paths).toHaveLength(10);
    expect(paths[0]).toBe('n11.ipynb');
    expect(JSON.parse(await readFile(path.join(stateDir, 'recent.json'), 'utf8'))).toMatchObject({
      version: 1,
    });
  });

  it('datafiles.resolve: plain paths, globs, and nothing outside', async () => {
    expect(await host['datafiles.resolve']({ pattern: 'data/b.csv' })).toEqual({
      files: [{ name: 'data/b.csv', url: 'files/data/b.csv' }],
    });
    expect(await host['datafiles.resolve']({ pattern: 'out/new file#1.parquet' })).toEqual({
      files: [{ name: 'out/new file#1.parquet', url: 'files/out/new%20file%231.parquet' }],
    });
    expect(await host['datafiles.resolve']({ pattern: './data/b.csv' })).toEqual({
      files: [{ name: './data/b.csv', url: 'files/data/b.csv' }],
    });
    const glob = await host['datafiles.resolve']({ pattern: 'data/*.csv' });
    expect(glob.files.map((f) => f.name)).toEqual([
      'data/.hidden.csv',
      'data/a10.csv',
      'data/a2.csv',
      'data/b.csv',
    ]);
    expect(glob.files[1].url).toBe('files/data/a10.csv');
    // A link that leads out is never followed, neither named nor reached by `**`.
    expect((await host['datafiles.resolve']({ pattern: '**/*.ipynb' })).files).toEqual([
      { name: 'nb.ipynb', url: 'files/nb.ipynb' },
    ]);
    for (const pattern of ['../x.csv', '/etc/passwd', '../*.csv', 'data/../../*', 'data/away/*'])
      expect((await failure(host['datafiles.resolve']({ pattern }))).kind).toBe('forbidden');
    expect((await failure(host['datafiles.resolve']({ pattern: ' ' }))).kind).toBe('bad-request');
  });

  it('dispatchHostRequest checks the request shape first', async () => {
    expect(await dispatchHostRequest(host, 'workspace.info', {})).toEqual({
      root,
      notebook: 'nb.ipynb',
    });
    const wrong = await failure(dispatchHostRequest(host, 'notebook.open', { path: 3 }));
    expect(wrong.kind).toBe('bad-request');
    const extra = await failure(dispatchHostRequest(host, 'recent.list', { x: 1 }));
    expect(extra.kind).toBe('bad-request');
  });
});
