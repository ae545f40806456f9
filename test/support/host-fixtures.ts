/**
 * Helpers for the server's tests (imported by `*.test.ts` only): temporary workspaces holding
 * real notebooks, and raw HTTP requests (node:http, so a test controls the exact request target
 * and the Host header, which fetch normalises or refuses).
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { mkdtemp, realpath } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export function notebookText(source = 'const x = 1'): string {
  return `${JSON.stringify(
    {
      cells: [
        {
          cell_type: 'code',
          execution_count: null,
          id: 'c1',
          metadata: {},
          outputs: [],
          source,
        },
      ],
      metadata: {
        kernelspec: {
          display_name: 'TypeScript (Quarry)',
          language: 'typescript',
          name: 'quarry-typescript',
        },
      },
      nbformat: 4,
      nbformat_minor: 5,
    },
    null,
    1,
  )}\n`;
}

/** A fresh temporary folder (its realpath, so comparisons with resolved paths hold). */
export async function tempFolder(prefix: string): Promise<string> {
  return realpath(await mkdtemp(path.join(tmpdir(), prefix)));
}

export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer };

export type RawRequest = {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
};

/** One request on its own connection; the Host header defaults to 127.0.0.1:PORT. */
export function send(options: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: { host: `127.0.0.1:${options.port}`, ...options.headers },
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export function bodyJson(response: RawResponse): unknown {
  return JSON.parse(response.body.toString('utf8'));
}

/**
 * The session path (`/s/KEY/`) a browser-mode server sends its printed URL to: where the app's
 * files and the workspace's data files are served (host/server/token.ts).
 */
export async function sessionPath(port: number, token: string): Promise<string> {
  const entry = await send({ port, path: `/?token=${encodeURIComponent(token)}` });
  const location = entry.headers.location;
  if (entry.status !== 303 || location === undefined)
    throw new Error(`the entry page answered ${entry.status}, not a redirect`);
  return location.split('?')[0];
}
