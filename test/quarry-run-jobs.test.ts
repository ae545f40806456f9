/**
 * `quarry run` with jobs and display handles, end to end: the built CLI (`npm run build`) in a
 * child process. A job's progress line goes to stderr; Ctrl+C (SIGINT) cancels a running job
 * and stops the run, or stops a Stop job, whose cell keeps what it returned; a display a handle
 * updated is saved in its last version.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateNotebookJson } from './nbformat-schema';
import { codeNotebookJson } from './notebook-json';

const root = path.resolve(import.meta.dirname, '..');
const quarry = path.join(root, 'bin', 'quarry.js');

const COUNTING = [
  "await job('Counting', { total: 20, unit: 'steps' }, async (j) => {",
  '  for (let i = 1; i <= 20; i++) { await new Promise((r) => setTimeout(r, 50)); j.progress(i); }',
  '});',
].join('\n');

const TRAINING = [
  "const kept = await job('Training', { total: 1000, unit: 'epochs', action: 'stop' }, async (j) => {",
  '  let epoch = 0;',
  '  while (!j.signal.aborted) { await new Promise((r) => setTimeout(r, 20)); j.progress(++epoch); }',
  '  return `kept epoch ${epoch}`;',
  '});',
  'kept',
].join('\n');

type Run = { code: number | null; stdout: string; stderr: string };

/** Runs `quarry run`; `onStderr` may act on what it prints so far (send it a signal). */
function run(
  args: string[],
  onStderr?: (stderr: string, child: { kill(signal: NodeJS.Signals): boolean }) => void,
) {
  return new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, [quarry, ...args], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      onStderr?.(stderr, child);
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

type SavedCell = {
  execution_count: number | null;
  outputs: { output_type: string; data?: Record<string, unknown>; traceback?: string[] }[];
};

async function savedCells(file: string): Promise<SavedCell[]> {
  const written: unknown = JSON.parse(await readFile(file, 'utf8'));
  expect(validateNotebookJson(written)).toEqual([]);
  return (written as { cells: SavedCell[] }).cells;
}

let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'quarry-run-jobs-'));
});

describe('quarry run with jobs', () => {
  it('prints a job’s progress on stderr, about once a second, and its last line', async () => {
    const input = path.join(work, 'count.ipynb');
    const out = path.join(work, 'count.out.ipynb');
    await writeFile(
      input,
      codeNotebookJson([
        COUNTING,
        "const shown = display('loss 0');\nfor (let i = 1; i <= 20; i++) shown.update(`loss ${i}`);",
        "shown.update('loss final')",
      ]),
    );
    const result = await run(['run', input, '-o', out]);
    expect(result.code).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('  cell 1  Counting  0/20 steps (0%)');
    expect(lines.at(-1)).toBe('  cell 1  Counting  20/20 steps (100%)  done');
    // ~1 s of work in a log: the first line, one or two on the way, and the last one.
    expect(lines.length).toBeLessThanOrEqual(4);
    for (const line of lines)
      expect(line).toMatch(/^ {2}cell 1 {2}Counting {2}\d+\/20 steps \(\d+%\)/);
    const cells = await savedCells(out);
    // One output, in its last version, updated from a later cell; no transient id in the file.
    expect(cells[1].outputs).toEqual([
      { output_type: 'display_data', data: { 'text/plain': ['loss final'] }, metadata: {} },
    ]);
  });

  it('Ctrl+C during a job cancels it: the cell shows Cancelled, the run stops, exit 130', async () => {
    const input = path.join(work, 'cancel.ipynb');
    const out = path.join(work, 'cancel.out.ipynb');
    await writeFile(input, codeNotebookJson([COUNTING, "console.log('after')"]));
    let sent = false;
    const result = await run(['run', input, '-o', out], (stderr, child) => {
      if (sent || !stderr.includes('Counting')) return;
      sent = true;
      child.kill('SIGINT');
    });
    expect(sent).toBe(true);
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/Interrupt: cancelling running jobs/);
    expect(result.stderr).toMatch(
      /^ {2}cell 1 {2}Counting {2}\d+\/20 steps \(\d+%\) {2}cancelled$/m,
    );
    expect(result.stdout).toMatch(/^interrupted: 1 of 2 code cells/m);
    const cells = await savedCells(out);
    expect(cells[0].outputs.at(-1)).toMatchObject({
      output_type: 'error',
      traceback: ['Cancelled: Counting'],
    });
    expect(cells[1]).toMatchObject({ execution_count: null, outputs: [] });
  });

  it('Ctrl+C during a Stop job stops it: the cell keeps what it returned, the run stops', async () => {
    const input = path.join(work, 'stop.ipynb');
    const out = path.join(work, 'stop.out.ipynb');
    await writeFile(input, codeNotebookJson([TRAINING, "console.log('after')"]));
    let sent = false;
    const result = await run(['run', input, '-o', out], (stderr, child) => {
      if (sent || !stderr.includes('Training')) return;
      sent = true;
      child.kill('SIGINT');
    });
    expect(sent).toBe(true);
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(
      /^ {2}cell 1 {2}Training {2}\d+\/1,000 epochs \(\d+%\) {2}stopped$/m,
    );
    const cells = await savedCells(out);
    expect(cells[0].outputs).toEqual([
      {
        output_type: 'execute_result',
        execution_count: 1,
        data: { 'text/plain': [expect.stringMatching(/^'kept epoch \d+'$/)] },
        metadata: {},
      },
    ]);
    expect(cells[1]).toMatchObject({ execution_count: null, outputs: [] });
  });
});
