/**
 * Browser mode: a local HTTP server that serves the app (the built renderer) and the host API
 * to it, as `quarry serve` starts it (DESIGN.md, "Processes and how they talk").
 *
 * Who may talk to it: it listens on 127.0.0.1 only; every request needs the token (token.ts);
 * the Host header must name this server (a DNS-rebinding page has its own host name there);
 * and API calls that carry an Origin must come from this origin. Routes:
 *   POST /api/<operation>   the host contract (api-routes.ts)
 *   GET|HEAD /files/<path>  workspace files, with ranges (data-files.ts)
 *   GET|HEAD anything else  the app's files (static-files.ts)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { API_PREFIX, DEFAULT_MAX_BODY_BYTES, serveApi } from './api-routes';
import { FILES_PREFIX, serveDataFile } from './data-files';
import { createHostHandlers } from '../operations/host-handlers';
import { sendText } from './http-util';
import { applySecurityHeaders } from '../serving/security-headers';
import { serveStatic } from './static-files';
import { checkToken, createToken, tokenCookie } from './token';

export type BrowserServerOptions = {
  /** The workspace: the only folder whose files the server reads or writes. */
  root: string;
  /** The notebook Quarry was opened with (absolute, or relative to root). */
  notebook?: string | null;
  /** The built renderer (`dist/renderer/`). */
  staticDir: string;
  /** Per-user state; default `defaultStateDir()`. */
  stateDir?: string;
  /** 0 or absent: any free port. */
  port?: number;
  /** Absent: a fresh random one. */
  token?: string;
  /** Largest API request body; default 256 MiB. */
  maxBodyBytes?: number;
  /** Where unexpected errors go; default stderr. */
  log?: (message: string) => void;
};

export type BrowserServer = {
  /** What the user opens: `http://127.0.0.1:PORT/?token=TOKEN`. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
};

export class PortInUseError extends Error {
  override readonly name = 'PortInUseError';

  constructor(readonly port: number) {
    super(`port ${port} is in use; choose another with --port`);
  }
}

const HOST = '127.0.0.1';

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? createToken();
  if (token === '') throw new Error('startBrowserServer: the token must not be empty');
  const root = path.resolve(options.root);
  const staticDir = path.resolve(options.staticDir);
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const handlers = createHostHandlers({
    root,
    notebook: options.notebook ?? null,
    stateDir: options.stateDir,
  });
  const api = {
    handlers,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    log,
  };
  let port = 0; // set once listening, before any request can arrive

  const route = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    applySecurityHeaders(response);
    const raw = request.url ?? '';
    if (!raw.startsWith('/')) return sendText(response, 400, 'bad request target\n');
    if (!hostAllowed(request.headers.host, port))
      return sendText(response, 403, 'forbidden: unexpected Host header\n');
    const queryAt = raw.indexOf('?');
    const urlPath = queryAt === -1 ? raw : raw.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : raw.slice(queryAt + 1));
    const check = checkToken(request, query, token, port);
    switch (check.kind) {
      case 'missing':
        return sendText(
          response,
          403,
          'forbidden: open the URL with the token that quarry printed\n',
        );
      case 'invalid':
        return sendText(response, 403, 'forbidden: wrong token\n');
      case 'valid':
        if (check.fromQuery) response.setHeader('Set-Cookie', tokenCookie(port, token));
        break;
    }
    if (urlPath === '/api' || urlPath.startsWith(API_PREFIX)) {
      // A page of another origin cannot read our answers, but could still cause a write.
      if (!originAllowed(request.headers.origin, port))
        return sendText(response, 403, 'forbidden: cross-origin request\n');
      return serveApi(request, response, urlPath.slice(API_PREFIX.length), api);
    }
    if (urlPath.startsWith(FILES_PREFIX))
      return serveDataFile(request, response, root, urlPath.slice(FILES_PREFIX.length));
    return serveStatic(request, response, staticDir, urlPath);
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log(`quarry serve: ${request.method} ${request.url}: ${describe(error)}`);
      if (!response.headersSent) sendText(response, 500, 'internal error\n');
      else response.destroy();
    });
  });
  port = await listen(server, options.port ?? 0);

  return {
    url: `http://${HOST}:${port}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (the open tab) would hold close() back for minutes.
        server.closeAllConnections();
      }),
  };
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException): void => {
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error);
    };
    server.once('error', onError);
    server.listen({ host: HOST, port }, () => {
      server.off('error', onError);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** DNS rebinding: a hostile name that resolves to 127.0.0.1 still says its own name here. */
function hostAllowed(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const value = host.toLowerCase();
  return value === `${HOST}:${port}` || value === `localhost:${port}`;
}

function originAllowed(origin: string | undefined, port: number): boolean {
  if (origin === undefined) return true; // same-origin GETs and non-browser clients send none
  const value = origin.toLowerCase();
  return value === `http://${HOST}:${port}` || value === `http://localhost:${port}`;
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
