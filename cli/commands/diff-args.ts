/** Arguments of `quarry diff BASELINE.ipynb CURRENT.ipynb [--rtol R] [--atol A] [--json]`. */
import path from 'node:path';
import { DEFAULT_TOLERANCE, type DiffTolerance } from '../../core/notebook/diff';
import { UsageError } from '../usage-error';

export type DiffArgs = {
  /** Absolute paths. */
  baseline: string;
  current: string;
  tolerance: DiffTolerance;
  json: boolean;
};

export const DIFF_USAGE = `usage: quarry diff BASELINE.ipynb CURRENT.ipynb [--rtol R] [--atol A] [--json]

Compares the outputs of two notebooks cell by cell (cells matched by id, else by position):
text line by line, tables by their schema, row count and values, charts by their data, errors
by name and message. Timings and execution counts are ignored, and so are cells tagged
injected-parameters (the parameters each run recorded are listed instead). Two numbers are
the same when |current - baseline| <= atol + rtol * |baseline|. Prints one line per cell that
differs, by the cell number quarry run prints and its id. Exit code 0 when nothing differs
beyond the tolerance, 1 when something does, 2 on bad usage or an unreadable notebook.

  --rtol R     relative tolerance (default ${DEFAULT_TOLERANCE.rtol})
  --atol A     absolute tolerance (default ${DEFAULT_TOLERANCE.atol})
  --json       print the differences as JSON (docs/replay.md, "quarry diff") instead`;

/**
 * The value of `--rtol` or `--atol` (also `quarry run --compare`'s): a finite number ≥ 0.
 * @param option the option's name as the user typed it, for the message
 */
export function parseToleranceOption(option: string, text: string | undefined): number {
  const value = text !== undefined && text.trim() !== '' ? Number(text) : NaN;
  if (!Number.isFinite(value) || value < 0)
    throw new UsageError(
      `${option} needs a number of 0 or more, e.g. ${option} 1e-6, not "${text ?? ''}"`,
    );
  return value;
}

export function parseDiffArgs(argv: string[]): DiffArgs {
  const files: string[] = [];
  const tolerance = { ...DEFAULT_TOLERANCE };
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? splitOption(arg) : [arg];
    if (name === '--rtol' || name === '--atol') {
      const value = inline ?? argv[++i];
      tolerance[name === '--rtol' ? 'rtol' : 'atol'] = parseToleranceOption(name, value);
    } else if (arg === '--json') json = true;
    else if (arg.startsWith('-'))
      throw new UsageError(`unknown option ${arg} for quarry diff (see quarry diff --help)`);
    else files.push(arg);
  }
  if (files.length !== 2)
    throw new UsageError(
      `quarry diff takes two notebooks, the baseline and the current one, got ${files.length === 0 ? 'none' : files.map((f) => `"${f}"`).join(', ')}: quarry diff BASELINE.ipynb CURRENT.ipynb`,
    );
  return {
    baseline: path.resolve(files[0]),
    current: path.resolve(files[1]),
    tolerance,
    json,
  };
}

function splitOption(arg: string): [string, string] {
  const at = arg.indexOf('=');
  return [arg.slice(0, at), arg.slice(at + 1)];
}
