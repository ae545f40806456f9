import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tempFolder } from '../../test/support/host-fixtures';
import { kernelFramePolicy, pagePolicy } from '../../host/serving/kernel-frame-policy';
import { protocol } from '../test/electron-mock';
import { createAppRequestHandler, installAppProtocol, registerAppScheme } from './app-protocol';

vi.mock('electron', () => import('../test/electron-mock'));

const DATA = '0123456789abcdefghij'; // 20 bytes
let staticDir: string;
let workspace: string;
let outside: string;
let handle: (request: Request) => Promise<Response>;

beforeEach(async () => {
  staticDir = await tempFolder('quarry-protocol-app-');
  workspace = await tempFolder('quarry-protocol-ws-');
  outside = await tempFolder('quarry-protocol-outside-');
  await writeFile(path.join(staticDir, 'index.html'), '<!doctype html><title>Quarry</title>');
  await mkdir(path.join(staticDir, 'assets'));
  await writeFile(path.join(staticDir, 'assets', 'duckdb.wasm'), new Uint8Array([0, 97, 115, 109]));
  await mkdir(path.join(workspace, 'data'));
  await writeFile(path.join(workspace, 'data', 'sales.csv'), DATA);
  await writeFile(path.join(workspace, 'data', 'a b%.csv'), 'x\n1\n');
  await writeFile(path.join(workspace, 'report.html'), '<script>alert(1)</script>');
  await writeFile(path.join(workspace, 'empty.csv'), '');
  await writeFile(path.join(outside, 'secret.csv'), 'secret');
  await symlink(path.join(outside, 'secret.csv'), path.join(workspace, 'link.csv'));
  handle = createAppRequestHandler({ staticDir, workspaceRoot: () => workspace, log: () => {} });
});

function get(url: string, init: RequestInit = {}): Promise<Response> {
  return handle(new Request(url, init));
}

describe('the scheme', () => {
  it('is registered as privileged: standard, secure, fetch, CORS, streams; no CSP bypass', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      {
        scheme: 'quarry-app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          corsEnabled: true,
          stream: true,
        },
      },
    ]);
  });

  it('is served by one handler', () => {
    installAppProtocol({ staticDir, workspaceRoot: () => workspace });
    expect(protocol.handle).toHaveBeenCalledExactlyOnceWith('quarry-app', expect.any(Function));
  });

  it('answers only the app host, GET and HEAD', async () => {
    expect((await get('quarry-app://other/index.html')).status).toBe(404);
    const post = await get('quarry-app://app/index.html', { method: 'POST', body: 'x' });
    expect(post.status).toBe(405);
    expect(post.headers.get('allow')).toBe('GET, HEAD');
  });
});

describe('the app files (dist/renderer)', () => {
  it('serves index.html at / and by name', async () => {
    for (const url of ['quarry-app://app/', 'quarry-app://app/index.html?generation=4']) {
      const response = await get(url);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('<title>Quarry</title>');
    }
  });

  it('serves assets with explicit types', async () => {
    const response = await get('quarry-app://app/assets/duckdb.wasm');
    expect(response.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it.each(['assets/missing.js', 'assets', '%2e%2e/outside', 'assets/..%2f..%2fsecret', '%ZZ'])(
    'has nothing at %s (404, or 400 for bad encoding)',
    async (target) => {
      const response = await get(`quarry-app://app/${target}`);
      expect([400, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('secret');
    },
  );

  it('says how to build the app when it is not built', async () => {
    const empty = await tempFolder('quarry-protocol-empty-');
    const unbuilt = createAppRequestHandler({ staticDir: empty, workspaceRoot: () => workspace });
    const response = await unbuilt(new Request('quarry-app://app/'));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('npm run build');
  });
});

describe('workspace files under /files/ (browser mode semantics)', () => {
  it('sends a whole file with Accept-Ranges, length and its data type', async () => {
    const response = await get('quarry-app://app/files/data/sales.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-length')).toBe('20');
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await response.text()).toBe(DATA);
  });

  it.each([
    ['bytes=0-3', '0123', 'bytes 0-3/20'],
    ['bytes=10-', 'abcdefghij', 'bytes 10-19/20'],
    ['bytes=-5', 'fghij', 'bytes 15-19/20'],
    ['bytes=18-100', 'ij', 'bytes 18-19/20'],
  ])('Range %s answers 206 with %s', async (range, body, contentRange) => {
    const response = await get('quarry-app://app/files/data/sales.csv', { headers: { range } });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(contentRange);
    expect(response.headers.get('content-length')).toBe(String(body.length));
    expect(await response.text()).toBe(body);
  });

  it('a range past the end is 416 with the size', async () => {
    const response = await get('quarry-app://app/files/data/sales.csv', {
      headers: { range: 'bytes=20-30' },
    });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe('bytes */20');
  });

  it('several ranges or a malformed header get the whole file', async () => {
    for (const range of ['bytes=0-1,4-5', 'lines=1-2', 'bytes=5-2']) {
      const response = await get('quarry-app://app/files/data/sales.csv', { headers: { range } });
      expect(response.status, range).toBe(200);
      expect(await response.text()).toBe(DATA);
    }
  });

  it('HEAD gives the size and no body', async () => {
    const response = await get('quarry-app://app/files/data/sales.csv', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('20');
    expect(response.body).toBeNull();
  });

  it('streams a file larger than one read chunk intact', async () => {
    const big = Buffer.alloc(700 * 1024);
    for (let i = 0; i < big.length; i += 1) big[i] = i % 251;
    await writeFile(path.join(workspace, 'big.arrow'), big);
    const end = 600 * 1024;
    const response = await get('quarry-app://app/files/big.arrow', {
      headers: { range: `bytes=1000-${end}` },
    });
    expect(response.status).toBe(206);
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBe(end - 1000 + 1);
    expect(body.equals(big.subarray(1000, end + 1))).toBe(true);
  });

  it('an empty file is 200 with no body', async () => {
    const response = await get('quarry-app://app/files/empty.csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('0');
    expect(await response.text()).toBe('');
  });

  it('decodes the path once, so names with spaces and % work', async () => {
    const response = await get('quarry-app://app/files/data/a%20b%25.csv');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('x\n1\n');
  });

  it('an encoded .. segment is resolved by the URL parser, out of /files/: nothing there', async () => {
    // WHATWG URLs treat %2e%2e as ".." (Chromium too): the path becomes /etc/passwd, an app file.
    const response = await get('quarry-app://app/files/%2e%2e/etc/passwd');
    expect(response.status).toBe(404);
  });

  it.each([
    ['an encoded separator', 'files/data/..%2f..%2fsecret.csv'],
    ['twice encoded', 'files/%252e%252e%252fsecret.csv'],
    ['a link that leads out', 'files/link.csv'],
    ['a backslash', 'files/data%5c..%5csecret.csv'],
  ])('refuses %s (403)', async (_name, target) => {
    const response = await get(`quarry-app://app/${target}`);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('secret');
  });

  it('a missing file is 404, a folder too', async () => {
    expect((await get('quarry-app://app/files/data/missing.csv')).status).toBe(404);
    expect((await get('quarry-app://app/files/data')).status).toBe(404);
  });

  it('a symbolic link loop and a name too long are 400s naming the path, not 500s', async () => {
    await symlink('loop.csv', path.join(workspace, 'data', 'loop.csv'));
    const loop = await get('quarry-app://app/files/data/loop.csv');
    expect(loop.status).toBe(400);
    expect(await loop.text()).toBe('data/loop.csv: a symbolic link loop\n');
    const long = await get(`quarry-app://app/files/${'n'.repeat(300)}.csv`);
    expect(long.status).toBe(400);
    expect(await long.text()).toMatch(/^n{200}…: the name is too long\n$/);
  });

  it("a user's HTML is inert: octet-stream and a sandbox CSP", async () => {
    const response = await get('quarry-app://app/files/report.html');
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    expect(response.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('follows the workspace when it changes', async () => {
    let root = workspace;
    const switching = createAppRequestHandler({ staticDir, workspaceRoot: () => root });
    expect((await switching(new Request('quarry-app://app/files/secret.csv'))).status).toBe(404);
    root = outside;
    const response = await switching(new Request('quarry-app://app/files/secret.csv'));
    expect(await response.text()).toBe('secret');
  });
});

describe('the kernel frame’s host', () => {
  beforeEach(async () => {
    await writeFile(path.join(staticDir, 'kernel-frame.html'), '<!doctype html><title>k</title>');
  });

  it('serves the kernel’s files and the data files, as the app’s host does', async () => {
    const frame = await get('quarry-app://kernel/kernel-frame.html');
    expect(frame.status).toBe(200);
    expect(await frame.text()).toContain('<title>k</title>');
    expect((await get('quarry-app://kernel/assets/duckdb.wasm')).status).toBe(200);
    const data = await get('quarry-app://kernel/files/data/sales.csv');
    expect(await data.text()).toBe(DATA);
  });

  it('never the app page', async () => {
    expect((await get('quarry-app://kernel/')).status).toBe(404);
    expect((await get('quarry-app://kernel/index.html')).status).toBe(404);
  });
});

describe('every response carries the security headers', () => {
  it.each([
    'quarry-app://app/',
    'quarry-app://app/assets/duckdb.wasm',
    'quarry-app://app/nothing-here',
    'quarry-app://app/files/data/sales.csv',
    'quarry-app://app/files/%2e%2e/x',
    'quarry-app://elsewhere/',
    'quarry-app://kernel/kernel-frame.html',
    'quarry-app://kernel/files/data/sales.csv',
  ])('%s', async (url) => {
    const response = await get(url);
    const csp = response.headers.get('content-security-policy');
    // The app may frame the kernel's site; the kernel's site may be framed by the app only.
    const policy = url.startsWith('quarry-app://kernel/')
      ? kernelFramePolicy(['quarry-app://app'])
      : pagePolicy(['quarry-app://kernel']);
    if (url.includes('/files/')) expect([policy, "sandbox; default-src 'none'"]).toContain(csp);
    else expect(csp).toBe(policy);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(response.headers.get('cross-origin-opener-policy')).toBe('same-origin');
  });
});
