/**
 * The `console` a cell sees: log and info go to stdout, warn and error to stderr, as they happen.
 * Each write goes to the execution `sink` names at that moment (execution-context.ts), so a
 * helper defined in one cell logs into the cell that calls it, and a timer into the execution
 * that set it.
 */
import { formatLogArguments } from '../display/inspect';
import type { OutputCollector } from './output-collector';

export type CellConsole = Pick<
  Console,
  | 'log'
  | 'info'
  | 'debug'
  | 'warn'
  | 'error'
  | 'table'
  | 'dir'
  | 'trace'
  | 'assert'
  | 'time'
  | 'timeEnd'
>;

export function createCellConsole(sink: () => OutputCollector, now: () => number): CellConsole {
  const out = (...args: unknown[]) => sink().stream('stdout', `${formatLogArguments(args)}\n`);
  const err = (...args: unknown[]) => sink().stream('stderr', `${formatLogArguments(args)}\n`);
  const timers = new Map<string, number>();
  return {
    log: out,
    info: out,
    debug: out,
    dir: (value: unknown) => out(value),
    table: (value: unknown) => out(value),
    warn: err,
    error: err,
    trace: (...args: unknown[]) => err('Trace:', ...args),
    assert: (condition?: boolean, ...args: unknown[]) => {
      if (!condition) err('Assertion failed:', ...args);
    },
    time: (label = 'default') => void timers.set(label, now()),
    timeEnd: (label = 'default') => {
      const start = timers.get(label);
      if (start === undefined) return err(`Timer '${label}' does not exist`);
      timers.delete(label);
      out(`${label}: ${(now() - start).toFixed(3)} ms`);
    },
  };
}
