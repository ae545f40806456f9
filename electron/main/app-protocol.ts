/**
 * `quarry-app://app/`: the desktop app's own origin, in place of browser mode's local server.
 *   quarry-app://app/files/<path>  workspace files, with ranges (DuckDB-WASM reads them lazily)
 *   quarry-app://app/<anything>    files of the built renderer (dist/renderer), / = index.html
 *   quarry-app://kernel/…          the kernel frame's site (core/kernel-frame-protocol.ts): the
 *                                  same files and data files, but not the app page
 * Both go through the workspace guard (host/workspace/workspace.ts), the first with the workspace as
 * root, the second with the renderer folder. Every response carries browser mode's security
 * headers (host/serving/security-headers.ts), so the page and its workers get the same CSP.
 *
 * A custom scheme rather than file://: a standard, secure origin of its own gives 'self' in the
 * CSP a meaning, fetch/XHR with ranges for the kernel worker, and no file:// privileges at all.
 */
import { readFile } from 'node:fs/promises';
import { protocol } from 'electron';
import { SECURITY_HEADERS } from '../../host/serving/security-headers';
import { NOT_BUILT_PAGE } from '../../host/serving/not-built-page';
import { contentTypeOf } from '../../host/serving/mime-types';
import { errorCode, ForbiddenPathError, resolveInWorkspace } from '../../host/workspace/workspace';
import { kernelFramePolicy, pagePolicy } from '../../host/serving/kernel-frame-policy';
import {
  APP_HOST,
  APP_ORIGIN,
  APP_SCHEME,
  FILES_PATH_PREFIX,
  KERNEL_HOST,
  KERNEL_ORIGIN,
} from '../shared/app-url';
import { dataFileHeaders } from '../../host/serving/data-file-headers';
import { fileErrorAnswer, fileResponse } from '../../host/serving/ranged-file';
import { excerpt } from '../../core/excerpt';

/**
 * Must run before the app is ready (Electron reads privileges once). standard: URLs resolve like
 * http (relative URLs, an origin); secure: a secure context (WebGPU and crypto.subtle need one);
 * supportFetchAPI + corsEnabled: fetch and XHR from the page and its workers; stream: range
 * requests and streamed bodies. Not bypassCSP, not allowServiceWorkers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: true,
        stream: true,
      },
    },
  ]);
}

export type AppProtocolOptions = {
  /** The built renderer, `dist/renderer`. */
  staticDir: string;
  /** The current workspace folder (it changes when a notebook elsewhere is opened). */
  workspaceRoot: () => string;
  /** Where unexpected errors go; default stderr. */
  log?: (message: string) => void;
};

/** Serves the scheme on the default session; after `app.whenReady()`. */
export function installAppProtocol(options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(options));
}

export function createAppRequestHandler(
  options: AppProtocolOptions,
): (request: Request) => Promise<Response> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  return async (request) => {
    const host = new URL(request.url).host;
    try {
      return withSecurityHeaders(await route(request, options), host);
    } catch (error) {
      log(`quarry-app: ${request.method} ${request.url}: ${describe(error)}`);
      return withSecurityHeaders(text(500, 'internal error\n'), host);
    }
  };
}

async function route(request: Request, options: AppProtocolOptions): Promise<Response> {
  const url = new URL(request.url);
  if (url.host !== APP_HOST && url.host !== KERNEL_HOST) return text(404, 'not found\n');
  // The kernel's site never shows the app page: a page there could frame nothing and call no
  // host operation, but there is no reason to have one.
  if (url.host === KERNEL_HOST && APP_PAGE_PATHS.has(url.pathname)) return text(404, 'not found\n');
  if (request.method !== 'GET' && request.method !== 'HEAD')
    return text(405, 'use GET or HEAD\n', { Allow: 'GET, HEAD' });
  // pathname keeps the percent-encoding, as the browser-mode routes receive it.
  if (url.pathname.startsWith(FILES_PATH_PREFIX))
    return serveDataFile(
      request,
      options.workspaceRoot(),
      url.pathname.slice(FILES_PATH_PREFIX.length),
    );
  return serveAppFile(request, options.staticDir, url.pathname);
}

async function serveDataFile(request: Request, root: string, rawPath: string): Promise<Response> {
  const relative = decodePath(rawPath);
  if (relative === null) return text(400, 'bad percent-encoding in the file path\n');
  try {
    const absolute = await resolveInWorkspace(root, relative);
    const response = await fileResponse(
      { root, absolute, shown: relative },
      { method: request.method, range: request.headers.get('range') },
      dataFileHeaders(absolute),
    );
    return response === 'not-a-file' ? text(404, `${excerpt(relative)}: not a file\n`) : response;
  } catch (error) {
    const answer = fileErrorAnswer(error, relative);
    if (answer === undefined) throw error;
    return text(answer.status, answer.body);
  }
}

/**
 * The app's files are read whole with readFile rather than streamed: inside a packaged app they
 * live in app.asar, which Electron's fs reads directly only through calls like readFile (open()
 * would extract each file to a temporary copy first). They are the app's own assets; ranges are
 * for the user's data.
 */
async function serveAppFile(
  request: Request,
  staticDir: string,
  rawPath: string,
): Promise<Response> {
  const decoded = decodePath(rawPath);
  if (decoded === null) return text(400, 'bad percent-encoding in the path\n');
  const relative = decoded.replace(/^\/+/, '') || 'index.html';
  const file = await readAppFile(staticDir, relative);
  if (file === null) {
    // Until `npm run build` has run, the page says so instead of showing a bare 404.
    return relative === 'index.html' ? html(200, NOT_BUILT_PAGE) : text(404, 'not found\n');
  }
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
    status: 200,
    headers: {
      'Content-Type': contentTypeOf(file.absolute),
      'Content-Length': String(file.body.length),
      // The app changes when it is rebuilt: always revalidate.
      'Cache-Control': 'no-cache',
    },
  });
}

/**
 * A file of the app, or null when it is missing, a folder, or its path leaves the folder: nothing
 * outside the app exists, as far as the page can tell (404, as browser mode answers).
 */
async function readAppFile(
  staticDir: string,
  relative: string,
): Promise<{ absolute: string; body: Buffer } | null> {
  try {
    const absolute = await resolveInWorkspace(staticDir, relative);
    return { absolute, body: await readFile(absolute) };
  } catch (error) {
    if (error instanceof ForbiddenPathError) return null;
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'EACCES')
      return null;
    throw error;
  }
}

const APP_PAGE_PATHS: ReadonlySet<string> = new Set(['/', '/index.html']);

/**
 * Browser mode's headers on every response; a data file keeps its own (sandbox) CSP. The app's
 * host may frame the kernel's, and the kernel's may be framed by the app's alone.
 */
function withSecurityHeaders(response: Response, host: string): Response {
  const policy =
    host === KERNEL_HOST ? kernelFramePolicy([APP_ORIGIN]) : pagePolicy([KERNEL_ORIGIN]);
  const headers = { ...SECURITY_HEADERS, 'Content-Security-Policy': policy };
  for (const [name, value] of Object.entries(headers)) {
    if (!response.headers.has(name)) response.headers.set(name, value);
  }
  return response;
}

function decodePath(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

function text(status: number, body: string, headers: Record<string, string> = {}): Response {
  return new Response(body, {
    status,
    headers: {
      ...headers,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    },
  });
}

function html(status: number, body: string): Response {
  return new Response(body, {
    status,
    headers: { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
