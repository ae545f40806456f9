/**
 * Headers of a workspace data file, the same in browser mode (`/files/`, data-files.ts) and in
 * the desktop app (`quarry-app://app/files/`, electron/main/app-protocol.ts).
 *
 * These are the user's files, not the app's, so none may act as part of the app: only data types
 * keep their MIME type (anything else is octet-stream, which `nosniff` forbids to run as a
 * script), and a sandbox CSP makes a file that is somehow shown as a page script-less.
 */
import path from 'node:path';
import { contentTypeOf } from './mime-types';

const DATA_EXTENSIONS: ReadonlySet<string> = new Set([
  '.csv',
  '.tsv',
  '.txt',
  '.json',
  '.ipynb',
  '.parquet',
  '.arrow',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.webp',
]);

export const DATA_FILE_CSP = "sandbox; default-src 'none'";

export function dataFileHeaders(absolute: string): Record<string, string> {
  const type = DATA_EXTENSIONS.has(path.extname(absolute).toLowerCase())
    ? contentTypeOf(absolute)
    : 'application/octet-stream';
  return {
    'Content-Type': type,
    'Content-Security-Policy': DATA_FILE_CSP,
    'Cache-Control': 'no-cache',
  };
}
