/**
 * Small helpers shared by the readers of cells and outputs: one-line errors that say where the
 * problem is, optional object fields, and the unknown keys that round-trip in `extra`.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { NotebookFormatError, describeJson } from './errors';

/** A prompt number: absent means never run. */
export function executionCount(value: JsonValue | undefined, where: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw invalid(where, '"execution_count" must be a non-negative integer or null');
}

export function objectField(value: JsonValue | undefined, where: string, name: string): JsonObject {
  if (value === undefined) return {};
  if (isJsonObject(value)) return value;
  throw invalid(where, `"${name}" must be an object, not ${describeJson(value)}`);
}

/** The keys of `raw` other than `known`; fromEntries keeps even "__proto__" a plain key. */
export function extraKeys(raw: JsonObject, known: readonly string[]): JsonObject {
  return Object.fromEntries(Object.entries(raw).filter(([key]) => !known.includes(key)));
}

/** `where` is "cell 4" or "cell 4, output 2"; empty means the top level of the file. */
export function invalid(where: string, problem: string): NotebookFormatError {
  return new NotebookFormatError(
    'invalid',
    where ? `${where}: ${problem}` : `top-level ${problem}`,
  );
}
