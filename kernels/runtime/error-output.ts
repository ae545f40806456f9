/**
 * Turns what a cell threw into an nbformat `error` output: name, message, and a traceback whose
 * frames and excerpt are in the cell's own lines and columns.
 */
import type { CellLocation } from '../../core/protocol';
import { CellSyntaxError } from '../compile/compile-cell';
import type { StackMapper } from '../compile/stack-trace';
import { inspect } from '../display/inspect';
import { SqlError } from '../sql/sql-error';

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
  if (!(thrown instanceof Error)) {
    return {
      ename: 'Uncaught',
      evalue: inspect(thrown),
      traceback: [`Uncaught ${inspect(thrown)}`],
      location: null,
    };
  }
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
 * DuckDB reports `Kind Error: message` and `LINE n:` with a caret; the line is the query's, which
 * starts on the cell's second line (after `%%sql`).
 */
export function sqlCellError(thrown: unknown, firstQueryLine: number): CellError {
  const error =
    thrown instanceof SqlError
      ? thrown
      : new SqlError(thrown instanceof Error ? thrown.message : String(thrown));
  return {
    ename: error.name,
    evalue: error.message,
    traceback: error.report,
    location:
      error.queryLine === null ? null : { line: error.queryLine + firstQueryLine - 1, column: 1 },
  };
}

/** The error's first lines; a SQL error brings DuckDB's excerpt of the query with it. */
function headline(error: Error): string[] {
  if (error instanceof SqlError)
    return [`${error.name}: ${error.report[0].replace(/^[^:]*: /, '')}`, ...error.report.slice(1)];
  return [`${error.name}: ${error.message}`];
}

function excerpt(line: string | undefined, lineNumber: number, column: number): string[] {
  if (line === undefined) return [];
  const gutter = String(lineNumber);
  return [
    `  ${gutter} | ${line}`,
    `  ${' '.repeat(gutter.length)} | ${' '.repeat(Math.max(0, column - 1))}^`,
  ];
}
