/**
 * `quarry run` end to end: the built CLI (`npm run build`) in a child process, as an analyst
 * would run it, with the output checked against the official nbformat 4.5 schema.
 */
import { copyFile, mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureSampleData } from '../samples/generate-data';
import { validateNotebookJson } from './nbformat-schema';
import { codeNotebookJson } from './notebook-json';
import { repoRoot as root, runQuarry } from './quarry-cli';

type Run = { code: number; stdout: string; stderr: string };

async function run(...args: string[]): Promise<Run> {
  const { code, stdout, stderr } = await runQuarry(args);
  return { code, stdout, stderr };
}

let work: string;

beforeAll(async () => {
  await ensureSampleData();
  work = await mkdtemp(path.join(tmpdir(), 'quarry-run-'));
});

describe('quarry run', () => {
  it('runs the sample notebook and writes a schema-valid executed notebook', async () => {
    const out = path.join(work, 'churn.executed.ipynb');
    const result = await run('run', 'samples/churn.ipynb', '-o', out);
    // stderr holds the training jobs' progress lines only, each job ending with its outcome.
    const progress = result.stderr.split('\n').filter((line) => line !== '');
    expect(progress.filter((line) => !/^ {2}cell +\d+ {2}Training /.test(line))).toEqual([]);
    expect(progress.filter((line) => / {2}done$/.test(line)).length).toBeGreaterThanOrEqual(3);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Running samples\/churn\.ipynb: \d+ code cells$/m);
    expect(result.stdout).toMatch(/^ {2}cell +\d+ {2}ok +[\d.]+ m?s$/m);
    expect(result.stdout).toMatch(/^all cells ran: (\d+) of \1 code cells in .*; wrote /m);
    const written: unknown = JSON.parse(await readFile(out, 'utf8'));
    expect(validateNotebookJson(written)).toEqual([]);
    const cells = (
      written as {
        cells: {
          cell_type: string;
          execution_count: number | null;
          outputs?: { output_type: string; data?: Record<string, unknown> }[];
        }[];
      }
    ).cells;
    const code = cells.filter((c) => c.cell_type === 'code');
    expect(code.map((c) => c.execution_count)).toEqual(code.map((_, i) => i + 1));
    const mimes = code.flatMap((c) => c.outputs ?? []).flatMap((o) => Object.keys(o.data ?? {}));
    expect(mimes).toContain('application/vnd.dataresource+json');
    expect(mimes).toContain('application/vnd.plotly.v1+json');
    expect(code.flatMap((c) => c.outputs ?? []).some((o) => o.output_type === 'error')).toBe(false);
  });

  it('writes NAME.out.ipynb beside the input by default and never touches the input', async () => {
    const dir = path.join(work, 'default-out');
    await mkdir(path.join(dir, 'data'), { recursive: true });
    await writeFile(path.join(dir, 'data', 'x.csv'), 'a\n1\n2\n');
    const input = path.join(dir, 'nb.ipynb');
    const text = codeNotebookJson(["%%sql\nselect sum(a) as s from 'data/x.csv'"]);
    await writeFile(input, text);
    const result = await run('run', input);
    expect(result.code).toBe(0);
    expect(await readFile(input, 'utf8')).toBe(text);
    const out = JSON.parse(await readFile(path.join(dir, 'nb.out.ipynb'), 'utf8')) as {
      cells: { outputs: { data: Record<string, string[]> }[] }[];
    };
    expect(out.cells[0].outputs[0].data['text/plain'].join('')).toMatch(/^s\n3\n/);
  });

  it('stops at the first failing cell with exit code 1, its error saved, later cells cleared', async () => {
    const input = path.join(work, 'failing.ipynb');
    await writeFile(
      input,
      codeNotebookJson([
        'const a = 1',
        'function boom(n: number) {\n  throw new Error(`boom ${n}`)\n}\nboom(a)',
        'console.log("never")',
      ]),
    );
    const out = path.join(work, 'failing.out.ipynb');
    const result = await run('run', input, '-o', out);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/cell +2 {2}error/);
    expect(result.stdout).toMatch(/^failed at cell 2: 2 of 3 code cells/m);
    expect(result.stderr).toContain('Error: boom 1');
    expect(result.stderr).toMatch(/at boom \(In\[2\]:2:9\)/);
    const saved = JSON.parse(await readFile(out, 'utf8')) as {
      cells: {
        outputs: { output_type: string; ename?: string }[];
        execution_count: number | null;
      }[];
    };
    expect(validateNotebookJson(saved)).toEqual([]);
    expect(saved.cells[1].outputs[0]).toMatchObject({ output_type: 'error', ename: 'Error' });
    expect(saved.cells[2]).toMatchObject({ outputs: [], execution_count: null });
  });

  it('exits 2 with a one-line reason for bad usage or unreadable input, changing nothing', async () => {
    const malformed = path.join(work, 'malformed.ipynb');
    await writeFile(malformed, '{"cells": [');
    const cases: [string[], RegExp][] = [
      [[], /usage: quarry <command>/],
      [['frobnicate'], /^quarry: unknown command "frobnicate"/],
      [['run'], /^quarry: quarry run needs a notebook/],
      [
        ['run', path.join(work, 'missing.ipynb')],
        /^quarry: cannot read notebook .*missing\.ipynb: no such file/,
      ],
      [['run', malformed], /^quarry: .*malformed\.ipynb.*(JSON|json)/],
      [['run', malformed, '-o', malformed], /^quarry: refusing to overwrite the input notebook/],
      [['run', malformed, '--bogus'], /^quarry: unknown option --bogus/],
    ];
    for (const [args, message] of cases) {
      const result = await run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout + result.stderr, args.join(' ')).toMatch(message);
      if (args.length > 0) expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
    expect(await readFile(malformed, 'utf8')).toBe('{"cells": [');
  });

  it('runs a notebook with metadata Quarry does not know and keeps that metadata', async () => {
    const input = path.join(work, 'unknown-keys.ipynb');
    await copyFile(path.join(root, 'test/fixtures/notebooks/unknown-keys.ipynb'), input);
    const original = JSON.parse(await readFile(input, 'utf8')) as {
      metadata: Record<string, unknown>;
    };
    const result = await run('run', input, '-o', path.join(work, 'unknown-keys.out.ipynb'));
    expect([0, 1]).toContain(result.code);
    const saved = JSON.parse(await readFile(path.join(work, 'unknown-keys.out.ipynb'), 'utf8')) as {
      metadata: Record<string, unknown>;
    };
    for (const key of Object.keys(original.metadata))
      expect(saved.metadata[key]).toEqual(original.metadata[key]);
    // (Not checked against the schema: the fixture holds keys the schema rejects, on purpose.)
  });

  it('refuses a Python notebook: exit 2, one line naming the language, nothing written', async () => {
    const dir = path.join(work, 'python');
    await mkdir(dir);
    const input = path.join(dir, 'python.ipynb');
    await copyFile(path.join(root, 'test/fixtures/notebooks/python-analysis.ipynb'), input);
    const before = await readFile(input, 'utf8');
    const result = await run('run', input);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^quarry: \S*python\.ipynb is a Python notebook \(kernelspec python3\); Quarry runs TypeScript notebooks only\n$/,
    );
    expect(await readdir(dir)).toEqual(['python.ipynb']);
    expect(await readFile(input, 'utf8')).toBe(before);
  });
});

describe('quarry --version', () => {
  it('prints the package version and exits 0; --help mentions it', async () => {
    const { version } = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-V'])
      expect(await run(flag), flag).toEqual({ code: 0, stdout: `quarry ${version}\n`, stderr: '' });
    const help = await run('--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^ +-V, --version +print the version/m);
  });
});
