/**
 * `GET|HEAD /files/<path>`: workspace files for the kernel (the URLs `datafiles.resolve` hands
 * out). Only what the workspace guard allows is served: outside → 403, missing → 404.
 *
 * These are the user's files, not the app's, so they are served so that none can act as part of
 * the app: only data types keep their type (anything else is octet-stream, which `nosniff`
 * forbids to run as a script), and a sandbox CSP makes a file opened in a tab (an .html or .svg
 * someone put in the data folder) a script-less page of its own origin, away from the token.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendText } from './http-util';
import { dataFileHeaders } from '../serving/data-file-headers';
import { sendFile } from './send-file';
import { errorCode, ForbiddenPathError, resolveInWorkspace } from '../workspace/workspace';

export const FILES_PREFIX = '/files/';

/** `rawPath` is the URL path after `/files/`, still percent-encoded. */
export async function serveDataFile(
  request: IncomingMessage,
  response: ServerResponse,
  root: string,
  rawPath: string,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    sendText(response, 405, 'use GET or HEAD for files\n', { Allow: 'GET, HEAD' });
    return;
  }
  let relative: string;
  try {
    relative = decodeURIComponent(rawPath);
  } catch {
    sendText(response, 400, 'bad percent-encoding in the file path\n');
    return;
  }
  let absolute: string;
  try {
    absolute = await resolveInWorkspace(root, relative);
  } catch (error) {
    if (!(error instanceof ForbiddenPathError)) throw error;
    sendText(response, 403, 'forbidden: the path is outside the workspace\n');
    return;
  }
  try {
    const result = await sendFile(request, response, absolute, dataFileHeaders(absolute));
    if (result === 'not-a-file') sendText(response, 404, 'not a file\n');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR')
      sendText(response, 404, 'no such file\n');
    else if (code === 'EACCES' || code === 'EPERM') sendText(response, 403, 'permission denied\n');
    else throw error;
  }
}
