/** Arguments of `quarry run NOTEBOOK [-o OUT.ipynb]`. */
import path from 'node:path';
import { UsageError } from '../usage-error';

export type RunArgs = { notebook: string; out: string; quiet: boolean };

export const RUN_USAGE = `usage: quarry run NOTEBOOK [-o OUT.ipynb] [--quiet]

Runs every code cell of NOTEBOOK in order in a fresh kernel, stops at the first failing cell,
and writes the executed notebook to OUT (default: NAME.out.ipynb beside NOTEBOOK; the input is
never overwritten). Exit code 0 when every cell ran, 1 when a cell failed, 2 on bad usage, an
unreadable notebook, or a notebook of another language (a Python kernelspec, say): Quarry runs
TypeScript notebooks only.

  -o, --out OUT.ipynb  where to write the executed notebook
  -q, --quiet          print only the summary and errors, not each cell's line`;

export function parseRunArgs(argv: string[]): RunArgs {
  let notebook: string | undefined;
  let out: string | undefined;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-o' || arg === '--out') {
      out = argv[++i];
      if (out === undefined || out.startsWith('-'))
        throw new UsageError(`${arg} needs a file name, e.g. ${arg} result.ipynb`);
    } else if (arg.startsWith('--out=')) out = arg.slice('--out='.length);
    else if (arg === '-q' || arg === '--quiet') quiet = true;
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
  return { notebook: input, out: output, quiet };
}

function defaultOutPath(input: string): string {
  const base = input.endsWith('.ipynb') ? input.slice(0, -'.ipynb'.length) : input;
  return `${base}.out.ipynb`;
}
