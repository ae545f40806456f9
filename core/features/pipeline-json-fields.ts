/**
 * Reading one JSON object's fields for the fitted pipeline's validator (pipeline-json.ts): each
 * reader names the object (`step 3 (standardize)`) and the field in its error, says what it
 * expected and what it found, and unknown fields are refused (a misspelt field would otherwise
 * surface as a confusing "missing" one, or be silently dropped from the pipeline's hash).
 */
import { isRecord } from '../guards';

export class PipelineJsonError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PipelineJsonError';
  }
}

function found(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value} ${String(value)}`;
}

export class FieldReader {
  private readonly read = new Set<string>();
  constructor(
    private readonly object: Record<string, unknown>,
    /** How errors name the object, e.g. `step 2 (clip)`. */
    readonly where: string,
  ) {}

  static of(value: unknown, where: string): FieldReader {
    if (!isRecord(value))
      throw new PipelineJsonError(`${where}: expected an object, found ${found(value)}`);
    return new FieldReader(value, where);
  }

  fail(field: string, problem: string): never {
    throw new PipelineJsonError(`${this.where}, field "${field}": ${problem}`);
  }

  private get(field: string, expected: string, check: (value: unknown) => boolean): unknown {
    this.read.add(field);
    const value = this.object[field];
    if (!check(value)) this.fail(field, `expected ${expected}, found ${found(value)}`);
    return value;
  }

  /** A non-empty string. */
  string(field: string): string {
    return this.get(
      field,
      'a non-empty string',
      (v) => typeof v === 'string' && v !== '',
    ) as string;
  }

  /** A finite number. */
  number(field: string): number {
    return this.get(
      field,
      'a finite number',
      (v) => typeof v === 'number' && Number.isFinite(v),
    ) as number;
  }

  nullableNumber(field: string): number | null {
    return this.get(
      field,
      'a finite number or null',
      (v) => v === null || (typeof v === 'number' && Number.isFinite(v)),
    ) as number | null;
  }

  nullableString(field: string): string | null {
    return this.get(
      field,
      'a non-empty string or null',
      (v) => v === null || (typeof v === 'string' && v !== ''),
    ) as string | null;
  }

  count(field: string): number {
    return this.get(
      field,
      'a whole number ≥ 0',
      (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0,
    ) as number;
  }

  literal<const T extends string | number>(field: string, expected: T): T {
    return this.get(field, JSON.stringify(expected), (v) => v === expected) as T;
  }

  oneOf<T extends string>(field: string, values: readonly T[]): T {
    const expected = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
    return this.get(field, expected, (v) => values.includes(v as T)) as T;
  }

  /** An array, each item checked by `item` with its index in the error. */
  array<T>(field: string, item: (value: unknown, where: string, index: number) => T): T[] {
    const values = this.get(field, 'an array', Array.isArray) as unknown[];
    return values.map((value, i) => item(value, `${this.where}, ${field}[${i}]`, i));
  }

  strings(field: string, allowEmpty = false): string[] {
    return this.array(field, (value, where) => {
      if (typeof value !== 'string' || (!allowEmpty && value === ''))
        throw new PipelineJsonError(
          `${where}: expected ${allowEmpty ? 'a string' : 'a non-empty string'}, found ${found(value)}`,
        );
      return value;
    });
  }

  /** An array of values each one of `values`. */
  oneOfEach<T extends string>(field: string, values: readonly T[]): T[] {
    const expected = `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`;
    return this.array(field, (value, where) => {
      if (!values.includes(value as T))
        throw new PipelineJsonError(`${where}: expected ${expected}, found ${found(value)}`);
      return value as T;
    });
  }

  numbers(field: string): number[] {
    return this.array(field, (value, where) => {
      if (typeof value !== 'number' || !Number.isFinite(value))
        throw new PipelineJsonError(`${where}: expected a finite number, found ${found(value)}`);
      return value;
    });
  }

  /** Refuses the fields nobody read: call after reading every known one. */
  done(): void {
    const unknown = Object.keys(this.object).filter((key) => !this.read.has(key));
    if (unknown.length > 0)
      throw new PipelineJsonError(
        `${this.where}: unknown field ${unknown.map((key) => `"${key}"`).join(', ')} (known: ${[...this.read].join(', ')})`,
      );
  }
}

/** The first value that occurs twice, or null. */
export function firstDuplicate(values: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const value of values) {
    if (seen.has(value)) return value;
    seen.add(value);
  }
  return null;
}
