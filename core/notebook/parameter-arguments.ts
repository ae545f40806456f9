/**
 * Parameter values from the command line and from a parameters file.
 *
 * `-p NAME=VALUE` reads VALUE as JSON where it is JSON and as a string otherwise, as papermill's
 * `-p` does (`-p n=5` a number, `-p flag=true` a boolean, `-p x=007` the string "007", `-p x=` the
 * empty string); `-r NAME=VALUE` always gives the string. Integers past ±(2^53 − 1) keep their
 * digits (parameter-value.ts). JSON that no double can hold (`1e999`, which JSON.parse reads as
 * Infinity) is refused rather than turned into Infinity or quietly into a string: it is almost
 * surely a mistake, and `-r` passes the text when the text is what is meant.
 */
import { quoteExcerpt } from '../excerpt';
import { JsonTextError, readJsonTree } from './parameter-json';
import { parameterNameProblem } from './parameter-names';
import {
  ParameterError,
  valueOfTree,
  type ParameterAssignment,
  type ParameterValue,
} from './parameter-value';

export type ParameterMode = 'json' | 'raw';

/** `-p` / `-r` as the user typed it, for messages. */
function flagOf(mode: ParameterMode): string {
  switch (mode) {
    case 'json':
      return '-p';
    case 'raw':
      return '-r';
  }
}

/** Text as JSON when it is JSON, else as the string itself; a `limit` failure is thrown. */
export function jsonOrString(text: string): ParameterValue {
  try {
    return valueOfTree(readJsonTree(text));
  } catch (error) {
    if (error instanceof JsonTextError && error.kind === 'syntax') {
      return { kind: 'string', value: text };
    }
    throw error;
  }
}

/** One `-p NAME=VALUE` (mode `json`) or `-r NAME=VALUE` (mode `raw`). */
export function parseParameterArgument(arg: string, mode: ParameterMode): ParameterAssignment {
  const flag = flagOf(mode);
  const shown = `${flag} ${quoteExcerpt(arg)}`;
  const equals = arg.indexOf('=');
  if (equals < 0) {
    throw new ParameterError(`${shown}: expected NAME=VALUE, e.g. ${flag} rate=0.05`);
  }
  const name = arg.slice(0, equals).trim();
  const text = arg.slice(equals + 1);
  const problem = parameterNameProblem(name);
  if (problem !== null) {
    throw new ParameterError(`${shown}: ${problem}; write NAME=VALUE, e.g. ${flag} rate=0.05`);
  }
  switch (mode) {
    case 'raw':
      return { name, value: { kind: 'string', value: text } };
    case 'json':
      try {
        return { name, value: jsonOrString(text) };
      } catch (error) {
        if (!(error instanceof JsonTextError)) throw error;
        throw new ParameterError(
          `${shown}: ${error.reason}; to pass the text as a string, write -r ${quoteExcerpt(arg)}`,
        );
      }
  }
}

/**
 * A `--params-file`: one JSON object, parameter name → value, typed as `-p` types a JSON value
 * (a key given twice keeps its last value, as JSON.parse does).
 */
export function parseParametersFile(text: string, fileName: string): ParameterAssignment[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let tree;
  try {
    tree = readJsonTree(body);
  } catch (error) {
    if (!(error instanceof JsonTextError)) throw error;
    const what = error.kind === 'syntax' ? 'invalid JSON ' : '';
    throw new ParameterError(`${fileName}: ${what}${error.describeIn(body)}`);
  }
  if (tree.kind !== 'object') {
    throw new ParameterError(
      `${fileName}: expected a JSON object of parameter names and values, e.g. {"rate": 0.05}`,
    );
  }
  return tree.entries.map(([name, value]) => {
    const problem = parameterNameProblem(name);
    if (problem !== null) {
      throw new ParameterError(`${fileName}: ${problem}; a key must be a parameter's name`);
    }
    return { name, value: valueOfTree(value) };
  });
}
