/**
 * Streams one file with HTTP range support: what DuckDB-WASM needs to read a big Parquet or
 * CSV lazily through synchronous XHR (HEAD for the size, then `Range: bytes=a-b` reads). The
 * file is opened once and its size taken from that handle, so a file replaced mid-request is
 * served consistently; it is never read whole into memory.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { open, type FileHandle } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { parseRange } from './http-range';
import { sendText } from './http-util';

export type SendFileResult = 'sent' | 'not-a-file';

export async function sendFile(
  request: IncomingMessage,
  response: ServerResponse,
  absolute: string,
  headers: Record<string, string>,
): Promise<SendFileResult> {
  let handle: FileHandle | undefined = await open(absolute, 'r');
  try {
    const info = await handle.stat();
    if (!info.isFile()) return 'not-a-file';
    const size = info.size;
    const common = {
      ...headers,
      'Accept-Ranges': 'bytes',
      'Last-Modified': info.mtime.toUTCString(),
      // Size and time identify the version, so a reader can tell the file changed under it.
      ETag: `"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
    };
    const range = parseRange(
      typeof request.headers.range === 'string' ? request.headers.range : undefined,
      size,
    );
    switch (range.kind) {
      case 'unsatisfiable':
        sendText(response, 416, 'range not satisfiable\n', {
          ...common,
          'Content-Range': `bytes */${size}`,
        });
        return 'sent';
      case 'whole':
        response.writeHead(200, { ...common, 'Content-Length': String(size) });
        break;
      case 'partial':
        response.writeHead(206, {
          ...common,
          'Content-Length': String(range.end - range.start + 1),
          'Content-Range': `bytes ${range.start}-${range.end}/${size}`,
        });
        break;
    }
    if (request.method === 'HEAD' || size === 0) {
      response.end();
      return 'sent';
    }
    const stream = handle.createReadStream(
      range.kind === 'partial' ? { start: range.start, end: range.end } : {},
    );
    handle = undefined; // the stream closes it (autoClose)
    await pipeline(stream, response).catch(() => {
      // The client went away mid-file (DuckDB aborts reads it no longer needs): nothing to do.
      response.destroy();
    });
    return 'sent';
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
