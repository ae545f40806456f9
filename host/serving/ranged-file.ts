/**
 * A file as a fetch `Response` with HTTP range support: the one responder for files in both
 * modes (the desktop app's custom protocol returns it; browser mode's server writes it out,
 * host/server/send-file.ts), because DuckDB-WASM reads data files lazily with HEAD and
 * `Range: bytes=a-b` requests in both. The file is opened once and its size taken from that handle, so a file replaced
 * mid-request is served consistently, and it is streamed in chunks, never read whole.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { parseRange } from './http-range';

export type FileRequest = { method: string; range: string | null };

/** 256 KiB reads: large enough for throughput, small enough that a cancelled read stops soon. */
const CHUNK_BYTES = 256 * 1024;

/** The response, or 'not-a-file' for a folder or a special file. Throws what `open` throws. */
export async function fileResponse(
  absolute: string,
  request: FileRequest,
  headers: Record<string, string>,
): Promise<Response | 'not-a-file'> {
  const handle = await open(absolute, 'r');
  let handedOver = false;
  try {
    const info = await handle.stat();
    if (!info.isFile()) return 'not-a-file';
    const size = info.size;
    const common: Record<string, string> = {
      ...headers,
      'Accept-Ranges': 'bytes',
      'Last-Modified': info.mtime.toUTCString(),
      // Size and time identify the version, so a reader can tell the file changed under it.
      ETag: `"${size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`,
    };
    const range = parseRange(request.range ?? undefined, size);
    let status: number;
    let start = 0;
    let end = size - 1;
    switch (range.kind) {
      case 'unsatisfiable':
        return new Response('range not satisfiable\n', {
          status: 416,
          headers: {
            ...common,
            'Content-Type': 'text/plain; charset=utf-8',
            'Content-Range': `bytes */${size}`,
          },
        });
      case 'whole':
        status = 200;
        break;
      case 'partial':
        status = 206;
        start = range.start;
        end = range.end;
        common['Content-Range'] = `bytes ${start}-${end}/${size}`;
        break;
    }
    const length = Math.max(0, end - start + 1);
    common['Content-Length'] = String(length);
    if (request.method === 'HEAD' || length === 0)
      return new Response(null, { status, headers: common });
    handedOver = true;
    return new Response(streamOf(handle, start, end), { status, headers: common });
  } finally {
    if (!handedOver) await handle.close().catch(() => undefined);
  }
}

/** Bytes `start..end` (inclusive) of an open file; closes it at the end or when cancelled. */
function streamOf(handle: FileHandle, start: number, end: number): ReadableStream<Uint8Array> {
  let position = start;
  const close = (): Promise<void> => handle.close().catch(() => undefined);
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const wanted = Math.min(CHUNK_BYTES, end + 1 - position);
        const buffer = new Uint8Array(wanted);
        const { bytesRead } = await handle.read(buffer, 0, wanted, position);
        if (bytesRead > 0) {
          position += bytesRead;
          controller.enqueue(buffer.subarray(0, bytesRead));
        }
        // bytesRead 0: the file shrank since its size was taken; stop rather than wait.
        if (bytesRead === 0 || position > end) {
          await close();
          controller.close();
        }
      } catch (error) {
        await close();
        controller.error(error);
      }
    },
    // The reader went away (DuckDB aborts reads it no longer needs).
    cancel: close,
  });
}
