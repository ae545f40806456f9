/**
 * The `quarry` command. Exit codes (DESIGN.md): 0 success, 1 a check or cell failed, 2 bad usage
 * or unreadable input, with a one-line reason on stderr.
 */
import { version } from '../package.json';
import { runCommand, type Terminal } from './commands/run';
import { serveCommand } from './commands/serve';
import { EXIT, UsageError } from './usage-error';

const USAGE = `usage: quarry <command> [options]

Commands:
  run NOTEBOOK [-o OUT.ipynb]   run every cell of a notebook headlessly and save the result
  serve [NOTEBOOK] [--port N]   open the notebook app in the browser (served on 127.0.0.1)
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
      case 'run':
        return await runCommand(rest, terminal);
      case 'serve':
        return await serveCommand(rest, terminal);
      case 'sample': {
        // Loaded on demand: it brings native DuckDB and pg, which every other command would
        // otherwise load at start (about 0.5 s here).
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
