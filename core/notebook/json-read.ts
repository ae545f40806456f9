/**
 * JSON.parse with an error a person can act on. Engines word JSON errors differently (and V8
 * gives a character offset at best), so when parsing fails a small scanner walks the text again
 * to find the first error and says where it is as a line and a column.
 *
 * Nesting is limited (MAX_JSON_DEPTH): JSON.parse accepts thousands of levels, but everything
 * after it (the codec, the writer, structured clone to a worker) recurses, so such a file would
 * open and then fail at every save. It is refused here, at open, with the path to the depth.
 */
import { excerpt, quoteExcerpt } from '../excerpt';
import { NotebookFormatError } from './errors';

/** Far above any real notebook (nbformat itself nests about 6 levels; metadata a few more). */
export const MAX_JSON_DEPTH = 200;

/** Parses JSON text; a leading byte-order mark is ignored, as editors do. */
export function parseJsonText(text: string): unknown {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') {
    throw new NotebookFormatError('not-a-notebook', 'not a notebook: it is empty');
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const failure = locateJsonError(body);
    if (!failure) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new NotebookFormatError('json', `invalid JSON: ${excerpt(detail)}`);
    }
    const { line, column } = lineAndColumn(body, failure.offset);
    throw new NotebookFormatError(
      'json',
      `invalid JSON at line ${line}, column ${column}: ${failure.reason}`,
    );
  }
  const tooDeep = pathPastDepth(value, MAX_JSON_DEPTH);
  if (tooDeep !== undefined) {
    throw new NotebookFormatError(
      'json',
      `JSON nested deeper than ${MAX_JSON_DEPTH} levels at ${tooDeep}`,
    );
  }
  return value;
}

/**
 * The path (`metadata.a.a…`) to the first object or list deeper than `limit`, in document
 * order, or undefined. Recursive, but never deeper than `limit` calls however deep the value
 * is; it formats keys only for the path it returns (formatting each key as it went made opening
 * a notebook with large tables three times slower than JSON.parse).
 */
function pathPastDepth(root: unknown, limit: number): string | undefined {
  const keys = stepsPastDepth(root, limit, 1);
  return keys === undefined ? undefined : describePath(keys.reverse());
}

/** The keys from the too-deep container up to `value`, or undefined. */
function stepsPastDepth(
  value: unknown,
  limit: number,
  depth: number,
): (string | number)[] | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  if (depth > limit) return [];
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const keys = stepsPastDepth(value[i], limit, depth + 1);
      if (keys) return [...keys, i];
    }
    return undefined;
  }
  for (const key of Object.keys(value)) {
    const keys = stepsPastDepth((value as Record<string, unknown>)[key], limit, depth + 1);
    if (keys) return [...keys, key];
  }
  return undefined;
}

/** How many steps of a too-deep path the message shows before "…". */
const PATH_STEPS_SHOWN = 6;

function describePath(keys: (string | number)[]): string {
  const steps = keys.map((key) => (typeof key === 'number' ? `[${key}]` : propertyStep(key)));
  const shown = steps.slice(0, PATH_STEPS_SHOWN).join('').replace(/^\./, '');
  return steps.length > PATH_STEPS_SHOWN ? `${shown}…` : shown;
}

function propertyStep(key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${quoteExcerpt(key)}]`;
}

type Failure = { offset: number; reason: string };

class ScanError {
  constructor(readonly failure: Failure) {}
}

/** The first syntax error in `text`, or undefined if it is valid JSON. */
export function locateJsonError(text: string): Failure | undefined {
  let pos = 0;
  const fail = (offset: number, reason: string): never => {
    throw new ScanError({ offset, reason });
  };
  const found = (): string =>
    pos >= text.length ? 'the end of the text' : JSON.stringify(text[pos]);
  const skipSpace = (): void => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos] ?? '')) pos++;
  };

  const value = (): void => {
    skipSpace();
    const c = text[pos];
    if (c === undefined) return fail(pos, 'unexpected end of the text');
    if (c === '{') return object();
    if (c === '[') return array();
    if (c === '"') return string();
    if (c === '-' || (c >= '0' && c <= '9')) return number();
    for (const word of ['true', 'false', 'null']) {
      if (text.startsWith(word, pos)) {
        pos += word.length;
        return;
      }
    }
    const token = /[A-Za-z_$][\w$]*/y;
    token.lastIndex = pos;
    const name = token.exec(text)?.[0] ?? c;
    return fail(pos, `unexpected ${quoteExcerpt(name)}`);
  };

  const object = (): void => {
    pos++;
    skipSpace();
    if (text[pos] === '}') return void pos++;
    for (;;) {
      skipSpace();
      if (text[pos] !== '"') {
        fail(pos, `expected a property name in double quotes, found ${found()}`);
      }
      string();
      skipSpace();
      if (text[pos] !== ':') fail(pos, `expected ":" after a property name, found ${found()}`);
      pos++;
      value();
      skipSpace();
      if (text[pos] === '}') return void pos++;
      if (text[pos] !== ',') {
        fail(pos, `expected "," or "}" after a property value, found ${found()}`);
      }
      const comma = pos++;
      skipSpace();
      if (text[pos] === '}') fail(comma, 'trailing comma before "}"');
    }
  };

  const array = (): void => {
    pos++;
    skipSpace();
    if (text[pos] === ']') return void pos++;
    for (;;) {
      value();
      skipSpace();
      if (text[pos] === ']') return void pos++;
      if (text[pos] !== ',') fail(pos, `expected "," or "]" after a list item, found ${found()}`);
      const comma = pos++;
      skipSpace();
      if (text[pos] === ']') fail(comma, 'trailing comma before "]"');
    }
  };

  const string = (): void => {
    const start = pos++;
    for (;;) {
      const c = text[pos];
      if (c === undefined) return fail(start, 'unterminated string');
      if (c === '"') return void pos++;
      if (c === '\\') {
        const escape = /\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})/y;
        escape.lastIndex = pos;
        if (!escape.test(text)) {
          fail(pos, `invalid escape ${JSON.stringify(text.slice(pos, pos + 2))}`);
        }
        pos = escape.lastIndex;
      } else if (c < ' ') {
        fail(
          pos,
          c === '\n' || c === '\r'
            ? 'line break inside a string'
            : 'control character inside a string',
        );
      } else {
        pos++;
      }
    }
  };

  const number = (): void => {
    const grammar = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    grammar.lastIndex = pos;
    const match = grammar.exec(text);
    // A match followed by more number characters ("01", "1.", "1e") is a malformed number.
    if (!match || /[\d.eE+-]/.test(text[grammar.lastIndex] ?? '')) fail(pos, 'invalid number');
    pos = grammar.lastIndex;
  };

  try {
    value();
    skipSpace();
    if (pos < text.length) fail(pos, `unexpected ${found()} after the end of the JSON value`);
    return undefined;
  } catch (error) {
    if (error instanceof ScanError) return error.failure;
    // A stack overflow on absurd nesting falls back to the engine's own message.
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}

/** 1-based line and column of an offset; a column counts characters, not UTF-16 units. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  for (let i = 0; i < offset; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      column = 1;
    } else if (code !== 0x0d && !(code >= 0xdc00 && code <= 0xdfff)) {
      column++; // a low surrogate completes a character already counted
    }
  }
  return { line, column };
}
