/**
 * Host query rows cross the page, the kernel's frame and its worker by `postMessage`: they are
 * transferred (moved, not copied) at each hop. This names the buffers of a relayed message to
 * put in its transfer list: a `copy` request's rows (worker → page) and a result's rows (page →
 * worker). The sender gives the buffer up: after posting, its view is empty.
 */
import { isRecord } from '../guards';

/** The buffers to transfer with `message` (a worker message, or a frame's envelope of one). */
export function queryTransfers(message: unknown): ArrayBuffer[] {
  if (!isRecord(message)) return [];
  switch (message.type) {
    case 'to-worker':
    case 'from-worker':
      return queryTransfers(message.message);
    case 'host-request':
      if (message.operation !== 'query.run' || !isRecord(message.request)) return [];
      return ownBuffer(isRecord(message.request.request) ? message.request.request.ipc : null);
    case 'host-response': {
      if (message.operation !== 'query.run' || !isRecord(message.response)) return [];
      const { result } = message.response;
      return ownBuffer(isRecord(result) ? result.ipc : null);
    }
    default:
      return [];
  }
}

/** A shared buffer cannot be transferred (and need not be: it is not copied). */
function ownBuffer(bytes: unknown): ArrayBuffer[] {
  return bytes instanceof Uint8Array && bytes.buffer instanceof ArrayBuffer ? [bytes.buffer] : [];
}
