/**
 * Headers of a workspace data file under `quarry-app://app/files/`, as browser mode's
 * host/server/data-files.ts sets them (which does not export its list; until it does, this copy
 * is held equal by test/electron/files-parity.test.ts, which serves the same files both ways).
 *
 * These are the user's files, not the app's, so none may act as part of the app: only data types
 * keep their MIME type (anything else is octet-stream, which `nosniff` forbids to run as a
 * script), and a sandbox CSP makes a file that is somehow shown as a page script-less.
 */
import path from 'node:path';
import { contentTypeOf } from '../../host/server/mime-types';

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
