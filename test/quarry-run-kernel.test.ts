/**
 * `quarry run` when a cell goes wrong in ways a try/catch does not see: an exception from a timer,
 * a promise nobody awaited, a cell that exhausts the heap, a cell that never ends and Ctrl+C.
 * The built CLI in a child process; each error belongs to the cell that made it (exit 1, an
 * `error` output in that cell with its own line numbers) and the partial notebook is written.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { validateNotebookJson } from './nbformat-schema';
import { codeNotebookJson } from './notebook-json';
import { repoRoot, runQuarry } from './quarry-cli';

type SavedCell = {
  execution_count: number | null;
  outputs: { output_type: string; ename?: string; evalue?: string; traceback?: string[] }[];
};
type Saved = { metadata: { quarry: { last_run: { status: string } } }; cells: SavedCell[] };

/** Each test starts a kernel (seconds; more on a loaded machine). */
const TIMEOUT_MS = 180_000;

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'quarry-run-kernel-'));
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

const errorsOf = (cell: SavedCell) => cell.outputs.filter((o) => o.output_type === 'error');

describe('quarry run: errors nothing caught', { timeout: TIMEOUT_MS }, () => {
  it('an exception thrown from a timer after its cell ended fails that cell, exit 1', async () => {
    const { input, out } = await notebook('late-timer', [
      '1 + 1',
      "let n = 1\nsetTimeout(() => { throw new Error('late') }, 10)",
      'await new Promise((resolve) => setTimeout(resolve, 300))',
      'console.log("never")',
    ]);
    const result = await runQuarry(['run', input, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/tfjs|tf-backend-wasm|Node\.js v/);
    expect(result.stderr).toMatch(/Error: late\n.*\(In\[2\]:2:26\)/);
    expect(result.stdout).toMatch(/^ {2}cell +2 {2}error {2}after it ended$/m);
    expect(result.stdout).toMatch(/^failed at cell 2: 3 of 4 code cells/m);
    const { cells, metadata } = await saved(out);
    expect(errorsOf(cells[1])).toMatchObject([{ ename: 'Error', evalue: 'late' }]);
    expect(errorsOf(cells[1])[0].traceback?.join('\n')).toMatch(/In\[2\]:2:26/);
    expect(cells[3]).toMatchObject({ outputs: [], execution_count: null });
    expect(metadata.quarry.last_run.status).toBe('error');
  });

  it('a timer that throws after TF.js loaded on first use still fails only its cell', async () => {
    // TF.js loads when a cell first names it, after the kernel thread took the uncaught handlers
    // (kernel-thread.ts): the Emscripten handlers it installs while loading must not stay.
    const { input, out } = await notebook('late-timer-tf', [
      'tf.getBackend()',
      "setTimeout(() => { throw new Error('late') }, 10)",
      'await new Promise((resolve) => setTimeout(resolve, 300))',
    ]);
    const result = await runQuarry(['run', input, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).not.toMatch(/tfjs|tf-backend-wasm|Node\.js v/);
    expect(result.stdout).toMatch(/^ {2}cell +2 {2}error {2}after it ended$/m);
    const { cells } = await saved(out);
    expect(errorsOf(cells[1])).toMatchObject([{ ename: 'Error', evalue: 'late' }]);
  });

  it('a rejected promise nobody awaited is an error of its cell, exit 1', async () => {
    const { input, out } = await notebook('rejected', [
      'const x = 1',
      "Promise.reject(new Error('x'))\nconst y = 2",
      'console.log("never")',
    ]);
    const result = await runQuarry(['run', input, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Error: x\n.*In\[2\]:1:16/);
    expect(result.stdout).toMatch(/^failed at cell 2: 2 of 3 code cells/m);
    const { cells } = await saved(out);
    expect(errorsOf(cells[1])).toMatchObject([{ ename: 'Error', evalue: 'x' }]);
    expect(cells[2]).toMatchObject({ outputs: [], execution_count: null });
  });

  it('a cell that exhausts the heap: one line, exit 1, the cells before it written', async () => {
    const { input, out } = await notebook('oom', [
      'console.log("before")',
      'const a = []\nwhile (true) a.push(new Array(1e6).fill(1))',
      'console.log("never")',
    ]);
    const result = await runQuarry(['run', input, '-o', out], {
      env: { QUARRY_KERNEL_HEAP_MB: '256' },
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      "quarry run: cell 2 ran out of memory (the kernel's heap limit is 256 MB; raise it with --kernel-heap-mb); the output notebook has the cells before it\n",
    );
    expect(result.stdout).toMatch(/^out of memory at cell 2: 2 of 3 code cells/m);
    const { cells, metadata } = await saved(out);
    expect(cells[0].outputs).toMatchObject([{ output_type: 'stream', text: ['before\n'] }]);
    expect(errorsOf(cells[1])).toMatchObject([{ ename: 'OutOfMemory' }]);
    expect(errorsOf(cells[1])[0].evalue).toMatch(/ran out of memory.*256 MB/);
    expect(cells[2]).toMatchObject({ outputs: [], execution_count: null });
    expect(metadata.quarry.last_run.status).toBe('out-of-memory');
  });

  it('a query over a file runs on the command’s engine, and a heap exhausted after it still ends cleanly', async () => {
    await writeFile(path.join(work, 'rows.csv'), 'a,b\n1,x\n2,y\n3,z\n');
    const { input, out } = await notebook('sql-then-oom', [
      "%%sql\nselect count(*) as n, sum(a) as total from 'rows.csv'",
      'const a = []\nwhile (true) a.push(new Array(1e6).fill(1))',
    ]);
    const result = await runQuarry(['run', input, '-o', out], {
      env: { QUARRY_KERNEL_HEAP_MB: '256' },
    });
    // Native DuckDB lives in the main thread: the thread's end cannot take the command along.
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cell 2 ran out of memory/);
    const { cells } = await saved(out);
    expect(JSON.stringify(cells[0].outputs)).toContain('"total":6');
  });

  it('a cell that ends the kernel (process.exit) fails with a reason; the command goes on', async () => {
    const { input, out } = await notebook('exits', [
      'console.log("before")',
      'process.exit(3)',
      '1',
    ]);
    const result = await runQuarry(['run', input, '-o', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /KernelExited: the kernel exited while this cell ran \(exit code 3\)/,
    );
    expect(result.stdout).toMatch(/^failed at cell 2: 2 of 3 code cells/m);
    const { cells } = await saved(out);
    expect(cells[0].outputs).toMatchObject([{ text: ['before\n'] }]);
    expect(errorsOf(cells[1])).toMatchObject([{ ename: 'KernelExited' }]);
    expect(cells[2]).toMatchObject({ outputs: [], execution_count: null });
  });
});

describe('quarry run: after the last cell', { timeout: TIMEOUT_MS }, () => {
  it('a setInterval left running: the kernel is stopped 2 s after the last cell, exit 0', async () => {
    const { input, out } = await notebook('interval', [
      "setInterval(() => console.log('tick'), 200)\nundefined",
    ]);
    const result = await runQuarry(['run', input, '-o', out], { timeoutMs: 120_000 });
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^quarry run: stopped the kernel 2 s after the last cell with timers still pending/,
    );
    const { cells } = await saved(out);
    expect(cells[0].outputs).toMatchObject([{ output_type: 'stream', name: 'stdout' }]);
  });
});

/** `quarry run` as a child process whose output is watched, to press Ctrl+C (SIGINT) at it. */
function startRun(input: string, out: string) {
  const child = spawn(
    process.execPath,
    [path.join(repoRoot, 'bin', 'quarry.js'), 'run', input, '-o', out],
    {
      cwd: repoRoot,
    },
  );
  onTestFinished(() => void child.kill('SIGKILL'));
  const run = {
    stdout: '',
    stderr: '',
    exited: new Promise<number | null>((resolve) => child.on('exit', resolve)),
  };
  child.stderr.on('data', (chunk: Buffer) => (run.stderr += chunk.toString()));
  child.stdout.on('data', (chunk: Buffer) => (run.stdout += chunk.toString()));
  /** Resolves once stdout matches `pattern`. */
  const printed = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      const check = () => pattern.test(run.stdout) && resolve();
      child.stdout.on('data', check);
      check();
    });
  const interrupt = () => child.kill('SIGINT');
  return { run, printed, interrupt };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('quarry run: Ctrl+C', { timeout: TIMEOUT_MS }, () => {
  it('pressed once stops after the running cell, exit 130, the cells that ran written', async () => {
    const { input, out } = await notebook('sleepy', [
      'console.log("first")',
      'await new Promise((resolve) => setTimeout(resolve, 3000))\nconsole.log("second")',
      'console.log("never")',
    ]);
    const { run, printed, interrupt } = startRun(input, out);
    await printed(/cell +1 {2}ok/);
    interrupt();
    expect(await run.exited).toBe(130);
    expect(run.stdout).toMatch(/^ {2}cell +2 {2}ok/m);
    expect(run.stdout).toMatch(/^interrupted: 2 of 3 code cells/m);
    const { cells, metadata } = await saved(out);
    expect(cells[1].outputs).toMatchObject([{ text: ['second\n'] }]);
    expect(cells[2]).toMatchObject({ outputs: [], execution_count: null });
    expect(metadata.quarry.last_run.status).toBe('interrupted');
  });

  it('pressed twice stops a cell that never ends and still writes the cells that ran', async () => {
    const { input, out } = await notebook('busy', [
      'console.log("first")',
      'while (true) {}',
      'console.log("never")',
    ]);
    const { run, printed, interrupt } = startRun(input, out);
    await printed(/cell +1 {2}ok/);
    await pause(300); // cell 2 is spinning now
    interrupt();
    await pause(300);
    interrupt();
    expect(await run.exited).toBe(130);
    expect(run.stderr).toMatch(/stopping after the running cell/);
    expect(run.stderr).toMatch(/stopping now/);
    expect(run.stdout).toMatch(/^ {2}cell +2 {2}interrupted/m);
    const { cells, metadata } = await saved(out);
    expect(cells[0].outputs).toMatchObject([{ text: ['first\n'] }]);
    expect(errorsOf(cells[1])).toMatchObject([{ ename: 'Interrupted' }]);
    expect(cells[2]).toMatchObject({ outputs: [], execution_count: null });
    expect(metadata.quarry.last_run.status).toBe('interrupted');
  });
});
