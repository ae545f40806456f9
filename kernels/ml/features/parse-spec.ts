/**
 * A pipeline spec as a cell writes it (`ml.pipeline({ steps: [...] })`), checked before anything
 * is fitted: the cell's object is untyped at run time, so every field is checked here and an
 * error names the step (`steps[2]`), the field, what was wrong and what is allowed. Unknown
 * fields are refused too: a misspelt `ofset` would otherwise be silently ignored.
 */
import {
  DATE_PARTS,
  IMPUTE_STRATEGIES,
  type DatePart,
  type PipelineSpec,
  type StepKind,
  type StepSpec,
} from '../../../core/features/pipeline-spec';

/** The fields each kind takes besides `kind`. */
const FIELDS: Record<StepKind, readonly string[]> = {
  number: ['column', 'as'],
  standardize: ['column', 'as'],
  minMax: ['column', 'as'],
  log: ['column', 'offset', 'as'],
  clip: ['column', 'min', 'max', 'as'],
  bucketize: ['column', 'boundaries', 'as'],
  impute: ['column', 'strategy', 'value', 'indicator', 'as'],
  oneHot: ['column', 'maxCategories', 'minCount'],
  vocabulary: ['column', 'maxSize', 'minCount', 'as'],
  dateParts: ['column', 'parts'],
  ratio: ['numerator', 'denominator', 'as'],
  expression: ['sql', 'as'],
};

const isKind = (value: unknown): value is StepKind =>
  typeof value === 'string' && Object.hasOwn(FIELDS, value);

const quoted = (items: readonly string[]): string => items.map((item) => `'${item}'`).join(', ');

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return `'${value}'`;
  if (typeof value === 'object') return 'an object';
  return String(value);
}

class StepFields {
  constructor(
    private readonly fields: Record<string, unknown>,
    private readonly where: string,
  ) {}

  private fail(field: string, wanted: string): never {
    throw new Error(
      `${this.where}.${field} must be ${wanted}, got ${describe(this.fields[field])}`,
    );
  }

  has(field: string): boolean {
    return this.fields[field] !== undefined;
  }

  name(field: string): string {
    const value = this.fields[field];
    if (typeof value !== 'string' || value === '')
      this.fail(field, 'a column name (non-empty text)');
    return value;
  }

  optionalName(field: string): string | undefined {
    return this.has(field) ? this.name(field) : undefined;
  }

  text(field: string): string {
    const value = this.fields[field];
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, 'non-empty text');
    return value;
  }

  optionalNumber(field: string): number | undefined {
    if (!this.has(field)) return undefined;
    const value = this.fields[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(field, 'a finite number');
    return value;
  }

  optionalCount(field: string): number | undefined {
    if (!this.has(field)) return undefined;
    const value = this.fields[field];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
      this.fail(field, 'a whole number ≥ 1');
    return value;
  }

  optionalBoolean(field: string): boolean | undefined {
    if (!this.has(field)) return undefined;
    const value = this.fields[field];
    if (typeof value !== 'boolean') this.fail(field, 'true or false');
    return value;
  }

  oneOf<T extends string>(field: string, allowed: readonly T[]): T {
    const value = this.fields[field];
    if (!allowed.includes(value as T)) this.fail(field, `one of ${quoted(allowed)}`);
    return value as T;
  }

  boundaries(): number[] {
    const value = this.fields.boundaries;
    const wanted = 'a non-empty array of finite numbers in ascending order';
    if (!Array.isArray(value) || value.length === 0) this.fail('boundaries', wanted);
    value.forEach((boundary: unknown, index) => {
      if (typeof boundary !== 'number' || !Number.isFinite(boundary))
        this.fail('boundaries', wanted);
      if (index > 0 && boundary <= (value[index - 1] as number))
        throw new Error(
          `${this.where}.boundaries must ascend strictly: ${String(value[index - 1])} is followed by ${boundary}`,
        );
    });
    return value as number[];
  }

  parts(): DatePart[] {
    const value = this.fields.parts;
    const wanted = `a non-empty array of ${quoted(DATE_PARTS)}`;
    if (!Array.isArray(value) || value.length === 0) this.fail('parts', wanted);
    for (const part of value as unknown[])
      if (!DATE_PARTS.includes(part as DatePart)) this.fail('parts', wanted);
    if (new Set(value).size !== value.length)
      throw new Error(`${this.where}.parts names a part twice: ${quoted(value as string[])}`);
    return value as DatePart[];
  }
}

/** Adds `as` to a step when the spec gave one (no `as: undefined` keys in the result). */
function withAs<T extends object>(step: T, as: string | undefined): T & { as?: string } {
  return as === undefined ? step : { ...step, as };
}

function parseStep(value: unknown, index: number): StepSpec {
  const where = `steps[${index}]`;
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(
      `${where} must be an object like { kind: 'standardize', column: 'x' }, got ${describe(value)}`,
    );
  const record = value as Record<string, unknown>;
  const kind = record.kind;
  if (!isKind(kind))
    throw new Error(
      `${where}.kind must be one of ${quoted(Object.keys(FIELDS))}, got ${describe(kind)}`,
    );
  const unknown = Object.keys(record).filter(
    (key) => key !== 'kind' && !FIELDS[kind].includes(key),
  );
  if (unknown.length > 0)
    throw new Error(
      `${where} (${kind}) has no field ${quoted(unknown)}; its fields are ${quoted(FIELDS[kind])}`,
    );
  const fields = new StepFields(record, where);
  switch (kind) {
    case 'number':
    case 'standardize':
    case 'minMax':
      return withAs({ kind, column: fields.name('column') }, fields.optionalName('as'));
    case 'log': {
      const offset = fields.optionalNumber('offset');
      const step = { kind, column: fields.name('column') };
      return withAs(offset === undefined ? step : { ...step, offset }, fields.optionalName('as'));
    }
    case 'clip': {
      const min = fields.optionalNumber('min');
      const max = fields.optionalNumber('max');
      if (min === undefined && max === undefined)
        throw new Error(`${where} (clip) needs min, max or both`);
      if (min !== undefined && max !== undefined && min > max)
        throw new Error(`${where} (clip): min ${min} is above max ${max}`);
      return withAs(
        {
          kind,
          column: fields.name('column'),
          ...(min === undefined ? {} : { min }),
          ...(max === undefined ? {} : { max }),
        },
        fields.optionalName('as'),
      );
    }
    case 'bucketize':
      return withAs(
        { kind, column: fields.name('column'), boundaries: fields.boundaries() },
        fields.optionalName('as'),
      );
    case 'impute': {
      const strategy = fields.oneOf('strategy', IMPUTE_STRATEGIES);
      const constant = fields.optionalNumber('value');
      if (strategy === 'constant' && constant === undefined)
        throw new Error(`${where} (impute, strategy 'constant') needs value: the number to fill`);
      if (strategy !== 'constant' && constant !== undefined)
        throw new Error(
          `${where} (impute, strategy '${strategy}') learns its fill; value is for strategy 'constant'`,
        );
      const indicator = fields.optionalBoolean('indicator');
      return withAs(
        {
          kind,
          column: fields.name('column'),
          strategy,
          ...(constant === undefined ? {} : { value: constant }),
          ...(indicator === undefined ? {} : { indicator }),
        },
        fields.optionalName('as'),
      );
    }
    case 'oneHot': {
      const maxCategories = fields.optionalCount('maxCategories');
      const minCount = fields.optionalCount('minCount');
      return {
        kind,
        column: fields.name('column'),
        ...(maxCategories === undefined ? {} : { maxCategories }),
        ...(minCount === undefined ? {} : { minCount }),
      };
    }
    case 'vocabulary': {
      const maxSize = fields.optionalCount('maxSize');
      const minCount = fields.optionalCount('minCount');
      return withAs(
        {
          kind,
          column: fields.name('column'),
          ...(maxSize === undefined ? {} : { maxSize }),
          ...(minCount === undefined ? {} : { minCount }),
        },
        fields.optionalName('as'),
      );
    }
    case 'dateParts':
      return { kind, column: fields.name('column'), parts: fields.parts() };
    case 'ratio':
      return {
        kind,
        numerator: fields.name('numerator'),
        denominator: fields.name('denominator'),
        as: fields.name('as'),
      };
    case 'expression':
      return { kind, sql: fields.text('sql'), as: fields.name('as') };
  }
}

/** `value` as a PipelineSpec, or an Error naming the first thing that is wrong with it. */
export function parsePipelineSpec(value: unknown): PipelineSpec {
  if (
    typeof value !== 'object' ||
    value === null ||
    !Array.isArray((value as { steps?: unknown }).steps)
  )
    throw new Error(
      "a pipeline spec is an object { steps: [...] }, e.g. { steps: [{ kind: 'standardize', column: 'tenure_months' }] }",
    );
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => key !== 'steps' && key !== 'features');
  if (unknown.length > 0)
    throw new Error(
      `a pipeline spec has no field ${quoted(unknown)}; its fields are 'steps', 'features'`,
    );
  const steps = (record.steps as unknown[]).map(parseStep);
  if (steps.length === 0) throw new Error('a pipeline spec needs at least one step in steps');
  if (record.features === undefined) return { steps };
  const features = record.features;
  if (
    !Array.isArray(features) ||
    features.length === 0 ||
    !features.every((name) => typeof name === 'string' && name !== '')
  )
    throw new Error(
      `features must be a non-empty array of column names, got ${describe(features)}`,
    );
  const repeated = features.find((name, index) => features.indexOf(name) !== index);
  if (repeated !== undefined) throw new Error(`features names "${String(repeated)}" twice`);
  return { steps, features: features as string[] };
}
