/**
 * What a notebook parameter's value is (papermill's convention, in TypeScript): the values a
 * replay injects (`quarry run -p`, `--params-file`, the app's parameter form) and the defaults a
 * parameters cell declares. Every reader turns its text into a `LiteralTree` first, so there is
 * one place where numbers are classified and one JSON spelling of objects and lists.
 *
 * No digit is lost: an integer written without a fraction or an exponent beyond
 * ±(2^53 − 1) is a `bigint` (its digits), never a rounded double; inside an object or a list it
 * stays as its digits in the JSON text, which `JSON.parse` would round, so that text is only
 * ever read back by this module's readers.
 */
import type { JsonObject, JsonValue } from '../json';

export type ParameterValue =
  /**
   * A double. The readers give only finite ones (JSON has no NaN or Infinity); a value built in
   * code may hold them: its literal is exact and the run record writes them as strings.
   */
  | { kind: 'number'; value: number }
  /** An integer past ±(2^53 − 1), or a BigInt literal: canonical decimal digits, "-" first. */
  | { kind: 'bigint'; digits: string }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  /** An object or a list as compact JSON text; big integers inside keep their digits. */
  | { kind: 'json'; text: string };

export type ParameterAssignment = { name: string; value: ParameterValue };

/** What a declared parameter holds, from its default's literal; what the app's form asks for. */
export type ParameterType =
  'number' | 'integer' | 'bigint' | 'string' | 'boolean' | 'null' | 'json' | 'unknown';

/** A bad parameter (argument, file, form field, name): one line that says what to write. */
export class ParameterError extends Error {
  override readonly name = 'ParameterError';
}

/** A parsed literal: JSON's values with integers split into doubles and big integers. */
export type LiteralTree =
  | { kind: 'number'; value: number }
  | { kind: 'bigint'; digits: string }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'array'; items: LiteralTree[] }
  /** Keys are unique, in first-seen order with the last value, as JSON.parse builds them. */
  | { kind: 'object'; entries: [string, LiteralTree][] };

/**
 * An integer's text (digits, optionally "-" first) as a number when a double holds it exactly,
 * else as its digits.
 */
export function integerTree(text: string): LiteralTree {
  const value = BigInt(text);
  const safe =
    value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= -BigInt(Number.MAX_SAFE_INTEGER);
  if (!safe) return { kind: 'bigint', digits: value.toString() };
  // BigInt has no -0: "-0" is the double -0, as JSON.parse reads it.
  return {
    kind: 'number',
    value: text.trim().startsWith('-') && value === 0n ? -0 : Number(value),
  };
}

/** Builds an object's entries with JSON.parse's rule for a repeated key. */
export function objectTree(pairs: Iterable<[string, LiteralTree]>): LiteralTree {
  const entries: [string, LiteralTree][] = [];
  const index = new Map<string, number>();
  for (const [key, value] of pairs) {
    const at = index.get(key);
    if (at === undefined) {
      index.set(key, entries.length);
      entries.push([key, value]);
    } else {
      entries[at] = [key, value];
    }
  }
  return { kind: 'object', entries };
}

export function valueOfTree(tree: LiteralTree): ParameterValue {
  switch (tree.kind) {
    case 'number':
    case 'bigint':
    case 'string':
    case 'boolean':
    case 'null':
      return tree;
    case 'array':
    case 'object':
      return { kind: 'json', text: jsonTextOf(tree) };
  }
}

/**
 * A double as JSON text that this module reads back as the same double: `String` gives the
 * shortest round-trip form, except that an integral double past 2^53 would print as digits, which
 * read back as a bigint, so it is written with an exponent instead.
 */
export function jsonNumberText(value: number): string {
  if (!Number.isFinite(value)) throw new ParameterError(`${value} cannot be a parameter value`);
  if (Object.is(value, -0)) return '-0';
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) return value.toExponential();
  return String(value);
}

/** Compact JSON text; big integers as their digits. */
export function jsonTextOf(tree: LiteralTree): string {
  switch (tree.kind) {
    case 'number':
      return jsonNumberText(tree.value);
    case 'bigint':
      return tree.digits;
    case 'string':
      return JSON.stringify(tree.value);
    case 'boolean':
      return String(tree.value);
    case 'null':
      return 'null';
    case 'array':
      return `[${tree.items.map(jsonTextOf).join(',')}]`;
    case 'object':
      return `{${tree.entries.map(([key, item]) => `${JSON.stringify(key)}:${jsonTextOf(item)}`).join(',')}}`;
  }
}

/**
 * The value as a JSON value for the file's run record (`metadata.quarry.parameters`): what JSON
 * cannot hold exactly is recorded as a string, a big integer as its digits, NaN and ±Infinity
 * by name.
 */
export function recordOfTree(tree: LiteralTree): JsonValue {
  switch (tree.kind) {
    case 'number':
      return Number.isFinite(tree.value) ? tree.value : String(tree.value);
    case 'string':
    case 'boolean':
      return tree.value;
    case 'bigint':
      return tree.digits;
    case 'null':
      return null;
    case 'array':
      return tree.items.map(recordOfTree);
    case 'object':
      return recordOfEntries(tree.entries);
  }
}

/** An object's entries as a JSON object (see recordOfTree). */
export function recordOfEntries(entries: [string, LiteralTree][]): JsonObject {
  const record: JsonObject = {};
  // defineProperty, not assignment: a "__proto__" key is an own property, as in JSON.parse.
  for (const [key, item] of entries) {
    Object.defineProperty(record, key, {
      value: recordOfTree(item),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return record;
}
