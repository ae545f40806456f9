/**
 * The app's parameter form: one text field per declared parameter, read by the type of the
 * parameter's default, so a field keeps giving the type the notebook's code was written for. The
 * messages are short: the form shows them under the field, which names the parameter.
 */
import { JsonTextError, readJsonTree } from './parameter-json';
import { jsonOrString } from './parameter-arguments';
import {
  ParameterError,
  valueOfTree,
  type ParameterType,
  type ParameterValue,
} from './parameter-value';

/** Decimal numbers as people type them: `5`, `-0.5`, `.5`, `1e-3` (no hex, no separators). */
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DIGITS = /^[+-]?\d+n?$/;

/** `expected` says what to type: "a number, e.g. 0.05". */
function readNumber(text: string, expected: string): number {
  const trimmed = text.trim();
  if (!DECIMAL.test(trimmed)) throw new ParameterError(`expected ${expected}`);
  const value = Number(trimmed);
  if (!Number.isFinite(value)) throw new ParameterError('too large for a number');
  return value;
}

function readJson(text: string): ParameterValue {
  try {
    return valueOfTree(readJsonTree(text));
  } catch (error) {
    if (!(error instanceof JsonTextError)) throw error;
    throw new ParameterError(`invalid JSON ${error.describeIn(text)}`);
  }
}

export function parseParameterInput(text: string, type: ParameterType): ParameterValue {
  switch (type) {
    case 'number':
      return { kind: 'number', value: readNumber(text, 'a number, e.g. 0.05') };
    case 'integer': {
      const expected = 'a whole number, e.g. 42';
      const value = readNumber(text, expected);
      if (!Number.isInteger(value)) throw new ParameterError(`expected ${expected}`);
      if (!Number.isSafeInteger(value)) {
        throw new ParameterError(
          `too large for an exact integer (at most ±${Number.MAX_SAFE_INTEGER})`,
        );
      }
      return { kind: 'number', value };
    }
    case 'bigint': {
      const trimmed = text.trim();
      if (!DIGITS.test(trimmed)) {
        throw new ParameterError('expected a whole number, e.g. 12345678901234567890');
      }
      return { kind: 'bigint', digits: BigInt(trimmed.replace(/n$/, '')).toString() };
    }
    case 'boolean':
      switch (text.trim()) {
        case 'true':
          return { kind: 'boolean', value: true };
        case 'false':
          return { kind: 'boolean', value: false };
        default:
          throw new ParameterError('expected true or false');
      }
    case 'string':
      return { kind: 'string', value: text };
    case 'json':
    case 'null':
      return readJson(text);
    case 'unknown':
      try {
        return jsonOrString(text);
      } catch (error) {
        if (!(error instanceof JsonTextError)) throw error;
        throw new ParameterError(error.reason);
      }
  }
}
