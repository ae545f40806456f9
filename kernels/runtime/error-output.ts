/**
 * Turns what a cell threw into an nbformat `error` output: name, message, and a traceback whose
 * frames and excerpt are in the cell's own lines and columns.
 */
import type { CellLocation } from '../../core/protocol';
import { CellSyntaxError } from '../compile/cell-syntax-error';
import type { StackMapper } from '../compile/stack-trace';
import { inspect } from '../display/inspect';
import { SqlError } from '../sql/sql-error';
import { JobCancelledError } from './jobs';
import { sqlErrorReport } from './sql-error-report';

export type CellError = {
  ename: string;
  evalue: string;
  traceback: string[];
  location: CellLocation | null;
};

/**
 * @param scriptUrl the compiled script of the cell that ran, once it was compiled: the error is
 *   located at that cell's innermost frame (a call into an earlier cell is still highlighted here).
 */
export function typescriptCellError(
  thrown: unknown,
  stacks: StackMapper,
  source: string,
  scriptUrl?: string,
): CellError {
  if (thrown instanceof CellSyntaxError) {
    const { line, column } = thrown.location;
    return {
      ename: 'SyntaxError',
      evalue: thrown.message,
      traceback: [
        `SyntaxError: ${thrown.message}`,
        `    at ${thrown.fileName}:${line}:${column}`,
        ...excerpt(source.split('\n')[line - 1], line, column),
      ],
      location: thrown.location,
    };
  }
  // A cancelled job is the user's own doing, not a fault: no stack to read.
  if (thrown instanceof JobCancelledError)
    return {
      ename: 'Cancelled',
      evalue: thrown.title,
      traceback: [`Cancelled: ${thrown.title}`],
      location: null,
    };
  if (!(thrown instanceof Error)) return plainError(thrown);
  const mapped = stacks.map(thrown.stack);
  const top = mapped.cellFrames[0];
  const sourceLine = top ? stacks.sourceLine(top) : undefined;
  return {
    ename: thrown.name,
    evalue: thrown.message,
    traceback: [
      ...headline(thrown),
      ...mapped.lines,
      ...(top && sourceLine !== undefined
        ? excerpt(sourceLine, top.location.line, top.location.column)
        : []),
    ],
    // Only a frame in this very cell can be highlighted in its editor.
    location: mapped.cellFrames.find((frame) => frame.scriptUrl === scriptUrl)?.location ?? null,
  };
}

/**
 * A `%%sql` cell's error: DuckDB's message once, then the line it points at, numbered as the
 * cell's lines (the query starts on `firstQueryLine`, after `%%sql`).
 */
export function sqlCellError(thrown: unknown, firstQueryLine: number): CellError {
  if (!(thrown instanceof SqlError)) return plainError(thrown);
  const { lines, location } = sqlErrorReport(thrown, firstQueryLine);
  return { ename: thrown.name, evalue: thrown.message, traceback: lines, location };
}

/** The error's first lines; a SQL error brings its excerpt of the query with it. */
function headline(error: Error): string[] {
  return error instanceof SqlError
    ? sqlErrorReport(error, 1).lines
    : [`${error.name}: ${error.message}`];
}

/** An error without a stack worth mapping: its headline alone. */
function plainError(thrown: unknown): CellError {
  if (!(thrown instanceof Error)) {
    return {
      ename: 'Uncaught',
      evalue: inspect(thrown),
      traceback: [`Uncaught ${inspect(thrown)}`],
      location: null,
    };
  }
  return {
    ename: thrown.name,
    evalue: thrown.message,
    traceback: headline(thrown),
    location: null,
  };
}

function excerpt(line: string | undefined, lineNumber: number, column: number): string[] {
  if (line === undefined) return [];
  const gutter = String(lineNumber);
  return [
    `  ${gutter} | ${line}`,
    `  ${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, column - 1))}^`,
  ];
}
