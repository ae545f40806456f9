/**
 * The kernel frame's script (renderer/kernel-frame.html, on a site of its own so that its
 * process is not the page's: core/kernel-frame-protocol.ts). It starts the kernel worker and
 * relays: the page's messages to the worker, the worker's to the page, and a heartbeat that
 * keeps beating while the worker is busy in a cell, and stops when the process dies. Host query
 * rows are transferred through, not copied (core/query/query-transfer.ts).
 */
import {
  HEARTBEAT_INTERVAL_MS,
  parseToKernelFrame,
  type FromKernelFrame,
} from '../../core/kernel-frame-protocol';
import { queryTransfers } from '../../core/query/query-transfer';
import { kernelPageOrigin } from './kernel-frame-url';

const pageOrigin = kernelPageOrigin(location.href);
// Framed by anything but the app's page (or not framed at all), the frame does nothing.
if (pageOrigin !== null && window.parent !== window) startRelay(pageOrigin, window.parent);

function startRelay(origin: string, page: Window): void {
  const toPage = (message: FromKernelFrame) =>
    page.postMessage(message, { targetOrigin: origin, transfer: queryTransfers(message) });
  // The literal `new Worker(new URL(…, import.meta.url))` is what Vite recognises and bundles.
  const worker = new Worker(new URL('../../kernels/worker/kernel-worker.ts', import.meta.url), {
    type: 'module',
    name: 'quarry-kernel',
  });
  worker.addEventListener('message', (event) =>
    toPage({ type: 'from-worker', message: event.data }),
  );
  worker.addEventListener('error', (event) =>
    toPage({ type: 'worker-error', message: event.message || 'the kernel worker failed' }),
  );
  window.addEventListener('message', (event) => {
    if (event.source !== page || event.origin !== origin) return;
    const message = parseToKernelFrame(event.data);
    if (message) worker.postMessage(message.message, queryTransfers(message.message));
  });
  toPage({ type: 'heartbeat' });
  setInterval(() => toPage({ type: 'heartbeat' }), HEARTBEAT_INTERVAL_MS);
}
