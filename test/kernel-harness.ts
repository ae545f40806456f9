/**
 * A real kernel for unit tests (kernels/**\/*.test.ts): the Node platform on a temporary notebook
 * folder, plus helpers to read what a cell produced. Starting one takes a few seconds (DuckDB-WASM,
 * danfo.js, TF.js), so a test file starts one in `beforeAll` and shares it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type {
  ErrorOutput,
  ExecuteResultOutput,
  MimeBundle,
  Output,
  StreamOutput,
} from '../core/outputs';
import { createNodeKernelPlatform } from '../host/kernel/node-kernel-platform';
import type { KernelPlatform } from '../kernels/platform';
import { Kernel, type ExecuteReply, type KernelOptions } from '../kernels/runtime/kernel';

export type TestKernel = {
  kernel: Kernel;
  notebookDir: string;
  /** Runs a cell with the next execution count (as cell `cellId` when given). */
  run(code: string, onOutput?: (output: Output) => void, cellId?: string): Promise<ExecuteReply>;
  /** Runs a cell that must succeed and returns its result's `text/plain` (undefined: none). */
  text(code: string): Promise<string | undefined>;
  /** The value of a JavaScript expression in the kernel, through JSON. */
  json(expression: string): Promise<unknown>;
  /** The execution count the last `run` used. */
  readonly executionCount: number;
  dispose(): void;
};

export type TestKernelOptions = KernelOptions & {
  notebookDir?: string;
  /** Wraps the Node platform, e.g. to count the kernel's calls to it. */
  platform?: (node: KernelPlatform) => KernelPlatform;
};

export async function startTestKernel(options: TestKernelOptions = {}): Promise<TestKernel> {
  const ownDir = options.notebookDir === undefined;
  const notebookDir = options.notebookDir ?? mkdtempSync(path.join(tmpdir(), 'quarry-kernel-'));
  const node = createNodeKernelPlatform({ notebookDir });
  const kernel = await Kernel.start(options.platform?.(node) ?? node, options);
  let executionCount = 0;
  const run = (code: string, onOutput?: (output: Output) => void, cellId?: string) =>
    kernel.execute(code, { executionCount: ++executionCount, onOutput, cellId });
  const succeed = async (code: string) => {
    const reply = await run(code);
    if (reply.status !== 'done') {
      const error = reply.outputs.find((o): o is ErrorOutput => o.output_type === 'error');
      throw new Error(`cell failed:\n${code}\n${error?.traceback.join('\n') ?? ''}`);
    }
    return reply;
  };
  return {
    kernel,
    notebookDir,
    run,
    async text(code) {
      const data = executeResult(await succeed(code))?.data;
      return data === undefined ? undefined : plainText(data);
    },
    async json(expression) {
      const reply = await succeed(`display(JSON.stringify(await (${expression})))`);
      const shown = reply.outputs.find((o) => o.output_type === 'display_data');
      if (!shown || shown.output_type !== 'display_data') throw new Error('nothing displayed');
      return JSON.parse(plainText(shown.data));
    },
    get executionCount() {
      return executionCount;
    },
    dispose() {
      kernel.dispose();
      if (ownDir) rmSync(notebookDir, { recursive: true, force: true });
    },
  };
}

export function executeResult(reply: ExecuteReply): ExecuteResultOutput | undefined {
  return reply.outputs.find((o): o is ExecuteResultOutput => o.output_type === 'execute_result');
}

export function errorOutput(reply: ExecuteReply): ErrorOutput {
  const error = reply.outputs.find((o): o is ErrorOutput => o.output_type === 'error');
  if (!error) throw new Error(`no error output in ${JSON.stringify(reply.outputs)}`);
  return error;
}

export function streams(reply: ExecuteReply): StreamOutput[] {
  return reply.outputs.filter((o): o is StreamOutput => o.output_type === 'stream');
}

export function plainText(data: MimeBundle): string {
  const text = data['text/plain'];
  if (typeof text !== 'string') throw new Error(`no text/plain in ${JSON.stringify(data)}`);
  return text;
}
