/**
 * `GET|HEAD /files/<path>`: workspace files for the kernel (the URLs `datafiles.resolve` hands
 * out). Only what the workspace guard allows is served: outside → 403, missing → 404, a path
 * that cannot be used (a symbolic link loop, a name too long) → 400, each naming the path.
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
import { excerpt } from '../../core/excerpt';
import { fileErrorAnswer } from '../serving/ranged-file';
import { resolveInWorkspace } from '../workspace/workspace';

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
  try {
    const absolute = await resolveInWorkspace(root, relative);
    const file = { root, absolute, shown: relative };
    const result = await sendFile(request, response, file, dataFileHeaders(absolute));
    if (result === 'not-a-file') sendText(response, 404, `${excerpt(relative)}: not a file\n`);
  } catch (error) {
    const answer = fileErrorAnswer(error, relative);
    if (answer === undefined) throw error;
    sendText(response, answer.status, answer.body);
  }
}
