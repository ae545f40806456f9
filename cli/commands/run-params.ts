/**
 * The parameters of a `quarry run` (-p, -r, --params-file), injected into the notebook as a cell
 * tagged `injected-parameters` (core/notebook/parameters.ts). Values are taken in the order
 * given, so a later value of a name wins (`--params-file base.json -p rate=0.1` overrides the
 * file's rate). A bad value or file is a UsageError (exit 2) with the one-line reason.
 */
import { readFile } from 'node:fs/promises';
import type { Notebook } from '../../core/notebook/model';
import {
  declaredParameters,
  findParametersCell,
  injectParameters,
  parameterLiteral,
  parseParameterArgument,
  parseParametersFile,
  ParameterError,
  type ParameterAssignment,
} from '../../core/notebook/parameters';
import { UsageError } from '../usage-error';
import type { ParameterSource } from './run-args';
import { displayPath } from './run-output';

export type InjectedParameters = {
  notebook: Notebook;
  /** Lines to print before the run: the values, and a warning for undeclared names. */
  lines: { out: string[]; err: string[] };
};

/** The notebook with the parameters injected; null when none were given (nothing to inject). */
export async function withParameters(
  notebook: Notebook,
  sources: ParameterSource[],
): Promise<InjectedParameters | null> {
  if (sources.length === 0) return null;
  try {
    const assignments = (await Promise.all(sources.map(assignmentsOf))).flat();
    const injected = injectParameters(notebook, assignments);
    return {
      notebook: injected.notebook,
      lines: {
        out: injectedLines(assignments, injected.injectedIndex),
        err: undeclaredWarning(notebook, injected.undeclared),
      },
    };
  } catch (error) {
    throw error instanceof ParameterError ? new UsageError(error.message) : error;
  }
}

async function assignmentsOf(source: ParameterSource): Promise<ParameterAssignment[]> {
  switch (source.kind) {
    case 'argument':
      return [parseParameterArgument(source.text, source.mode)];
    case 'file': {
      const shown = displayPath(source.file);
      const text = await readFile(source.file, 'utf8').catch((error: unknown) => {
        const code = (error as NodeJS.ErrnoException).code;
        const why = code === 'ENOENT' ? 'no such file' : (code ?? String(error));
        throw new UsageError(`cannot read the parameters file ${shown}: ${why}`);
      });
      return parseParametersFile(text, shown);
    }
    default:
      return source satisfies never;
  }
}

/**
 * `Parameters (injected as cell 2):` and a `  name = literal` line each, as the injected cell
 * declares them: a name given twice in its first place with its last value.
 */
function injectedLines(assignments: ParameterAssignment[], injectedIndex: number): string[] {
  const values = new Map(assignments.map(({ name, value }) => [name, value]));
  return [
    `Parameters (injected as cell ${injectedIndex + 1}):`,
    ...[...values].map(([name, value]) => `  ${name} = ${parameterLiteral(value)}`),
  ];
}

function undeclaredWarning(notebook: Notebook, undeclared: string[]): string[] {
  if (undeclared.length === 0) return [];
  const index = findParametersCell(notebook);
  const names = undeclared.map((name) => `"${name}"`).join(', ');
  const what = undeclared.length > 1 ? 'parameters' : 'parameter';
  if (index === null)
    return [
      `quarry run: warning: ${what} ${names} injected, but the notebook has no cell tagged "parameters" to declare them`,
    ];
  const declared = declaredParameters(notebook.cells[index].source).map(({ name }) => name);
  const list = declared.length > 0 ? declared.join(', ') : 'none';
  return [
    `quarry run: warning: ${what} ${names} not declared in the parameters cell (cell ${index + 1}, which declares: ${list}); injected all the same`,
  ];
}
