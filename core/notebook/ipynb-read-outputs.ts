/**
 * Parsed JSON → Output[] (core/outputs.ts). Text is joined the way nbformat's `rejoin_lines`
 * does; keys Quarry does not know go to the output's `extra`, present only when there are some.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { Output } from '../outputs';
import { quoteExcerpt } from '../excerpt';
import { describeJson } from './errors';
import { executionCount, extraKeys, invalid, objectField } from './ipynb-fields';
import { isJsonMime, isStringList, joinMultiline } from './lines';

const KNOWN_KEYS: Record<Output['output_type'], readonly string[]> = {
  stream: ['output_type', 'name', 'text'],
  display_data: ['output_type', 'data', 'metadata'],
  execute_result: ['output_type', 'data', 'metadata', 'execution_count'],
  error: ['output_type', 'ename', 'evalue', 'traceback'],
};

export function decodeOutputs(outputs: JsonValue[], cellWhere: string): Output[] {
  return outputs.map((raw, index) => decodeOutput(raw, `${cellWhere}, output ${index + 1}`));
}

function decodeOutput(raw: JsonValue, where: string): Output {
  if (!isJsonObject(raw)) throw invalid(where, `expected an object, found ${describeJson(raw)}`);
  const output = decodeKnownKeys(raw, where);
  const extra = extraKeys(raw, KNOWN_KEYS[output.output_type]);
  if (Object.keys(extra).length > 0) output.extra = extra;
  return output;
}

function decodeKnownKeys(raw: JsonObject, where: string): Output {
  const type = raw.output_type;
  switch (type) {
    case 'stream': {
      const name = required(raw, 'name', where);
      if (name !== 'stdout' && name !== 'stderr') {
        throw invalid(where, `stream "name" must be "stdout" or "stderr", not ${shown(name)}`);
      }
      const text = joinMultiline(required(raw, 'text', where));
      if (text === undefined) throw invalid(where, '"text" must be a string or a list of strings');
      return { output_type: 'stream', name, text };
    }
    case 'display_data':
      return {
        output_type: 'display_data',
        data: decodeMimeBundle(raw.data, where, '"data"'),
        metadata: objectField(raw.metadata, where, 'metadata'),
      };
    case 'execute_result':
      return {
        output_type: 'execute_result',
        data: decodeMimeBundle(raw.data, where, '"data"'),
        metadata: objectField(raw.metadata, where, 'metadata'),
        execution_count: executionCount(raw.execution_count, where),
      };
    case 'error': {
      const ename = required(raw, 'ename', where);
      const evalue = required(raw, 'evalue', where);
      const traceback = required(raw, 'traceback', where);
      if (typeof ename !== 'string') {
        throw invalid(where, `"ename" must be a string, not ${shown(ename)}`);
      }
      if (typeof evalue !== 'string') {
        throw invalid(where, `"evalue" must be a string, not ${shown(evalue)}`);
      }
      if (!isStringList(traceback)) throw invalid(where, '"traceback" must be a list of strings');
      return { output_type: 'error', ename, evalue, traceback };
    }
    case undefined:
      throw invalid(where, '"output_type" is missing');
    // JSON's literals, like any other string, name no output type.
    case null:
    case true:
    case false:
    default:
      throw invalid(where, `unknown output_type ${shown(type)}`);
  }
}

/**
 * A MIME bundle with text joined: like nbformat, any non-JSON MIME type whose value is a list of
 * strings is joined; JSON types (application/json, application/*+json) are left as they are.
 */
export function decodeMimeBundle(
  value: JsonValue | undefined,
  where: string,
  what: string,
): JsonObject {
  if (value === undefined) throw invalid(where, `${what} is missing`);
  if (!isJsonObject(value)) {
    throw invalid(where, `${what} must be an object of MIME types, not ${describeJson(value)}`);
  }
  return Object.fromEntries(
    Object.entries(value).map(([mime, data]) => [
      mime,
      !isJsonMime(mime) && isStringList(data) ? data.join('') : data,
    ]),
  );
}

function required(raw: JsonObject, key: string, where: string): JsonValue {
  const value = raw[key];
  if (value === undefined) throw invalid(where, `"${key}" is missing`);
  return value;
}

function shown(value: JsonValue): string {
  return typeof value === 'string' ? quoteExcerpt(value) : describeJson(value);
}
