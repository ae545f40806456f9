/** Arguments of `quarry run` (run-usage.ts has the text of --help, docs/replay.md the guide). */
import path from 'node:path';
import { DEFAULT_TOLERANCE, type DiffTolerance } from '../../core/notebook/diff';
import { UsageError } from '../usage-error';
import { parseToleranceOption } from './diff-args';

/** A parameter as given, in the order given: parsed by core/notebook/parameters.ts later. */
export type ParameterSource =
  { kind: 'argument'; text: string; mode: 'json' | 'raw' } | { kind: 'file'; file: string };

export type RunArgs = {
  notebook: string;
  out: string;
  quiet: boolean;
  /** The kernel's heap limit in MiB; null: the default (host/kernel/heap-limit.ts). */
  heapLimitMb: number | null;
  /** How long one cell may run, in milliseconds; null: no limit. */
  timeoutMs: number | null;
  /** The folder cells see as theirs (absolute); the notebook's folder unless --cwd. */
  cwd: string;
  logOutput: boolean;
  parameters: ParameterSource[];
  /** --compare: against BASELINE (absolute), or null for the outputs saved in the notebook. */
  compare: { baseline: string | null } | null;
  /** --rtol / --atol (core/notebook/diff.ts has the defaults). */
  tolerance: DiffTolerance;
  /** The diff as JSON on stdout (with --compare); every other line goes to stderr. */
  json: boolean;
  html: { file: string; includeCode: boolean } | null;
};

export const HEAP_LIMIT_ENV = 'QUARRY_KERNEL_HEAP_MB';

/** Options that take a value, as `--name VALUE` or `--name=VALUE`, with an example value. */
const VALUE_OPTIONS = {
  '-o': 'result.ipynb',
  '--out': 'result.ipynb',
  '--kernel-heap-mb': '4096',
  '--timeout': '600',
  '--cwd': 'data-folder',
  '-p': 'region=north',
  '--parameter': 'region=north',
  '-r': 'code=007',
  '--raw-parameter': 'code=007',
  '--params-file': 'params.json',
  '--rtol': '1e-9',
  '--atol': '0.001',
  '--html': 'report.html',
} as const;
type ValueOption = keyof typeof VALUE_OPTIONS;

function isValueOption(name: string): name is ValueOption {
  return Object.hasOwn(VALUE_OPTIONS, name);
}

export function parseRunArgs(argv: string[], env: NodeJS.ProcessEnv = process.env): RunArgs {
  let notebook: string | undefined;
  let out: string | undefined;
  let cwd: string | undefined;
  let html: string | undefined;
  let includeCode = true;
  const flags = { quiet: false, logOutput: false, json: false };
  const needsCompare = new Set<string>();
  const args: Omit<RunArgs, 'notebook' | 'out' | 'cwd' | 'html' | keyof typeof flags> = {
    heapLimitMb: env[HEAP_LIMIT_ENV] ? parseHeapMb(env[HEAP_LIMIT_ENV], HEAP_LIMIT_ENV) : null,
    timeoutMs: null,
    parameters: [],
    compare: null,
    tolerance: { ...DEFAULT_TOLERANCE },
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const name = equals > 0 ? arg.slice(0, equals) : arg;
    if (isValueOption(name)) {
      const value = equals > 0 ? arg.slice(equals + 1) : argv[++i];
      // `-p x=-1` is a value; `-o --quiet` is a missing one.
      const missing =
        value === undefined || value === '' || (equals < 0 && /^--?[a-z]/.test(value));
      if (missing)
        throw new UsageError(`${name} needs a value, e.g. ${name} ${VALUE_OPTIONS[name]}`);
      switch (name) {
        case '-o':
        case '--out':
          out = value;
          break;
        case '--kernel-heap-mb':
          args.heapLimitMb = parseHeapMb(value, name);
          break;
        case '--timeout':
          args.timeoutMs = parseTimeoutMs(value);
          break;
        case '--cwd':
          cwd = value;
          break;
        case '-p':
        case '--parameter':
          args.parameters.push({ kind: 'argument', text: value, mode: 'json' });
          break;
        case '-r':
        case '--raw-parameter':
          args.parameters.push({ kind: 'argument', text: value, mode: 'raw' });
          break;
        case '--params-file':
          args.parameters.push({ kind: 'file', file: path.resolve(value) });
          break;
        case '--rtol':
          args.tolerance.rtol = parseToleranceOption(name, value);
          needsCompare.add(name);
          break;
        case '--atol':
          args.tolerance.atol = parseToleranceOption(name, value);
          needsCompare.add(name);
          break;
        case '--html':
          html = value;
          break;
        default:
          name satisfies never;
      }
    } else if (name === '--compare') {
      // The baseline is optional: the next argument when it is a notebook and not an option.
      const next = equals > 0 ? arg.slice(equals + 1) : argv[i + 1];
      const baseline = next?.endsWith('.ipynb') && !next.startsWith('-') ? next : null;
      if (equals > 0 && baseline === null)
        throw new UsageError(`--compare= needs a notebook, e.g. --compare=baseline.ipynb`);
      if (baseline !== null && equals < 0) i++;
      args.compare = { baseline: baseline === null ? null : path.resolve(baseline) };
    } else if (arg === '-q' || arg === '--quiet') flags.quiet = true;
    else if (arg === '--log-output') flags.logOutput = true;
    else if (arg === '--json') {
      flags.json = true;
      needsCompare.add(arg);
    } else if (arg === '--no-code') includeCode = false;
    else if (arg.startsWith('-'))
      throw new UsageError(`unknown option ${arg} for quarry run (see quarry run --help)`);
    else if (notebook === undefined) notebook = arg;
    else throw new UsageError(`quarry run takes one notebook, got "${notebook}" and "${arg}"`);
  }
  if (notebook === undefined)
    throw new UsageError('quarry run needs a notebook: quarry run NOTEBOOK.ipynb');
  checkCombinations(args.compare !== null, [...needsCompare], html, includeCode);
  const input = path.resolve(notebook);
  const output = path.resolve(out ?? defaultOutPath(input));
  if (output === input)
    throw new UsageError(`refusing to overwrite the input notebook ${notebook}; choose another -o`);
  if (!output.endsWith('.ipynb'))
    throw new UsageError(`the output file must end in .ipynb, not "${path.basename(output)}"`);
  if (html !== undefined && !/\.html?$/i.test(html))
    throw new UsageError(`the report file must end in .html, not "${path.basename(html)}"`);
  return {
    ...args,
    ...flags,
    notebook: input,
    out: output,
    cwd: path.resolve(cwd ?? path.dirname(input)),
    html: html === undefined ? null : { file: path.resolve(html), includeCode },
  };
}

/** Options that only mean something beside another one. */
function checkCombinations(
  compare: boolean,
  needsCompare: string[],
  html: string | undefined,
  includeCode: boolean,
): void {
  if (!compare && needsCompare.length > 0)
    throw new UsageError(
      `${needsCompare.join(' and ')} ${needsCompare.length > 1 ? 'go' : 'goes'} with --compare (e.g. quarry run NOTEBOOK.ipynb --compare ${needsCompare.join(' ')})`,
    );
  if (!includeCode && html === undefined)
    throw new UsageError('--no-code goes with --html (e.g. --html report.html --no-code)');
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

/** Longer than a timer can wait (about 24.8 days): setTimeout would fire at once. */
const MAX_TIMEOUT_S = 2_000_000;

function parseTimeoutMs(text: string): number {
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : NaN;
  if (!(seconds > 0) || seconds > MAX_TIMEOUT_S)
    throw new UsageError(
      `--timeout needs a number of seconds above 0 and at most ${MAX_TIMEOUT_S} (e.g. --timeout 600), not "${text}"`,
    );
  return Math.round(seconds * 1000);
}

function defaultOutPath(input: string): string {
  const base = input.endsWith('.ipynb') ? input.slice(0, -'.ipynb'.length) : input;
  return `${base}.out.ipynb`;
}
