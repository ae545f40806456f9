/**
 * `quarry serve` end to end: the built CLI (`npm run build`) in a child process, as a user
 * starts it; its one printed line is read and the server checked over real HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { codeNotebookJson } from './notebook-json';
import { sessionPath } from './support/host-fixtures';

const repo = path.resolve(import.meta.dirname, '..');
const quarry = path.join(repo, 'bin', 'quarry.js');

const notebook = codeNotebookJson(['1 + 1']);

let child: ChildProcess | undefined;

afterEach(() => {
  if (child?.exitCode === null) child.kill('SIGKILL');
  child = undefined;
});

function start(args: string[], stateDir: string): ChildProcess {
  const started = spawn(process.execPath, [quarry, ...args], {
    cwd: repo,
    env: { ...process.env, QUARRY_STATE_DIR: stateDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = started;
  return started;
}

function firstLine(process: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (process.stdout === null) return reject(new Error('no stdout'));
    const lines = createInterface({ input: process.stdout });
    lines.once('line', (line) => {
      lines.close();
      resolve(line);
    });
    process.once('exit', (code) => reject(new Error(`quarry serve exited with ${code}`)));
  });
}

function exitOf(process: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (process.exitCode !== null) resolve(process.exitCode);
    else process.once('exit', (code) => resolve(code));
  });
}

/** The status of GET `target` sent as is (a URL string would have its dot segments removed). */
function status(port: number, target: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: target, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('quarry serve', () => {
  it('prints one line with the URL, guards it with the token, stops cleanly on SIGTERM', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'quarry-serve-'));
    const stateDir = await mkdtemp(path.join(tmpdir(), 'quarry-serve-state-'));
    const file = path.join(work, 'nb.ipynb');
    await writeFile(file, notebook);
    await writeFile(path.join(work, 'data.csv'), 'a\n1\n');
    const server = start(['serve', file, '--port', '0', '--no-open'], stateDir);
    let stdout = '';
    server.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    const line = await firstLine(server);
    const match =
      /^Quarry is running at (http:\/\/127\.0\.0\.1:(\d+)\/)\?token=([A-Za-z0-9_-]{43})$/.exec(
        line,
      );
    expect(match, line).not.toBeNull();
    const [, , portText, token] = match as RegExpExecArray;
    const port = Number(portText);

    expect(await status(port, '/')).toBe(403);
    expect(await status(port, '/?token=wrong')).toBe(403);
    expect(await status(port, `/?token=${token}`)).toBe(303);
    const session = await sessionPath(port, token);
    expect(await status(port, session)).toBe(200);
    expect(await status(port, `${session}files/data.csv`)).toBe(200);
    expect(await status(port, `${session}files/%2e%2e/%2e%2e/etc/passwd`)).toBe(403);
    expect(await status(port, `${session}files/..%2f..%2f..%2fetc%2fpasswd`)).toBe(403);
    expect(await status(port, `/files/data.csv?token=${token}`)).toBe(404);

    server.kill('SIGTERM');
    expect(await exitOf(server)).toBe(0);
    expect(stdout).toBe(`${line}\n`);
  });

  it('exits 2 with a one-line reason for a bad notebook or a port in use', async () => {
    const work = await mkdtemp(path.join(tmpdir(), 'quarry-serve-bad-'));
    const stateDir = await mkdtemp(path.join(tmpdir(), 'quarry-serve-state-'));
    await writeFile(path.join(work, 'bad.ipynb'), '{"cells": [');
    await writeFile(path.join(work, 'nb.ipynb'), notebook);
    const collect = async (args: string[]) => {
      const started = start(args, stateDir);
      let stderr = '';
      started.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      return { code: await exitOf(started), stderr };
    };
    const bad = await collect(['serve', path.join(work, 'bad.ipynb'), '--no-open']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^quarry: .*bad\.ipynb.*\n$/);
    const missing = await collect(['serve', path.join(work, 'missing.ipynb'), '--no-open']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file\n$/);

    const first = start(['serve', path.join(work, 'nb.ipynb'), '--no-open'], stateDir);
    const port = /:(\d+)\//.exec(await firstLine(first))?.[1];
    const second = await collect([
      'serve',
      path.join(work, 'nb.ipynb'),
      '--port',
      String(port),
      '--no-open',
    ]);
    expect(second.code).toBe(2);
    expect(second.stderr).toBe(`quarry: port ${port} is in use; choose another with --port\n`);
    first.kill('SIGINT');
    expect(await exitOf(first)).toBe(0);
  });
});
