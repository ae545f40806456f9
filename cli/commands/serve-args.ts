/** Arguments of `quarry serve [NOTEBOOK] [--port N] [--no-open]`. */
import path from 'node:path';
import { UsageError } from '../usage-error';

export type ServeArgs = {
  /** Absolute path of the notebook to open, or null to open the current folder. */
  notebook: string | null;
  /** 0: any free port. */
  port: number;
  open: boolean;
};

export const SERVE_USAGE = `usage: quarry serve [NOTEBOOK] [--port N] [--no-open]

Serves the notebook app on http://127.0.0.1 (this machine only) and opens it in the default
browser. The workspace is the folder of NOTEBOOK (or the current folder): the app can read and
write files inside it and nowhere else. The printed URL holds a secret token; anyone with it
can use the app, so do not share it. Stop with Ctrl+C.

  --port N     listen on port N (default: any free port)
  --no-open    do not open a browser; just print the URL`;

export function parseServeArgs(argv: string[]): ServeArgs {
  let notebook: string | undefined;
  let port = 0;
  let open = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--port') {
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`${arg} needs a port number, e.g. ${arg} 8888`);
      port = parsePort(value);
    } else if (arg.startsWith('--port=')) port = parsePort(arg.slice('--port='.length));
    else if (arg === '--no-open') open = false;
    else if (arg.startsWith('-'))
      throw new UsageError(`unknown option ${arg} for quarry serve (see quarry serve --help)`);
    else if (notebook === undefined) notebook = arg;
    else throw new UsageError(`quarry serve takes one notebook, got "${notebook}" and "${arg}"`);
  }
  return { notebook: notebook === undefined ? null : path.resolve(notebook), port, open };
}

function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : NaN;
  if (!(port >= 0 && port <= 65535))
    throw new UsageError(`--port must be a number from 0 to 65535, not "${text}"`);
  return port;
}
