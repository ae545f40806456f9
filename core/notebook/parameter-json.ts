/**
 * JSON text read into a `LiteralTree`, keeping the digits of big integers (JSON.parse would
 * round 12345678901234567890 to 12345678901234567000). The text is checked by JSON.parse first,
 * so what counts as JSON is the engine's rule, and a failure is located by json-read.ts's
 * scanner (the same wording the notebook codec uses); the walk that builds the tree then only
 * ever sees valid JSON.
 */
import { MAX_JSON_DEPTH, lineAndColumn, locateJsonError } from './json-read';
import {
  ParameterError,
  integerTree,
  objectTree,
  type LiteralTree,
  type ParameterValue,
} from './parameter-value';

/**
 * Why a JSON text was refused and where (a UTF-16 offset into it): `syntax` when it is not
 * JSON, `limit` when it is JSON this module cannot hold exactly (a number past ±1.8e308, which
 * JSON.parse turns into Infinity; nesting past MAX_JSON_DEPTH).
 */
export class JsonTextError extends Error {
  override readonly name = 'JsonTextError';

  constructor(
    readonly kind: 'syntax' | 'limit',
    readonly offset: number,
    readonly reason: string,
  ) {
    super(reason);
  }

  /** "at line 2, column 5: reason", or "at column 5: reason" for a one-line text. */
  describeIn(text: string): string {
    const { line, column } = lineAndColumn(text, this.offset);
    const where = /[\r\n]/.test(text) ? `line ${line}, column ${column}` : `column ${column}`;
    return `at ${where}: ${this.reason}`;
  }
}

const SPACE = /[ \t\n\r]*/y;
const STRING = /"(?:[^"\\]|\\.)*"/y;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** Reads one JSON value (surrounding whitespace allowed); throws JsonTextError. */
export function readJsonTree(text: string): LiteralTree {
  try {
    JSON.parse(text);
  } catch {
    const failure = locateJsonError(text);
    throw new JsonTextError('syntax', failure?.offset ?? 0, failure?.reason ?? 'invalid JSON');
  }
  let pos = 0;
  const match = (pattern: RegExp): string => {
    pattern.lastIndex = pos;
    const found = pattern.exec(text)?.[0] ?? '';
    pos += found.length;
    return found;
  };
  const skip = (char: string): void => {
    match(SPACE);
    if (text[pos] === char) pos++;
  };

  const value = (depth: number): LiteralTree => {
    match(SPACE);
    const start = pos;
    const char = text[pos];
    if (char === '[' || char === '{') {
      if (depth >= MAX_JSON_DEPTH) {
        throw new JsonTextError('limit', start, `nested deeper than ${MAX_JSON_DEPTH} levels`);
      }
      return char === '[' ? array(depth + 1) : object(depth + 1);
    }
    if (char === '"') return { kind: 'string', value: JSON.parse(match(STRING)) as string };
    for (const [word, tree] of KEYWORDS) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return tree;
      }
    }
    return number(start);
  };

  const number = (start: number): LiteralTree => {
    NUMBER.lastIndex = pos;
    const found = NUMBER.exec(text);
    const numberText = found?.[0] ?? '';
    pos += numberText.length;
    if (found && found[1] === undefined && found[2] === undefined) return integerTree(numberText);
    const parsed = Number(numberText);
    if (!Number.isFinite(parsed)) {
      throw new JsonTextError(
        'limit',
        start,
        `${numberText} is too large for a number (at most ±1.8e308)`,
      );
    }
    return { kind: 'number', value: parsed };
  };

  const array = (depth: number): LiteralTree => {
    pos++; // "["
    const items: LiteralTree[] = [];
    match(SPACE);
    if (text[pos] === ']') {
      pos++;
      return { kind: 'array', items };
    }
    do {
      items.push(value(depth));
      match(SPACE);
    } while (text[pos++] === ',');
    return { kind: 'array', items };
  };

  const object = (depth: number): LiteralTree => {
    pos++; // "{"
    const pairs: [string, LiteralTree][] = [];
    match(SPACE);
    if (text[pos] === '}') {
      pos++;
      return objectTree(pairs);
    }
    do {
      match(SPACE);
      const key = JSON.parse(match(STRING)) as string;
      skip(':');
      pairs.push([key, value(depth)]);
      match(SPACE);
    } while (text[pos++] === ',');
    return objectTree(pairs);
  };

  return value(0);
}

const KEYWORDS: [string, LiteralTree][] = [
  ['true', { kind: 'boolean', value: true }],
  ['false', { kind: 'boolean', value: false }],
  ['null', { kind: 'null' }],
];

/** A value as a tree; a `json` value's text is read back (it must be valid JSON). */
export function treeOfValue(value: ParameterValue): LiteralTree {
  if (value.kind !== 'json') return value;
  let tree: LiteralTree;
  try {
    tree = readJsonTree(value.text);
  } catch (error) {
    if (!(error instanceof JsonTextError)) throw error;
    throw new ParameterError(`invalid JSON parameter value ${error.describeIn(value.text)}`);
  }
  if (tree.kind !== 'array' && tree.kind !== 'object') {
    throw new ParameterError('a JSON parameter value must be an object or a list');
  }
  return tree;
}
