/**
 * The `console` a cell sees: log and info go to stdout, warn and error to stderr, as they happen.
 * Each execution gets its own, so a callback that logs after its cell finished still writes to
 * the cell that created it.
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

export function createCellConsole(outputs: OutputCollector, now: () => number): CellConsole {
  const out = (...args: unknown[]) => outputs.stream('stdout', `${formatLogArguments(args)}\n`);
  const err = (...args: unknown[]) => outputs.stream('stderr', `${formatLogArguments(args)}\n`);
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
