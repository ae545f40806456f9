/**
 * The notebook named on the command line. Electron's argv holds more than the user's words: the
 * executable, in development the main script, and switches added by Chromium or by tools such as
 * Playwright (`--inspect=0`, `--remote-debugging-port=0`), in an order that differs between
 * `electron main.cjs x.ipynb`, a packaged app and a second instance. So the notebook is the first
 * argument that is not a switch and names an `.ipynb` file, rather than a fixed position.
 */
import path from 'node:path';
import { isNotebookName } from './notebook-location';

/** `argv` as Electron gives it (process.argv, or a second instance's); `cwd` resolves it. */
export function notebookFromArgv(argv: readonly string[], cwd: string): string | null {
  for (const argument of argv.slice(1)) {
    if (argument.startsWith('-')) continue;
    if (isNotebookName(argument)) return path.resolve(cwd, argument);
  }
  return null;
}
