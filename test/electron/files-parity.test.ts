/**
 * The desktop app's `quarry-app://app/files/` and browser mode's `/s/KEY/files/` serve the same
 * workspace the same way: status, type, CSP, ranges and body, file by file (both answer with
 * host/serving/ranged-file.ts and its headers from host/serving/data-file-headers.ts; the
 * routes to them differ).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startBrowserServer, type BrowserServer } from '../../host/server/browser-server';
import { send, sessionPath, tempFolder } from '../support/host-fixtures';
import { createAppRequestHandler } from '../../electron/main/app-protocol';

vi.mock('electron', () => import('../../electron/test/electron-mock'));

const FILES = [
  'data/sales.csv',
  'data/table.tsv',
  'data/rows.json',
  'data/cube.parquet',
  'data/batch.arrow',
  'notes.txt',
  'nb.ipynb',
  'img/plot.png',
  'img/photo.JPG',
  'img/anim.gif',
  'img/pic.webp',
  'img/vector.svg',
  'page.html',
  'script.js',
  'module.mjs',
  'style.css',
  'blob.bin',
  'README.md',
  'noextension',
];

let server: BrowserServer;
let handle: (request: Request) => Promise<Response>;

beforeAll(async () => {
  const root = await tempFolder('quarry-files-parity-');
  for (const [index, file] of FILES.entries()) {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), `content ${index} of ${file}\n`.repeat(3));
  }
  server = await startBrowserServer({
    root,
    staticDir: await tempFolder('quarry-files-parity-app-'),
    stateDir: await tempFolder('quarry-files-parity-state-'),
    log: () => {},
  });
  handle = createAppRequestHandler({ staticDir: root, workspaceRoot: () => root, log: () => {} });
});

afterAll(() => server.close());

type Seen = {
  status: number;
  type: string | null;
  csp: string | null;
  range: string | null;
  body: string;
};

async function browserMode(target: string, headers: Record<string, string>): Promise<Seen> {
  const response = await send({
    port: server.port,
    path: `${await sessionPath(server.port, server.token)}files/${target}`,
    headers,
  });
  const header = (name: string): string | null => {
    const value = response.headers[name];
    return typeof value === 'string' ? value : null;
  };
  return {
    status: response.status,
    type: header('content-type'),
    csp: header('content-security-policy'),
    range: header('content-range'),
    body: response.body.toString('utf8'),
  };
}

async function desktop(target: string, headers: Record<string, string>): Promise<Seen> {
  const response = await handle(new Request(`quarry-app://app/files/${target}`, { headers }));
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    csp: response.headers.get('content-security-policy'),
    range: response.headers.get('content-range'),
    body: await response.text(),
  };
}

describe('data files: desktop app and browser mode agree', () => {
  it.each(FILES)('%s', async (file) => {
    expect(await desktop(file, {})).toEqual(await browserMode(file, {}));
  });

  it.each([
    ['bytes=0-6'],
    ['bytes=5-'],
    ['bytes=-4'],
    ['bytes=9999-'],
    ['bytes=0-1,3-4'],
    ['bytes=x'],
  ])('Range %s', async (range) => {
    const file = 'data/cube.parquet';
    expect(await desktop(file, { range })).toEqual(await browserMode(file, { range }));
  });

  it.each(['data/missing.csv', 'data', 'data/..%2f..%2fetc%2fpasswd', 'a%5cb.csv'])(
    'refusals: %s',
    async (target) => {
      const [ours, theirs] = [await desktop(target, {}), await browserMode(target, {})];
      expect(ours.status).toBe(theirs.status);
    },
  );
});
