/**
 * The `quarry` command. Exit codes (DESIGN.md): 0 success, 1 a check or cell failed, 2 bad usage
 * or unreadable input, with a one-line reason on stderr.
 */
import { version } from '../package.json';
import { diffCommand } from './commands/diff';
import type { Terminal } from './commands/run';
import { EXIT, UsageError } from './usage-error';

const USAGE = `usage: quarry <command> [options]

Commands:
  run NOTEBOOK [-o OUT.ipynb]   run every cell of a notebook headlessly and save the result
  serve [NOTEBOOK] [--port N]   open the notebook app in the browser (served on 127.0.0.1)
  diff A.ipynb B.ipynb [--rtol R] [--atol A] [--json]
                                compare two notebooks' outputs; exit 1 when they differ
  sample --from SOURCE (--rows N | --fraction F) --out FILE.parquet
                                pull a reproducible sample of files or a PostgreSQL table

Options:
  -h, --help                    show this help
  -V, --version                 print the version

Run "quarry <command> --help" for a command's options.`;

export async function main(argv: string[], terminal: Terminal): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        terminal.out(USAGE);
        return command === undefined ? EXIT.usage : EXIT.ok;
      case '--version':
      case '-V':
        terminal.out(`quarry ${version}`);
        return EXIT.ok;
      // Each command is loaded when it runs, so that one does not pay for another's
      // dependencies at start: `quarry run` brings native DuckDB (about 0.5 s of CPU here)
      // and `quarry diff`, which must answer in well under a second, needs none of it.
      case 'run': {
        const { runCommand } = await import('./commands/run');
        return await runCommand(rest, terminal);
      }
      case 'serve': {
        const { serveCommand } = await import('./commands/serve');
        return await serveCommand(rest, terminal);
      }
      case 'diff':
        return await diffCommand(rest, terminal);
      case 'sample': {
        const { sampleCommand } = await import('./commands/sample');
        return await sampleCommand(rest, terminal);
      }
      default:
        throw new UsageError(`unknown command "${command}" (see quarry --help)`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      terminal.err(`quarry: ${error.message}`);
      return EXIT.usage;
    }
    terminal.err(
      `quarry: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return EXIT.failed;
  }
}

const terminal: Terminal = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

process.exitCode = await main(process.argv.slice(2), terminal);
