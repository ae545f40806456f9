/** The local server's gatekeeping and host API, over real HTTP on 127.0.0.1. */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PortInUseError, startBrowserServer, type BrowserServer } from './browser-server';
import { kernelFramePolicy, pagePolicy } from '../serving/kernel-frame-policy';
import { CONTENT_SECURITY_POLICY } from '../serving/security-headers';
import {
  bodyJson,
  notebookText,
  send,
  sessionPath,
  tempFolder,
} from '../../test/support/host-fixtures';

let root: string;
let server: BrowserServer;
let port: number;
const token = 'test-token-0123456789abcdefghijklmnopqrstuvw';

beforeAll(async () => {
  root = await tempFolder('quarry-server-');
  const staticDir = await tempFolder('quarry-static-');
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Quarry</title>');
  await writeFile(path.join(staticDir, 'kernel-frame.html'), '<!doctype html><title>k</title>');
  await mkdir(path.join(root, 'data'));
  await writeFile(path.join(root, 'nb.ipynb'), notebookText());
  await writeFile(path.join(root, 'data', 'x.csv'), 'a\n1\n');
  server = await startBrowserServer({
    root,
    notebook: 'nb.ipynb',
    staticDir,
    stateDir: await tempFolder('quarry-state-'),
    token,
    log: () => undefined,
  });
  port = server.port;
});

afterAll(async () => {
  await server.close();
});

const auth = (): Record<string, string> => ({ 'x-quarry-token': token });

function api(operation: string, body: unknown, headers = auth()) {
  return send({
    port,
    method: 'POST',
    path: `/api/${operation}`,
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('browser server: who may talk to it', () => {
  it('prints a URL on 127.0.0.1 with the token; a fresh token is 32 random bytes', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${port}/?token=${token}`);
    const other = await startBrowserServer({ root, staticDir: root, log: () => undefined });
    try {
      expect(other.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(other.port).not.toBe(port);
    } finally {
      await other.close();
    }
  });

  it('refuses requests without the token or with a wrong one (403)', async () => {
    for (const target of ['/', '/index.html', '/files/data/x.csv', '/api/workspace.info']) {
      const none = await send({ port, path: target });
      expect(none.status, target).toBe(403);
      expect(none.body.toString()).toMatch(/^forbidden/);
      const wrong = await send({ port, path: `${target}?token=nope` });
      expect(wrong.status, target).toBe(403);
    }
    expect((await api('workspace.info', {}, { 'x-quarry-token': `${token}x` })).status).toBe(403);
    expect((await api('workspace.info', {}, { authorization: 'Bearer nope' })).status).toBe(403);
  });

  it('takes the token from the query for the entry page only, from headers for the API', async () => {
    const entry = await send({ port, path: `/?token=${token}` });
    expect(entry.status).toBe(303);
    expect(entry.headers.location).toMatch(new RegExp(`^/s/[A-Za-z0-9_-]{43}/\\?token=${token}$`));
    expect(entry.headers['cache-control']).toBe('no-store');
    expect((await api('workspace.info', {}, { authorization: `Bearer ${token}` })).status).toBe(
      200,
    );
    expect((await api('workspace.info', {})).status).toBe(200);
    const inQuery = await send({
      port,
      method: 'POST',
      path: `/api/workspace.info?token=${token}`,
    });
    expect(inQuery.status).toBe(403);
    expect(inQuery.body.toString()).toMatch(/X-Quarry-Token/);
  });

  it('sets no cookie, and the token as a cookie unlocks nothing (other local servers get cookies)', async () => {
    for (const response of [
      await send({ port, path: `/?token=${token}` }),
      await send({ port, path: await sessionPath(port, token) }),
      await api('workspace.info', {}),
    ])
      expect(response.headers['set-cookie']).toBeUndefined();
    for (const name of [`quarry_token_${port}`, 'quarry_token', 'token']) {
      const cookie = { cookie: `${name}=${token}` };
      expect((await api('workspace.info', {}, cookie)).status, name).toBe(403);
      expect((await send({ port, path: '/', headers: cookie })).status, name).toBe(403);
      expect((await send({ port, path: '/files/data/x.csv', headers: cookie })).status).toBe(403);
    }
  });

  it('serves the app and the data files under an unguessable session path, not the token', async () => {
    const session = await sessionPath(port, token);
    expect(session).not.toContain(token);
    const page = await send({ port, path: session });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toMatch(/<title>Quarry<\/title>/);
    const file = await send({ port, path: `${session}files/data/x.csv` });
    expect(file.status).toBe(200);
    expect(file.body.toString()).toBe('a\n1\n');
    for (const target of ['/s/', '/s/nope/', '/s/nope/files/data/x.csv', `/s/${token}/`]) {
      const refused = await send({ port, path: target });
      expect(refused.status, target).toBe(403);
      expect(refused.body.toString()).toMatch(/earlier run of quarry serve/);
    }
    // Without its trailing slash the page's relative URLs would miss the session path.
    const bare = await send({ port, path: session.slice(0, -1) });
    expect(bare.status).toBe(303);
    expect(bare.headers.location).toBe(session);
    const other = await startBrowserServer({ root, staticDir: root, token, log: () => undefined });
    try {
      expect(await sessionPath(other.port, token)).not.toBe(session);
    } finally {
      await other.close();
    }
  });

  it('refuses a Host header that is not this server (DNS rebinding)', async () => {
    for (const host of [
      'evil.example:' + port,
      `127.0.0.1:${port + 1}`,
      '127.0.0.1',
      'localhost',
    ]) {
      const response = await send({ port, path: `/?token=${token}`, headers: { host } });
      expect(response.status, host).toBe(403);
    }
    const local = await send({
      port,
      path: `/?token=${token}`,
      headers: { host: `localhost:${port}` },
    });
    expect(local.status).toBe(303);
  });

  it('refuses API calls from another origin', async () => {
    const origin = { ...auth(), origin: 'http://evil.example' };
    expect((await api('workspace.info', {}, origin)).status).toBe(403);
    const own = { ...auth(), origin: `http://127.0.0.1:${port}` };
    expect((await api('workspace.info', {}, own)).status).toBe(200);
  });

  it('sends the security headers on every response, the 403 included', async () => {
    for (const response of [
      await send({ port, path: `/?token=${token}` }),
      await send({ port, path: '/' }),
    ]) {
      expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    }
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'; worker-src 'self' blob:; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('the page may frame its kernel on the other loopback name; only the page may frame that', async () => {
    const session = await sessionPath(port, token);
    const origins = [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
    const page = await send({ port, path: session });
    expect(page.headers['content-security-policy']).toBe(pagePolicy(origins));
    // The kernel frame's site: the other loopback name, the same session path.
    const frame = await send({
      port,
      path: `${session}kernel-frame.html`,
      headers: { host: `localhost:${port}` },
    });
    expect(frame.status).toBe(200);
    expect(frame.headers['content-security-policy']).toBe(kernelFramePolicy(origins));
    const file = await send({ port, path: `${session}files/data/x.csv` });
    expect(file.headers['content-security-policy']).not.toContain('frame-src');
  });

  it('says so when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const taken = (blocker.address() as { port: number }).port;
    try {
      const error = await startBrowserServer({ root, staticDir: root, port: taken }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(PortInUseError);
      expect((error as Error).message).toBe(`port ${taken} is in use; choose another with --port`);
    } finally {
      blocker.close();
    }
  });
});

describe('browser server: the host API', () => {
  it('answers the operations with JSON', async () => {
    const info = await api('workspace.info', {});
    expect(info.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(bodyJson(info)).toEqual({ root, notebook: 'nb.ipynb' });

    const opened = bodyJson(await api('notebook.open', { path: 'nb.ipynb' })) as {
      text: string;
      mtimeMs: number;
    };
    expect(opened.text).toBe(notebookText());
    const saved = await api('notebook.save', {
      path: 'nb.ipynb',
      text: notebookText('y'),
      expectedMtimeMs: opened.mtimeMs,
      overwrite: false,
    });
    expect(saved.status).toBe(200);
    expect(bodyJson(saved)).toEqual({
      kind: 'saved',
      mtimeMs: (await stat(path.join(root, 'nb.ipynb'))).mtimeMs,
    });
    const conflict = await api('notebook.save', {
      path: 'nb.ipynb',
      text: notebookText('z'),
      expectedMtimeMs: opened.mtimeMs - 1000,
      overwrite: false,
    });
    expect(bodyJson(conflict)).toMatchObject({ kind: 'conflict' });
    expect(await readFile(path.join(root, 'nb.ipynb'), 'utf8')).toBe(notebookText('y'));

    expect(bodyJson(await api('folder.list', { path: 'data' }))).toMatchObject({
      entries: [{ name: 'x.csv', kind: 'file', size: 4 }],
    });
    expect(bodyJson(await api('datafiles.resolve', { pattern: 'data/*.csv' }))).toEqual({
      files: [{ name: 'data/x.csv', url: 'files/data/x.csv' }],
    });
    expect(bodyJson(await api('recent.list', {}))).toEqual({ paths: ['nb.ipynb'] });
    expect(
      bodyJson(await api('recovery.write', { path: 'nb.ipynb', text: 'x', session: 'page-1' })),
    ).toMatchObject({ savedAtMs: expect.any(Number) });
    expect(
      bodyJson(
        await api('notebook.heartbeat', { path: 'nb.ipynb', session: 'page-1', visible: true }),
      ),
    ).toEqual({ openElsewhere: false });
    expect(bodyJson(await api('recovery.discard', { path: 'nb.ipynb' }))).toEqual({});
  });

  it('maps failures to statuses with { error: { kind, message } }', async () => {
    const cases: [string, unknown, number, string][] = [
      ['notebook.open', { path: '../etc/passwd' }, 403, 'forbidden'],
      ['notebook.open', { path: 'missing.ipynb' }, 404, 'not-found'],
      ['notebook.open', { path: 'data/x.csv' }, 400, 'bad-request'],
      ['notebook.open', { path: 7 }, 400, 'bad-request'],
      ['notebook.open', { path: 'nb.ipynb', extra: true }, 400, 'bad-request'],
      ['notebook.open', [], 400, 'bad-request'],
      [
        'notebook.heartbeat',
        { path: 'nb.ipynb', session: '../x', visible: true },
        400,
        'bad-request',
      ],
      ['folder.list', { path: '/etc' }, 403, 'forbidden'],
      ['frobnicate', {}, 404, 'not-found'],
      ['toString', {}, 404, 'not-found'],
      ['', {}, 404, 'not-found'],
    ];
    for (const [operation, body, status, kind] of cases) {
      const response = await api(operation, body);
      expect(response.status, `${operation} ${JSON.stringify(body)}`).toBe(status);
      const error = (bodyJson(response) as { error: { kind: string; message: string } }).error;
      expect(error.kind).toBe(kind);
      expect(error.message).not.toMatch(/\n/);
    }
    const badJson = await send({
      port,
      method: 'POST',
      path: '/api/workspace.info',
      headers: auth(),
      body: '{nope',
    });
    expect(badJson.status).toBe(400);
    const get = await send({ port, path: '/api/workspace.info', headers: auth() });
    expect(get.status).toBe(405);
    expect(get.headers.allow).toBe('POST');
  });

  it('refuses a body over the limit with 413', async () => {
    const small = await startBrowserServer({
      root,
      staticDir: root,
      token,
      maxBodyBytes: 1024,
      log: () => undefined,
    });
    try {
      const text = 'x'.repeat(2000);
      const tooBig = await send({
        port: small.port,
        method: 'POST',
        path: '/api/recovery.write',
        headers: auth(),
        body: JSON.stringify({ path: 'nb.ipynb', text, session: 'page-1' }),
      });
      expect(tooBig.status).toBe(413);
      expect(bodyJson(tooBig)).toMatchObject({ error: { kind: 'too-large' } });
      // Streamed without a length, cut off as it grows past the limit.
      const chunked = await send({
        port: small.port,
        method: 'POST',
        path: '/api/recovery.write',
        headers: { ...auth(), 'transfer-encoding': 'chunked' },
        body: JSON.stringify({ path: 'nb.ipynb', text, session: 'page-1' }),
      });
      expect(chunked.status).toBe(413);
      const fits = await send({
        port: small.port,
        method: 'POST',
        path: '/api/recovery.write',
        headers: auth(),
        body: JSON.stringify({ path: 'nb.ipynb', text: 'x'.repeat(500), session: 'page-1' }),
      });
      expect(fits.status).toBe(200);
    } finally {
      await small.close();
    }
  });
});
