/** Data files (ranges, as DuckDB-WASM reads them) and the app's static files, over real HTTP. */
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserServer, type BrowserServer } from './browser-server';
import { CONTENT_SECURITY_POLICY } from '../serving/security-headers';
import { pagePolicy } from '../serving/kernel-frame-policy';
import { notebookText, send, sessionPath, tempFolder } from '../../test/support/host-fixtures';

let root: string;
let staticDir: string;
let server: BrowserServer;
let port: number;
/** `/s/KEY/`: where the app's files and the data files are (no token needed there). */
let session: string;
/** 3 MiB of random bytes: big enough to span many stream chunks. */
const blob = randomBytes(3 * 1024 * 1024 + 17);

beforeAll(async () => {
  root = await tempFolder('quarry-files-');
  staticDir = await tempFolder('quarry-static-');
  const outside = await tempFolder('quarry-outside-');
  await mkdir(path.join(root, 'data'));
  await writeFile(path.join(root, 'data', 'blob.parquet'), blob);
  await writeFile(path.join(root, 'data', 'empty.csv'), '');
  await writeFile(path.join(root, 'data', 'page.html'), '<script>alert(1)</script>');
  await writeFile(path.join(root, 'data', 'a b#1.csv'), 'x\n');
  await writeFile(path.join(root, 'nb.ipynb'), notebookText());
  await writeFile(path.join(outside, 'secret.csv'), 'secret');
  await symlink(path.join(outside, 'secret.csv'), path.join(root, 'data', 'link.csv'));
  await symlink('/etc', path.join(root, 'etc'));
  for (const [name, content] of Object.entries(STATIC_FILES)) {
    await mkdir(path.dirname(path.join(staticDir, name)), { recursive: true });
    await writeFile(path.join(staticDir, name), content);
  }
  // As Vite copies it from renderer/public/ into dist/renderer/.
  await copyFile(FAVICON, path.join(staticDir, 'favicon.svg'));
  server = await startBrowserServer({
    root,
    staticDir,
    stateDir: await tempFolder('quarry-state-'),
    token: 'files-token',
    log: () => undefined,
  });
  port = server.port;
  session = await sessionPath(port, 'files-token');
});

afterAll(async () => {
  await server.close();
});

const RENDERER = path.resolve(import.meta.dirname, '../../renderer');
const FAVICON = path.join(RENDERER, 'public', 'favicon.svg');

const STATIC_FILES: Record<string, string> = {
  'index.html': '<!doctype html><title>Quarry</title>',
  'assets/app.js': 'export {}',
  'assets/worker.mjs': 'export {}',
  'assets/duckdb.wasm': '\0asm',
  'assets/app.css': 'body{}',
  'assets/data.json': '{}',
  'assets/icon.svg': '<svg/>',
  'assets/logo.png': 'png',
  'assets/font.ttf': 'ttf',
  'assets/font.woff2': 'woff2',
  'assets/app.js.map': '{}',
};

function file(name: string, headers: Record<string, string> = {}, method = 'GET') {
  return send({ port, path: `${session}files/${name}`, method, headers });
}

describe('data files (/s/KEY/files/)', () => {
  it('serves the whole file with its length and Accept-Ranges', async () => {
    const response = await file('data/blob.parquet');
    expect(response.status).toBe(200);
    expect(response.headers['accept-ranges']).toBe('bytes');
    expect(response.headers['content-length']).toBe(String(blob.length));
    expect(response.headers['content-type']).toBe('application/vnd.apache.parquet');
    expect(response.body.equals(blob)).toBe(true);
  });

  it('answers HEAD with the size and no body', async () => {
    const response = await file('data/blob.parquet', {}, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers['content-length']).toBe(String(blob.length));
    expect(response.body.length).toBe(0);
    const ranged = await file('data/blob.parquet', { range: 'bytes=0-0' }, 'HEAD');
    expect(ranged.status).toBe(206);
    expect(ranged.headers['content-range']).toBe(`bytes 0-0/${blob.length}`);
  });

  it('serves byte ranges exactly', async () => {
    const size = blob.length;
    const cases: [string, number, number][] = [
      ['bytes=0-0', 0, 0],
      ['bytes=10-19', 10, 19],
      ['bytes=1000000-2999999', 1_000_000, 2_999_999],
      [`bytes=${size - 8}-`, size - 8, size - 1],
      ['bytes=-8', size - 8, size - 1],
      [`bytes=${size - 4}-${size + 1000}`, size - 4, size - 1],
      [`bytes=-${size + 10}`, 0, size - 1],
    ];
    for (const [range, start, end] of cases) {
      const response = await file('data/blob.parquet', { range });
      expect(response.status, range).toBe(206);
      expect(response.headers['content-range'], range).toBe(`bytes ${start}-${end}/${size}`);
      expect(response.headers['content-length'], range).toBe(String(end - start + 1));
      expect(response.body.equals(blob.subarray(start, end + 1)), range).toBe(true);
    }
  });

  it('says 416 for a range past the end, and ignores malformed ones', async () => {
    for (const range of [`bytes=${blob.length}-`, 'bytes=-0']) {
      const response = await file('data/blob.parquet', { range });
      expect(response.status, range).toBe(416);
      expect(response.headers['content-range']).toBe(`bytes */${blob.length}`);
    }
    expect((await file('data/empty.csv', { range: 'bytes=0-10' })).status).toBe(416);
    for (const range of ['bytes=5-2', 'items=0-1', 'bytes=0-1,4-5', 'bytes=x-']) {
      const response = await file('data/blob.parquet', { range });
      expect(response.status, range).toBe(200);
      expect(response.body.length).toBe(blob.length);
    }
  });

  it('decodes the path once and serves names that need encoding', async () => {
    const response = await file('data/a%20b%231.csv');
    expect(response.status).toBe(200);
    expect(response.body.toString()).toBe('x\n');
    expect((await file('data/empty.csv')).headers['content-length']).toBe('0');
  });

  it('refuses anything outside the workspace with 403, and says 404 for missing', async () => {
    for (const target of [
      '../package.json',
      '%2e%2e/%2e%2e/etc/passwd',
      '..%2f..%2fetc%2fpasswd',
      '%252e%252e/x',
      '%2fetc%2fpasswd',
      'data/link.csv',
      'etc/passwd',
      'data%5c..%5c..%5cx',
      'x%00.csv',
    ]) {
      const response = await file(target);
      expect(response.status, target).toBe(403);
      expect(response.body.toString()).not.toContain('root:');
    }
    expect((await file('data/missing.csv')).status).toBe(404);
    expect((await file('data')).status).toBe(404);
    expect((await file('%zz')).status).toBe(400);
    expect((await send({ port, path: `${session}files/nb.ipynb`, method: 'POST' })).status).toBe(
      405,
    );
  });

  it('serves user files so that none can act as part of the app', async () => {
    const page = await file('data/page.html');
    expect(page.headers['content-type']).toBe('application/octet-stream');
    expect(page.headers['content-security-policy']).toBe("sandbox; default-src 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });
});

describe('static files (the app)', () => {
  const types: Record<string, string> = {
    'assets/app.js': 'text/javascript; charset=utf-8',
    'assets/worker.mjs': 'text/javascript; charset=utf-8',
    'assets/duckdb.wasm': 'application/wasm',
    'assets/app.css': 'text/css; charset=utf-8',
    'assets/data.json': 'application/json; charset=utf-8',
    'assets/icon.svg': 'image/svg+xml',
    'assets/logo.png': 'image/png',
    'assets/font.ttf': 'font/ttf',
    'assets/font.woff2': 'font/woff2',
    'assets/app.js.map': 'application/json; charset=utf-8',
  };

  it('serves / as index.html with the CSP', async () => {
    const page = await send({ port, path: session });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    // The base policy, and the kernel frame on the other loopback name (kernel-frame-policy.ts).
    expect(page.headers['content-security-policy']).toBe(
      pagePolicy([`http://127.0.0.1:${port}`, `http://localhost:${port}`]),
    );
    expect(page.body.toString()).toBe(STATIC_FILES['index.html']);
    expect((await send({ port, path: `${session}index.html?x=1` })).status).toBe(200);
  });

  it('serves each kind of asset with its MIME type', async () => {
    for (const [name, type] of Object.entries(types)) {
      const response = await send({ port, path: `${session}${name}` });
      expect(response.status, name).toBe(200);
      expect(response.headers['content-type'], name).toBe(type);
      expect(response.body.toString(), name).toBe(STATIC_FILES[name]);
    }
    const head = await send({ port, path: `${session}assets/duckdb.wasm`, method: 'HEAD' });
    expect(head.headers['content-length']).toBe('4');
  });

  it("serves the app's favicon as an asset: under the session path, SVG, allowed by the CSP", async () => {
    // The page names it; Vite rewrites the root path to one relative to the page.
    const page = await readFile(path.join(RENDERER, 'index.html'), 'utf8');
    expect(page).toMatch(/<link rel="icon" type="image\/svg\+xml" href="\/favicon\.svg" \/>/);
    const svg = await readFile(FAVICON, 'utf8');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
    // Nothing in it reaches out (the namespace is a name, not a request).
    expect(svg.replace('xmlns="http://www.w3.org/2000/svg"', '')).not.toMatch(/https?:|href/);

    expect((await send({ port, path: '/favicon.svg' })).status).toBe(403);
    const icon = await send({ port, path: `${session}favicon.svg` });
    expect(icon.status).toBe(200);
    expect(icon.headers['content-type']).toBe('image/svg+xml');
    expect(icon.body.toString()).toBe(svg);
    // Browsers load icons under img-src (else default-src): this server's own files are allowed.
    expect(CONTENT_SECURITY_POLICY).toMatch(/(^|; )img-src 'self'( |;)/);
  });

  it('lists no folders and never leaves the app folder', async () => {
    for (const target of [
      '/assets',
      '/assets/',
      '/missing.js',
      '/../package.json',
      '/%2e%2e/package.json',
      '/..%2fpackage.json',
      '/assets/..%2f..%2fpackage.json',
      '//etc/passwd',
    ]) {
      const response = await send({ port, path: `${session.slice(0, -1)}${target}` });
      expect(response.status, target).toBe(404);
    }
    expect((await send({ port, path: session, method: 'DELETE' })).status).toBe(405);
  });

  it('explains how to build the app when index.html is missing', async () => {
    await rm(path.join(staticDir, 'index.html'));
    try {
      const page = await send({ port, path: session });
      expect(page.status).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body.toString()).toContain('npm run build');
      expect((await send({ port, path: `${session}assets/app.js` })).status).toBe(200);
    } finally {
      await writeFile(path.join(staticDir, 'index.html'), STATIC_FILES['index.html']);
    }
  });
});
