/**
 * Runtime checks derived from the types they check, for what crosses a process boundary (a
 * worker's messages, the host's replies). A `Guard<T>` says whether an unknown value is a T;
 * `fields` builds one from a guard per key, and `variantParser` one per member of a tagged
 * union. Their tables are typed from the contract, so the compiler refuses a table that misses a
 * member or a key, or whose guard admits more than the key's type: a message cannot be added to
 * a contract without its check.
 */

export type Guard<T> = (value: unknown) => value is T;

/** One guard per key of T, optional keys included (their guard accepts `undefined`). */
export type FieldGuards<T> = { [K in keyof T]-?: Guard<T[K]> };

/**
 * One check per member of the union U, keyed by its `Tag` value: a table of field guards (the
 * usual case) or a whole guard (a member that is itself a union).
 */
export type VariantTable<U extends Record<Tag, string>, Tag extends string = 'type'> = {
  [K in U[Tag]]: FieldGuards<Extract<U, Record<Tag, K>>> | Guard<Extract<U, Record<Tag, K>>>;
};

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isString = (value: unknown): value is string => typeof value === 'string';

export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

export const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export const isInteger = (value: unknown): value is number => Number.isInteger(value);

/** A non-negative integer: a row position, a count. */
export const isCount = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 0;

export function literal<const T extends string | number | boolean>(expected: T): Guard<T> {
  return (value): value is T => value === expected;
}

/** One of `values`; give T and a table with every member as a key, so none is forgotten. */
export function oneOf<T extends string>(values: Record<T, true>): Guard<T> {
  return (value): value is T => typeof value === 'string' && Object.hasOwn(values, value);
}

export function nullable<T>(guard: Guard<T>): Guard<T | null> {
  return (value): value is T | null => value === null || guard(value);
}

export function optional<T>(guard: Guard<T>): Guard<T | undefined> {
  return (value): value is T | undefined => value === undefined || guard(value);
}

export function arrayOf<T>(guard: Guard<T>): Guard<T[]> {
  return (value): value is T[] => Array.isArray(value) && value.every(guard);
}

export function either<A, B>(a: Guard<A>, b: Guard<B>): Guard<A | B> {
  return (value): value is A | B => a(value) || b(value);
}

/** `guard`, and then a condition across its fields. */
export function refine<T>(guard: Guard<T>, condition: (value: T) => boolean): Guard<T> {
  return (value): value is T => guard(value) && condition(value);
}

/** An object whose every key in `table` passes its guard; other keys are not looked at. */
export function fields<T>(table: FieldGuards<T>): Guard<T> {
  const entries: [string, Guard<unknown>][] = Object.entries(table);
  return (value): value is T =>
    isRecord(value) && entries.every(([key, guard]) => guard(value[key]));
}

/**
 * A parser of the tagged union U: the member named by the value's `tag`, checked by its entry of
 * `table`, or null. A member checked by a field table comes back with only the keys the table
 * names (what a sender added beside them is dropped).
 */
export function variantParser<U extends Record<Tag, string>, Tag extends string = 'type'>(
  tag: Tag,
  table: VariantTable<U, Tag>,
): (value: unknown) => U | null {
  const checks: Record<string, Record<string, Guard<unknown>> | Guard<unknown>> = table;
  return (value) => {
    if (!isRecord(value)) return null;
    const name = value[tag];
    if (typeof name !== 'string' || !Object.hasOwn(checks, name)) return null;
    const check = checks[name];
    if (typeof check === 'function') return check(value) ? (value as U) : null;
    const picked: Record<string, unknown> = {};
    for (const [key, guard] of Object.entries(check)) {
      if (!guard(value[key])) return null;
      if (Object.hasOwn(value, key)) picked[key] = value[key];
    }
    return picked as U;
  };
}
