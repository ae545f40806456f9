/**
 * `quarry serve [NOTEBOOK] [--port N] [--no-open]` (DESIGN.md, "CLI"): browser mode. Prints
 * exactly one line on stdout, `Quarry is running at http://127.0.0.1:PORT/?token=TOKEN` (tools
 * and tests read it), serves until SIGINT or SIGTERM, then closes and exits 0.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NotebookFileError, readNotebookFile } from '../../host/notebook-file';
import { PortInUseError, startBrowserServer } from '../../host/server/browser-server';
import { EXIT, UsageError } from '../usage-error';
import type { Terminal } from './run';
import { parseServeArgs, SERVE_USAGE } from './serve-args';
import { openInBrowser } from './serve-browser';

export async function serveCommand(argv: string[], terminal: Terminal): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    terminal.out(SERVE_USAGE);
    return EXIT.ok;
  }
  const args = parseServeArgs(argv);
  if (args.notebook !== null) {
    // Refuse at once what the app could not open, with the one-line reason.
    await readNotebookFile(args.notebook).catch((error: unknown) => {
      throw error instanceof NotebookFileError ? new UsageError(error.message) : error;
    });
  }
  const root = args.notebook === null ? process.cwd() : path.dirname(args.notebook);
  let server;
  try {
    server = await startBrowserServer({
      root,
      notebook: args.notebook,
      staticDir: path.join(packageRoot(), 'dist', 'renderer'),
      port: args.port,
      log: terminal.err,
    });
  } catch (error) {
    if (error instanceof PortInUseError) throw new UsageError(error.message);
    throw error;
  }
  terminal.out(`Quarry is running at ${server.url}`);
  if (args.open) openInBrowser(server.url);
  await untilStopped();
  await server.close();
  return EXIT.ok;
}

/** Resolves on the first SIGINT or SIGTERM; later ones get Node's default (exit at once). */
function untilStopped(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}

/**
 * The Quarry folder: the nearest one above this module with a package.json. The same answer
 * from the bundle (`dist/cli/quarry.js`) and from the sources (`cli/commands/serve.ts`).
 */
function packageRoot(): string {
  const start = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(start, '..', '..');
  }
}
