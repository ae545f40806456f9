/**
 * The app itself: files of the built renderer (`dist/renderer/`), `/` being `index.html`. No
 * directory listings and no way out of the folder (the workspace guard, with the renderer
 * folder as its root). Until the renderer is built, `/` explains how to build it instead of
 * showing a bare 404; the check is made per request, so building while serving just works.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { sendHtml, sendText } from './http-util';
import { contentTypeOf } from '../serving/mime-types';
import { sendFile } from './send-file';
import { NOT_BUILT_PAGE } from '../serving/not-built-page';
import { errorCode, ForbiddenPathError, resolveInWorkspace } from '../workspace/workspace';

/** `rawPath` is the URL path without the query, still percent-encoded. */
export async function serveStatic(
  request: IncomingMessage,
  response: ServerResponse,
  staticDir: string,
  rawPath: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'method not allowed\n', { Allow: 'GET, HEAD' });
    return;
  }
  let relative: string;
  try {
    relative = decodeURIComponent(rawPath).replace(/^\/+/, '');
  } catch {
    sendText(response, 400, 'bad percent-encoding in the path\n');
    return;
  }
  const wantsIndex = relative === '' || relative === 'index.html';
  if (wantsIndex) {
    // Checked before the guard, which refuses everything when the folder itself is missing.
    if (!(await isFile(path.join(staticDir, 'index.html'))))
      return sendHtml(response, 200, NOT_BUILT_PAGE);
    relative = 'index.html';
  }
  let absolute: string;
  try {
    absolute = await resolveInWorkspace(staticDir, relative);
  } catch (error) {
    if (!(error instanceof ForbiddenPathError)) throw error;
    sendText(response, 404, 'not found\n'); // nothing outside the app exists, as far as we say
    return;
  }
  try {
    const result = await sendFile(request, response, absolute, {
      'Content-Type': contentTypeOf(absolute),
      // The app changes when it is rebuilt: always revalidate (cheap on loopback).
      'Cache-Control': 'no-cache',
    });
    if (result === 'not-a-file') sendText(response, 404, 'not found\n');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR' || code === 'EACCES')
      sendText(response, 404, 'not found\n');
    else throw error;
  }
}

async function isFile(absolute: string): Promise<boolean> {
  try {
    return (await stat(absolute)).isFile();
  } catch {
    return false;
  }
}
