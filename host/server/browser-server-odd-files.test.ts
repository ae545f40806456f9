/**
 * Files the file system itself finds odd, through the HTTP API and /files/: a symbolic link
 * loop, a name too long, JSON nested too deep, a huge garbage line. Each gets a clear 4xx that
 * names the path and the problem (never a 500), in a body that stays small.
 */
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from './browser-server';
import { notebookText, send, sessionPath, tempFolder } from '../../test/support/host-fixtures';

let root: string;
let server: BrowserServer;
const auth = { 'x-quarry-token': 'odd-token' };
const LONG_NAME = `${'n'.repeat(300)}.csv`;

beforeAll(async () => {
  root = await tempFolder('quarry-odd-');
  await mkdir(path.join(root, 'data'));
  await writeFile(path.join(root, 'data', 'ok.csv'), 'x\n1\n');
  await symlink('loop.csv', path.join(root, 'data', 'loop.csv'));
  await symlink('loop.ipynb', path.join(root, 'loop.ipynb'));
  await writeFile(path.join(root, 'nb.ipynb'), notebookText());
  const deep = '{"a":'.repeat(3000) + '1' + '}'.repeat(3000);
  await writeFile(
    path.join(root, 'deep.ipynb'),
    `{"nbformat": 4, "nbformat_minor": 5, "cells": [], "metadata": ${deep}}`,
  );
  await writeFile(path.join(root, 'garbage.ipynb'), `{"cells": ${'x'.repeat(50 * 1024 * 1024)}}`);
  server = await startBrowserServer({
    root,
    staticDir: await tempFolder('quarry-odd-static-'),
    stateDir: await tempFolder('quarry-odd-state-'),
    token: 'odd-token',
    log: () => undefined,
  });
});

afterAll(async () => {
  await server.close();
});

async function api(operation: string, body: unknown) {
  const response = await send({
    port: server.port,
    method: 'POST',
    path: `/api/${operation}`,
    headers: { 'content-type': 'application/json', ...auth },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    size: response.body.length,
    json: JSON.parse(response.body.toString()),
  };
}

async function file(name: string) {
  const session = await sessionPath(server.port, 'odd-token');
  return send({ port: server.port, path: `${session}files/${name}` });
}

describe('odd files through the API', () => {
  it('notebook.open: a symbolic link loop and a name too long are 400s naming the path', async () => {
    expect(await api('notebook.open', { path: 'loop.ipynb' })).toMatchObject({
      status: 400,
      json: { error: { kind: 'bad-request', message: 'loop.ipynb: a symbolic link loop' } },
    });
    const long = await api('notebook.open', { path: `${'n'.repeat(300)}.ipynb` });
    expect(long.status).toBe(400);
    expect(long.json.error.message).toMatch(/^n{200}…: the name is too long$/);
  });

  it('folder.list: a loop is listed as unreadable, and the rest of the folder still is', async () => {
    expect(await api('folder.list', { path: 'data' })).toMatchObject({
      status: 200,
      json: {
        path: 'data',
        entries: [
          { name: 'ok.csv', kind: 'file', size: 4 },
          { name: 'loop.csv', kind: 'unreadable', reason: 'a symbolic link loop' },
        ],
      },
    });
    expect(await api('folder.list', { path: 'data/loop.csv' })).toMatchObject({
      status: 400,
      json: { error: { message: 'data/loop.csv: a symbolic link loop' } },
    });
    const top = await api('folder.list', { path: '' });
    expect(top.status).toBe(200);
    expect(top.json.entries).toContainEqual({
      name: 'loop.ipynb',
      kind: 'unreadable',
      reason: 'a symbolic link loop',
    });
  });

  it('notebook.open refuses JSON nested 3,000 levels deep, naming the limit and the path', async () => {
    expect(await api('notebook.open', { path: 'deep.ipynb' })).toMatchObject({
      status: 400,
      json: {
        error: {
          kind: 'bad-request',
          message: 'deep.ipynb: JSON nested deeper than 200 levels at metadata.a.a.a.a.a…',
        },
      },
    });
  });

  it('a 50 MB garbage line gives a short error and a small body', async () => {
    const answer = await api('notebook.open', { path: 'garbage.ipynb' });
    expect(answer.status).toBe(400);
    expect(answer.size).toBeLessThan(600);
    expect(answer.json.error.message).toMatch(
      /^garbage\.ipynb: invalid JSON at line 1, column 11: unexpected "x{200}"…$/,
    );
  });
});

describe('odd files under /files/', () => {
  it('a symbolic link loop and a name too long are 400s naming the path', async () => {
    const loop = await file('data/loop.csv');
    expect(loop.status).toBe(400);
    expect(loop.body.toString()).toBe('data/loop.csv: a symbolic link loop\n');
    const long = await file(LONG_NAME);
    expect(long.status).toBe(400);
    expect(long.body.toString()).toMatch(/^n{200}…: the name is too long\n$/);
  });
});
