/** Arguments of `quarry run NOTEBOOK [-o OUT.ipynb] [--quiet] [--kernel-heap-mb MB]`. */
import path from 'node:path';
import { UsageError } from '../usage-error';

export type RunArgs = {
  notebook: string;
  out: string;
  quiet: boolean;
  /** The kernel's heap limit in MiB; null: the default (host/kernel/heap-limit.ts). */
  heapLimitMb: number | null;
};

export const HEAP_LIMIT_ENV = 'QUARRY_KERNEL_HEAP_MB';

export function runUsage(defaultHeapMb: number): string {
  return `usage: quarry run NOTEBOOK [-o OUT.ipynb] [--quiet] [--kernel-heap-mb MB]

Runs every code cell of NOTEBOOK in order in a fresh kernel, stops at the first failing cell,
and writes the executed notebook to OUT (default: NAME.out.ipynb beside NOTEBOOK; the input is
never overwritten). Exit code 0 when every cell ran, 1 when a cell failed (also by an error
after it ended, from a timer or a promise nobody awaited) or ran out of memory, 2 on bad usage,
an unreadable notebook, an output that cannot be written, or a notebook of another language (a
Python kernelspec, say): Quarry runs TypeScript notebooks only. Ctrl+C cancels running jobs
and stops after the running cell; pressed again, at once. The cells that ran are written
either way.

  -o, --out OUT.ipynb     where to write the executed notebook
  -q, --quiet             print only the summary and errors, not each cell's line
  --kernel-heap-mb MB     the kernel's JavaScript heap limit; a cell that needs more ends the
                          run with "ran out of memory" (default here: ${defaultHeapMb} MB, half of
                          the memory; also set by ${HEAP_LIMIT_ENV}). Data in DuckDB and
                          TF.js tensors is held outside this heap.`;
}

export function parseRunArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): RunArgs {
  let notebook: string | undefined;
  let out: string | undefined;
  let quiet = false;
  let heapLimitMb = env[HEAP_LIMIT_ENV] ? parseHeapMb(env[HEAP_LIMIT_ENV], HEAP_LIMIT_ENV) : null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-o' || arg === '--out') {
      out = argv[++i];
      if (out === undefined || out.startsWith('-'))
        throw new UsageError(`${arg} needs a file name, e.g. ${arg} result.ipynb`);
    } else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg === '-q' || arg === '--quiet') quiet = true;
    else if (arg === '--kernel-heap-mb') heapLimitMb = parseHeapMb(argv[++i], arg);
    else if (arg.startsWith('--kernel-heap-mb='))
      heapLimitMb = parseHeapMb(arg.slice('--kernel-heap-mb='.length), '--kernel-heap-mb');
    else if (arg.startsWith('-'))
      throw new UsageError(`unknown option ${arg} for quarry run (see quarry run --help)`);
    else if (notebook === undefined) notebook = arg;
    else throw new UsageError(`quarry run takes one notebook, got "${notebook}" and "${arg}"`);
  }
  if (notebook === undefined)
    throw new UsageError('quarry run needs a notebook: quarry run NOTEBOOK.ipynb');
  const input = path.resolve(notebook);
  const output = path.resolve(out ?? defaultOutPath(input));
  if (output === input)
    throw new UsageError(`refusing to overwrite the input notebook ${notebook}; choose another -o`);
  if (!output.endsWith('.ipynb'))
    throw new UsageError(`the output file must end in .ipynb, not "${path.basename(output)}"`);
  return { notebook: input, out: output, quiet, heapLimitMb };
}

/** Below this the kernel's own libraries (DuckDB-WASM, TF.js, danfo.js) do not load. */
const MIN_HEAP_MB = 128;

function parseHeapMb(text: string | undefined, source: string): number {
  const mb = text !== undefined && /^\d+$/.test(text) ? Number(text) : NaN;
  if (!Number.isSafeInteger(mb) || mb < MIN_HEAP_MB)
    throw new UsageError(
      `${source} needs a whole number of megabytes, at least ${MIN_HEAP_MB} (e.g. ${source === HEAP_LIMIT_ENV ? `${HEAP_LIMIT_ENV}=4096` : `${source} 4096`}), not "${text ?? ''}"`,
    );
  return mb;
}

function defaultOutPath(input: string): string {
  const base = input.endsWith('.ipynb') ? input.slice(0, -'.ipynb'.length) : input;
  return `${base}.out.ipynb`;
}
