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
  type ParameterType,
  type ParameterValue,
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
        err: [
          ...undeclaredWarning(notebook, injected.undeclared),
          ...typeWarnings(notebook, assignments),
        ],
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

/**
 * A warning for each value whose kind differs from its default's: `-p` reads `123` as a number
 * even where the notebook declares a string (papermill's convention), which the analyst may
 * not have meant. The value is injected as given; the warning says how to pass the text.
 */
function typeWarnings(notebook: Notebook, assignments: ParameterAssignment[]): string[] {
  const index = findParametersCell(notebook);
  if (index === null) return [];
  const declared = new Map(
    declaredParameters(notebook.cells[index].source).map(({ name, type }) => [name, type]),
  );
  const last = new Map(assignments.map(({ name, value }) => [name, value]));
  return [...last].flatMap(([name, value]) => {
    const type = declared.get(name);
    if (type === undefined || fits(type, value)) return [];
    const hint = value.kind === 'string' ? '' : `; to pass the text, write -r "${name}=…"`;
    return [
      `quarry run: warning: parameter "${name}" defaults to ${article(type)} but is given ${describeValue(value)}: injected as given${hint}`,
    ];
  });
}

/** Whether a value is of the kind its default declares; `null` and `unknown` take anything. */
function fits(type: ParameterType, value: ParameterValue): boolean {
  switch (type) {
    case 'integer':
    case 'number':
      // An integer past 2^53 arrives as a BigInt, so that no digit is lost: still a number.
      if (value.kind === 'bigint') return true;
      return value.kind === 'number' && (type === 'number' || Number.isInteger(value.value));
    case 'bigint':
      return value.kind === 'bigint' || (value.kind === 'number' && Number.isInteger(value.value));
    case 'string':
    case 'boolean':
    case 'json':
      return value.kind === type;
    case 'null':
    case 'unknown':
      return true;
    default:
      return type satisfies never;
  }
}

function article(type: ParameterType): string {
  switch (type) {
    case 'integer':
      return 'an integer';
    case 'json':
      return 'an object or list';
    case 'number':
    case 'bigint':
    case 'string':
    case 'boolean':
    case 'null':
    case 'unknown':
      return `a ${type}`;
    default:
      return type satisfies never;
  }
}

function describeValue(value: ParameterValue): string {
  switch (value.kind) {
    case 'json':
      return `the object or list ${value.text}`;
    case 'null':
      return 'null';
    case 'number':
    case 'bigint':
    case 'string':
    case 'boolean':
      return `the ${value.kind} ${parameterLiteral(value)}`;
    default:
      return value satisfies never;
  }
}
