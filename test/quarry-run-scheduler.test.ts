/**
 * What a scheduler needs from `quarry run` (docs/replay.md): a per-cell `--timeout`, `--cwd`,
 * `--log-output`, and a clean stop on SIGTERM (exit 143) that still writes the cells that ran.
 * The built CLI (`node build-cli.mjs`) in a child process; the run record of each output checked.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { validateNotebookJson } from './nbformat-schema';
import { codeNotebookJson } from './notebook-json';
import { repoRoot, runQuarry } from './quarry-cli';

type SavedCell = {
  execution_count: number | null;
  outputs: {
    output_type: string;
    ename?: string;
    evalue?: string;
    text?: string[];
    data?: Record<string, string[]>;
  }[];
};
type Saved = {
  metadata: { quarry: { last_run: Record<string, unknown>; seeds: unknown[] } };
  cells: SavedCell[];
};

/** Each test starts a kernel (seconds; more on a loaded machine). */
const TIMEOUT_MS = 180_000;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'quarry-run-scheduler-'));
});

async function notebook(name: string, cells: string[]): Promise<{ input: string; out: string }> {
  const input = path.join(work, `${name}.ipynb`);
  await writeFile(input, codeNotebookJson(cells));
  return { input, out: path.join(work, `${name}.out.ipynb`) };
}

async function saved(out: string): Promise<Saved> {
  const json: unknown = JSON.parse(await readFile(out, 'utf8'));
  expect(validateNotebookJson(json)).toEqual([]);
  return json as Saved;
}

/** `quarry run` as a child process whose output is watched as it comes. */
function startRun(args: string[]) {
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'quarry.js'), 'run', ...args], {
    cwd: repoRoot,
  });
  onTestFinished(() => void child.kill('SIGKILL'));
  const run = {
    stdout: '',
    stderr: '',
    exited: new Promise<number | null>((resolve) => child.on('exit', resolve)),
  };
  const watchers: (() => void)[] = [];
  const watch = (stream: NodeJS.ReadableStream, key: 'stdout' | 'stderr') =>
    stream.on('data', (chunk: Buffer) => {
      run[key] += chunk.toString();
      for (const check of watchers) check();
    });
  watch(child.stdout, 'stdout');
  watch(child.stderr, 'stderr');
  /** Resolves once the stream's text so far matches `pattern`, with a copy of both streams. */
  const printed = (key: 'stdout' | 'stderr', pattern: RegExp) =>
    new Promise<{ stdout: string; stderr: string }>((resolve) => {
      const check = () => pattern.test(run[key]) && resolve({ ...run });
      watchers.push(check);
      check();
    });
  return { run, printed, signal: (name: NodeJS.Signals) => child.kill(name) };
}

describe('quarry run for a scheduler', { timeout: TIMEOUT_MS }, () => {
  it('--timeout stops a cell that never ends: exit 1 naming it, the cells that ran written', async () => {
    const { input, out } = await notebook('spin', [
      'console.log("before")',
      'while (true) {}',
      'console.log("never")',
    ]);
    const started = performance.now();
    const result = await runQuarry(['run', input, '-o', out, '--timeout', '1.5']);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ {2}cell +2 {2}timed-out/m);
    expect(result.stdout).toMatch(/^timed out at cell 2: 2 of 3 code cells/m);
    expect(result.stderr).toBe(
      'quarry run: cell 2 ran longer than --timeout 1.5 s and was stopped; the output notebook has the cells before it\n',
    );
    // The kernel start and cell 1 take a few seconds; the spinning cell only its limit.
    expect(performance.now() - started).toBeLessThan(60_000);
    const { cells, metadata } = await saved(out);
    expect(cells[0].outputs).toMatchObject([{ text: ['before\n'] }]);
    expect(cells[1].outputs).toMatchObject([{ output_type: 'error', ename: 'Timeout' }]);
    expect(cells[1].outputs[0].evalue).toMatch(/limit of 1\.5 s \(--timeout\)/);
    expect(cells[2]).toMatchObject({ outputs: [], execution_count: null });
    expect(metadata.quarry.last_run).toMatchObject({
      status: 'error',
      clean: false,
      runner: 'quarry run',
    });
  });

  it('--cwd is the folder relative paths resolve against and the only one cells may read', async () => {
    const data = path.join(work, 'data-root');
    await mkdir(path.join(data, 'data'), { recursive: true });
    await writeFile(path.join(data, 'data', 'x.csv'), 'a\n1\n2\n');
    await writeFile(path.join(work, 'beside.csv'), 'a\n5\n');
    const { input, out } = await notebook('cwd', [
      "%%sql\nselect sum(a) as s from 'data/x.csv'",
      "%%sql\nselect * from '../beside.csv'",
    ]);
    const result = await runQuarry(['run', input, '-o', out, '--cwd', data]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^ {2}cell +1 {2}ok/m);
    expect(result.stderr).toMatch(/outside the notebook's folder \(\S*data-root\)/);
    const { cells } = await saved(out);
    expect(cells[0].outputs[0].data?.['text/plain'].join('')).toMatch(/^s\n3\n/);

    const missing = await runQuarry(['run', input, '-o', out, '--cwd', path.join(work, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^quarry: --cwd \S*nope: no such folder\n$/);
  });

  it('--log-output copies each output to stderr as it comes; a clean run is recorded with its seeds', async () => {
    const { input, out } = await notebook('log', [
      'console.log("first\\nline two")\nawait new Promise((resolve) => setTimeout(resolve, 1500))\nconsole.log("later")',
      '40 + 2',
      '%%sql\nselect setseed(0.5)',
    ]);
    const { run, printed } = startRun([input, '-o', out, '--log-output']);
    const early = await printed('stderr', /\[cell 1\] line two\n/);
    // Printed while the cell still ran, before its line on stdout.
    expect(early.stdout).not.toMatch(/cell +1 {2}ok/);
    expect(await run.exited).toBe(0);
    expect(run.stderr).toMatch(
      /^\[cell 1\] first\n\[cell 1\] line two\n\[cell 1\] later\n\[cell 2\] 42\n(\[cell 3\] .*\n)+$/,
    );
    const { metadata } = await saved(out);
    expect(metadata.quarry.last_run).toMatchObject({
      status: 'done',
      clean: true,
      runner: 'quarry run',
    });
    expect(metadata.quarry.last_run.duration_ms).toBeGreaterThan(1500);
    expect(metadata.quarry.seeds).toEqual([{ use: 'sql', name: 'c2', seed: 0.5, cell: 3 }]);
  });

  it('SIGTERM stops a busy cell at once, writes the cells that ran, exit 143', async () => {
    const { input, out } = await notebook('term', [
      'console.log("first")',
      'while (true) {}',
      'console.log("never")',
    ]);
    const { run, printed, signal } = startRun([input, '-o', out]);
    await printed('stdout', /cell +1 {2}ok/);
    await new Promise((resolve) => setTimeout(resolve, 300)); // cell 2 is spinning now
    const sent = performance.now();
    signal('SIGTERM');
    expect(await run.exited).toBe(143);
    expect(performance.now() - sent).toBeLessThan(10_000);
    expect(run.stderr).toMatch(
      /^Terminated \(SIGTERM\): stopping now; writing the cells that ran$/m,
    );
    expect(run.stdout).toMatch(/^ {2}cell +2 {2}interrupted/m);
    const { cells, metadata } = await saved(out);
    expect(cells[0].outputs).toMatchObject([{ text: ['first\n'] }]);
    expect(cells[1].outputs).toMatchObject([{ ename: 'Interrupted' }]);
    expect(cells[1].outputs[0].evalue).toMatch(/stopped at once \(SIGTERM\)/);
    expect(cells[2]).toMatchObject({ outputs: [], execution_count: null });
    expect(metadata.quarry.last_run).toMatchObject({ status: 'interrupted', clean: false });
  });
});
