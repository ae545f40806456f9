/**
 * The kernel of a `quarry run`, in a Node worker thread (kernel-thread-client.ts starts it): the
 * Node platform's kernel, driven by the messages of core/kernel-thread-protocol.ts. In a thread
 * of its own the kernel can run out of heap (the thread's resource limit ends the thread, not
 * the command), and what nothing catches is written as the error of the cell it belongs to.
 */
import { MessagePort, parentPort, workerData } from 'node:worker_threads';
import {
  parseKernelThreadConfig,
  parseToKernelThread,
  type FromKernelThread,
  type ToKernelThread,
} from '../../core/kernel-thread-protocol';
import type { Output } from '../../core/outputs';
import { Kernel } from '../../kernels/runtime/kernel';
import { QueryServiceClient } from '../query/query-service-client';
import { createNodeKernelPlatform } from './node-kernel-platform';

const config = parseKernelThreadConfig(workerData);
if (!parentPort || !config) throw new Error('kernel-thread.ts runs as the worker of quarry run');
const port: MessagePort = parentPort;
const post = (message: FromKernelThread) => port.postMessage(message);
const queriesPort = (workerData as { queries?: unknown }).queries;
if (!(queriesPort instanceof MessagePort)) throw new Error('quarry run passes a queries port');
// Statements over files run on the engine in the command's main thread (query-service-client.ts).
const hostQueries = new QueryServiceClient(
  {
    post: (message) => queriesPort.postMessage(message),
    onMessage: (listener) => queriesPort.on('message', listener),
    hold: (waiting) => (waiting ? queriesPort.ref() : queriesPort.unref()),
  },
  { notebookDir: config.notebookDir, allowedDirectories: [config.notebookDir] },
);

let kernel: Kernel;
try {
  kernel = await Kernel.start(
    createNodeKernelPlatform({ notebookDir: config.notebookDir, hostQueries }),
  );
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
}
// TF.js's WASM backend (Emscripten) installs handlers that rethrow whatever reaches them, which
// ends the thread (and, in the main thread, the command). Here the kernel takes them instead.
process.removeAllListeners('uncaughtException');
process.removeAllListeners('unhandledRejection');
process.on('uncaughtException', reportUncaught);
process.on('unhandledRejection', reportUncaught);
post({ type: 'ready', info: kernel.info });

port.on('message', (data: unknown) => {
  const message = parseToKernelThread(data);
  if (message) void receive(message);
});

async function receive(message: ToKernelThread): Promise<void> {
  switch (message.type) {
    case 'execute': {
      const { requestId, cellId, code, executionCount } = message;
      const reply = await kernel.execute(code, {
        executionCount,
        cellId,
        onOutput: (output) => postOutput(requestId, cellId, output),
        onJob: (job) => post({ type: 'job', requestId, cellId, job }),
        onDisplayUpdate: (displayId, output) =>
          post({ type: 'display-update', requestId, cellId, displayId, output }),
      });
      // One more turn of the event loop first: a promise the cell left rejected is reported at
      // the end of the turn it ended in, and belongs in its outputs before it is called done.
      await new Promise((resolve) => setImmediate(resolve));
      post({
        type: 'done',
        requestId,
        cellId,
        status: reply.status,
        durationMs: reply.durationMs,
        errorLocation: reply.errorLocation,
        dependencies: reply.dependencies,
        seeds: reply.seeds,
        trainingRuns: reply.trainingRuns,
      });
      return;
    }
    case 'cancel-jobs':
      kernel.cancelJobs();
      return;
    case 'finish':
      // Timers the cells left behind may still write: the thread ends once they are done.
      kernel.dispose();
      port.unref();
      return;
    default:
      message satisfies never;
  }
}

function postOutput(requestId: string, cellId: string, output: Output): void {
  try {
    post({ type: 'output', requestId, cellId, output });
  } catch (error) {
    // A bundle holding something that cannot be copied across threads: say so in its place.
    const text = `(an output could not be sent: ${String(error)})\n`;
    post({
      type: 'output',
      requestId,
      cellId,
      output: { output_type: 'stream', name: 'stderr', text },
    });
  }
}

function reportUncaught(thrown: unknown): void {
  if (kernel.reportUncaught(thrown)) return;
  // Before any cell ran there is no cell to give it to: the kernel itself failed.
  console.error(thrown);
  process.exit(1);
}
