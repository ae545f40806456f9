/**
 * Runs the built `quarry` command (`bin/quarry.js`, which loads `dist/cli/`) in a child process,
 * as a user would, and collects its exit code and output. A command that outlives `timeoutMs` is
 * killed and reported with `timedOut`, so a test of something that used to hang fails instead.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';

export const repoRoot = path.resolve(import.meta.dirname, '..');
const quarry = path.join(repoRoot, 'bin', 'quarry.js');

export type QuarryRun = { code: number; stdout: string; stderr: string; timedOut: boolean };

export type QuarryRunOptions = { env?: Record<string, string>; timeoutMs?: number; cwd?: string };

export function runQuarry(args: string[], options: QuarryRunOptions = {}): Promise<QuarryRun> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [quarry, ...args],
      {
        cwd: options.cwd ?? repoRoot,
        env: { ...process.env, ...options.env },
        maxBuffer: 64 * 1024 * 1024,
        timeout: options.timeoutMs ?? 0,
        killSignal: 'SIGKILL',
      },
      (error, stdout, stderr) => {
        const failed = error as (Error & { code?: unknown; killed?: boolean }) | null;
        resolve({
          code: typeof failed?.code === 'number' ? failed.code : failed ? -1 : 0,
          stdout,
          stderr,
          timedOut: failed?.killed === true,
        });
      },
    );
  });
}
