/**
 * Browser mode: a local HTTP server that serves the app (the built renderer) and the host API
 * to it, as `quarry serve` starts it (DESIGN.md, "Processes and how they talk").
 *
 * Who may talk to it: it listens on 127.0.0.1 only; every request needs a secret (token.ts):
 * the token for the entry page and the API, the session key for everything else; the Host
 * header must name this server (a DNS-rebinding page has its own host name there); and API
 * calls that carry an Origin must come from this origin. No secret is ever set as a cookie.
 * Routes:
 *   GET /?token=TOKEN              the URL quarry prints: redirects to the session's page
 *   POST /api/<operation>          the host contract, the token in a header (api-routes.ts);
 *                                  `query.run` runs on the server's own query engine
 *                                  (host/query/: native DuckDB, on DuckDB's threads)
 *   GET|HEAD /s/KEY/files/<path>   workspace files, with ranges (data-files.ts)
 *   GET|HEAD /s/KEY/<anything>     the app's files (static-files.ts); the page may frame its
 *                                  kernel on the other loopback name, and kernel-frame.html may
 *                                  be framed by the page alone (serving/kernel-frame-policy.ts)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { API_PREFIX, DEFAULT_MAX_BODY_BYTES, serveApi } from './api-routes';
import { FILES_PREFIX, serveDataFile } from './data-files';
import { createHostHandlers } from '../operations/host-handlers';
import { createHostQueryEngine } from '../query/host-query-engine';
import { sendText } from './http-util';
import { KERNEL_FRAME_PATH } from '../../core/kernel-frame-protocol';
import { kernelFramePolicy, pagePolicy } from '../serving/kernel-frame-policy';
import { applySecurityHeaders } from '../serving/security-headers';
import { serveStatic } from './static-files';
import { checkToken, createSecret, loggableTarget, secretMatches } from './token';

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

/** Where the session's page and files live: `/s/KEY/` (token.ts). */
const SESSION_PREFIX = '/s/';

const STALE_SESSION =
  'this page belongs to an earlier run of quarry serve; open the URL it printed this time';

export async function startBrowserServer(options: BrowserServerOptions): Promise<BrowserServer> {
  const token = options.token ?? createSecret();
  const sessionKey = createSecret();
  if (token === '') throw new Error('startBrowserServer: the token must not be empty');
  const root = path.resolve(options.root);
  const staticDir = path.resolve(options.staticDir);
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const notebook = options.notebook ?? null;
  // DuckDB opens at the first query (the engine is lazy) and closes with the server.
  const queries = createHostQueryEngine({
    notebookDir: notebook === null ? root : path.dirname(path.resolve(root, notebook)),
    allowedDirectories: [root],
  });
  const handlers = createHostHandlers({ root, notebook, stateDir: options.stateDir, queries });
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
    if (urlPath.startsWith(SESSION_PREFIX)) {
      const rest = urlPath.slice(SESSION_PREFIX.length);
      const slash = rest.indexOf('/');
      if (!secretMatches(sessionKey, slash === -1 ? rest : rest.slice(0, slash)))
        return sendText(response, 403, `forbidden: ${STALE_SESSION}\n`);
      if (slash === -1) return redirect(response, `${SESSION_PREFIX}${sessionKey}/`, query);
      const inner = rest.slice(slash);
      if (inner.startsWith(FILES_PREFIX))
        return serveDataFile(request, response, root, inner.slice(FILES_PREFIX.length));
      // The page frames its kernel on the other loopback name (core/kernel-frame-protocol.ts).
      const origins = [`http://${HOST}:${port}`, `http://localhost:${port}`];
      const kernelFrame = inner === `/${KERNEL_FRAME_PATH}`;
      response.setHeader(
        'Content-Security-Policy',
        kernelFrame ? kernelFramePolicy(origins) : pagePolicy(origins),
      );
      return serveStatic(request, response, staticDir, inner);
    }
    const isApi = urlPath === '/api' || urlPath.startsWith(API_PREFIX);
    const check = checkToken(request, query, token, isApi ? 'headers' : 'headers-or-query');
    switch (check.kind) {
      case 'missing':
        return sendText(
          response,
          403,
          isApi
            ? 'forbidden: send the token in an X-Quarry-Token or Authorization: Bearer header\n'
            : 'forbidden: open the URL with the token that quarry printed\n',
        );
      case 'invalid':
        return sendText(response, 403, 'forbidden: wrong token\n');
      case 'valid':
        break;
    }
    if (isApi) {
      // A page of another origin cannot read our answers, but could still cause a write.
      if (!originAllowed(request.headers.origin, port))
        return sendText(response, 403, 'forbidden: cross-origin request\n');
      return serveApi(request, response, urlPath.slice(API_PREFIX.length), api);
    }
    if (urlPath === '/' || urlPath === '/index.html')
      return redirect(response, `${SESSION_PREFIX}${sessionKey}/`, query);
    return sendText(response, 404, `not found: the app's files are under its session path\n`);
  };

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      log(
        `quarry serve: ${request.method} ${loggableTarget(request.url ?? '')}: ${describe(error)}`,
      );
      if (!response.headersSent) sendText(response, 500, 'internal error\n');
      else response.destroy();
    });
  });
  port = await listen(server, options.port ?? 0);

  return {
    url: `http://${HOST}:${port}/?token=${encodeURIComponent(token)}`,
    port,
    token,
    close: async () => {
      await new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections (the open tab) would hold close() back for minutes.
        server.closeAllConnections();
      });
      await queries.close();
    },
  };
}

/**
 * The page keeps its query (the token, which the page sends in its API headers): `303`, so a
 * reload of the printed URL always lands on this run's session path.
 */
function redirect(response: ServerResponse, target: string, query: URLSearchParams): void {
  const search = query.toString();
  response.writeHead(303, {
    Location: search === '' ? target : `${target}?${search}`,
    'Cache-Control': 'no-store',
  });
  response.end();
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
