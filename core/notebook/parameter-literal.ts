/**
 * A parameter value as TypeScript source that evaluates to exactly that value: what the
 * injected-parameters cell declares. Only literals and unary minus are written, so the text
 * needs no transpiling and depends on no global that a notebook could shadow.
 *
 * Big integers, also inside objects and lists, are written as BigInt literals (`123n`): a
 * number literal would round them, and a replay must see the value it was given. Code that
 * mixes them with numbers, or passes them to JSON.stringify, has to expect a bigint; an analyst
 * who passes an integer past 2^53 asked for exactly that integer.
 */
import { treeOfValue } from './parameter-json';
import { jsonNumberText, type LiteralTree, type ParameterValue } from './parameter-value';

export function parameterLiteral(value: ParameterValue): string {
  return literalOfTree(treeOfValue(value));
}

/**
 * Characters written as escapes although a string literal may hold them: line and paragraph
 * separators, DEL and C1 controls, bidirectional controls (which can make source read other
 * than it runs), the byte-order mark, and lone surrogates (which UTF-8 cannot store, so a saved
 * notebook would lose them). JSON.stringify already escapes C0 controls, quotes and backslashes
 * and lone surrogates; the second pass covers the rest.
 */
const ESCAPED_TOO =
  /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/**
 * A double-quoted string literal: a JSON string is a valid JavaScript string literal (ES2019),
 * and inside double quotes backticks and `${` are plain characters.
 */
export function stringLiteral(value: string): string {
  return JSON.stringify(value).replace(
    ESCAPED_TOO,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/**
 * A double as a literal (the shortest that reads back the same); NaN and ±Infinity as
 * arithmetic, which no global can redefine, although no reader here gives them. An integral
 * double past 2^53 is written with an exponent, so it does not look like an exact integer.
 */
export function numberLiteral(value: number): string {
  if (Number.isNaN(value)) return '0 / 0';
  if (value === Infinity) return '1 / 0';
  if (value === -Infinity) return '-1 / 0';
  return jsonNumberText(value);
}

export function literalOfTree(tree: LiteralTree): string {
  switch (tree.kind) {
    case 'number':
      return numberLiteral(tree.value);
    case 'bigint':
      return `${tree.digits}n`;
    case 'string':
      return stringLiteral(tree.value);
    case 'boolean':
      return String(tree.value);
    case 'null':
      return 'null';
    case 'array':
      return `[${tree.items.map(literalOfTree).join(', ')}]`;
    case 'object':
      if (tree.entries.length === 0) return '{}';
      return `{ ${tree.entries.map(([key, item]) => `${propertyKey(key)}: ${literalOfTree(item)}`).join(', ')} }`;
  }
}

/**
 * `"__proto__": v` in an object literal sets the prototype instead of making a property (JSON
 * makes a property), so that one key is written computed, which makes an own property.
 */
function propertyKey(key: string): string {
  return key === '__proto__' ? `[${stringLiteral(key)}]` : stringLiteral(key);
}
