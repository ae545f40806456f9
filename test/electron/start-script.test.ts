/**
 * `npm start` (electron/start.mjs) without Electron's binary: it says so in one line and opens
 * browser mode on the sample notebook. Where the binary is present it would start the desktop
 * app instead, which electron-app.test.ts covers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { electronBinaryPath } from './electron-binary';

const repo = path.resolve(import.meta.dirname, '..', '..');
let child: ChildProcess | undefined;

afterEach(() => {
  if (child !== undefined && child.exitCode === null) child.kill('SIGTERM');
  child = undefined;
});

function lines(process: ChildProcess, count: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    if (process.stdout === null) return reject(new Error('no stdout'));
    const seen: string[] = [];
    const reader = createInterface({ input: process.stdout });
    reader.on('line', (line) => {
      seen.push(line);
      if (seen.length === count) {
        reader.close();
        resolve(seen);
      }
    });
    process.once('exit', (code) => reject(new Error(`exited with ${code}: ${seen.join('\n')}`)));
  });
}

describe('npm start', () => {
  it.skipIf(electronBinaryPath() !== null)(
    "without Electron's binary: one line, then browser mode on the sample",
    async () => {
      const stateDir = await mkdtemp(path.join(tmpdir(), 'quarry-start-state-'));
      child = spawn(process.execPath, ['electron/start.mjs'], {
        cwd: repo,
        env: { ...process.env, QUARRY_STATE_DIR: stateDir, BROWSER: 'none', DISPLAY: '' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const [notice, running] = await lines(child, 2);
      expect(notice).toBe(
        "Electron's binary is not installed here (it cannot be downloaded from the npm registry alone): opening Quarry in your browser instead",
      );
      expect(running).toMatch(/^Quarry is running at http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]+$/);
      // The app answers on that URL (and by then `quarry serve` has its signal handlers).
      const url = running?.replace('Quarry is running at ', '') ?? '';
      expect((await fetch(url)).status).toBe(200);
      const exited = new Promise<number | null>((resolve) => child?.once('exit', resolve));
      child.kill('SIGTERM');
      await expect(exited).resolves.toBe(0);
    },
  );
});
