/**
 * The kernel's Web Worker (DESIGN.md: the kernel runs off the UI thread). The renderer starts it
 * as a module worker, posts `init` and then kernel requests (core/kernel-worker-protocol.ts);
 * worker-session.ts does the work, on the browser platform (browser-platform.ts).
 */
import type { FromKernelWorker } from '../../core/kernel-worker-protocol';
import { queryTransfers } from '../../core/query/query-transfer';
import { Kernel } from '../runtime/kernel';
import { createBrowserPlatform } from './browser-platform';
import { KernelWorkerSession } from './worker-session';

/** The parts of a dedicated worker's global scope used here. */
type WorkerScope = {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
};

function workerScope(): WorkerScope {
  const scope: unknown = globalThis;
  const usable =
    typeof scope === 'object' &&
    scope !== null &&
    'postMessage' in scope &&
    typeof scope.postMessage === 'function' &&
    'addEventListener' in scope &&
    typeof scope.addEventListener === 'function';
  if (!usable) throw new Error('kernel-worker.ts runs only as a Web Worker');
  return scope as WorkerScope;
}

const scope = workerScope();

/**
 * Outputs are plain data, but a value that cannot be cloned must not make the cell's own
 * `console.log` throw: the renderer gets a note in its place. A `copy` request's rows are
 * moved to the page, not copied (core/query/query-transfer.ts).
 */
function post(message: FromKernelWorker): void {
  try {
    scope.postMessage(message, queryTransfers(message));
  } catch (error) {
    if (message.type !== 'output') throw error;
    scope.postMessage(
      {
        ...message,
        output: {
          output_type: 'stream',
          name: 'stderr',
          text: `(an output could not be sent: ${String(error)})\n`,
        },
      } satisfies FromKernelWorker,
      [],
    );
  }
}

// The app's table views page through and sort whole results by asking for the kept tables.
// danfo.js and TF.js load in the background once the kernel is ready, while its user types, and
// the toolbar learns TF.js's backend from the `info` that follows.
const session = new KernelWorkerSession(post, (config, host) =>
  Kernel.start(createBrowserPlatform(config, host), {
    keepTables: true,
    preloadLibraries: true,
    onInfo: (info) => post({ type: 'info', info }),
  }),
);
scope.addEventListener('message', (event) => session.receive(event.data));
