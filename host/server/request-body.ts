/**
 * Reads a request body up to a limit, so a runaway (or hostile) client cannot fill the memory:
 * a declared Content-Length over the limit is refused before reading, and a body that grows
 * past it while streaming is cut off.
 */
import type { IncomingMessage } from 'node:http';

export type BodyResult = { kind: 'ok'; bytes: Buffer } | { kind: 'too-large' };

export async function readBody(request: IncomingMessage, limit: number): Promise<BodyResult> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return { kind: 'too-large' };
  const chunks: Buffer[] = [];
  let total = 0;
  // Not destroyed on an early return: the socket must stay open to carry the 413 answer.
  const incoming: AsyncIterable<unknown> = request.iterator({ destroyOnReturn: false });
  for await (const chunk of incoming) {
    const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    total += bytes.length;
    if (total > limit) return { kind: 'too-large' };
    chunks.push(bytes);
  }
  return { kind: 'ok', bytes: Buffer.concat(chunks, total) };
}
