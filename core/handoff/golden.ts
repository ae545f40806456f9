/**
 * The golden rows (`golden/`): raw inputs, the feature vectors the pipeline makes of them, and
 * the outputs the model gives, one JSON value per line in the same order, with `golden.json`
 * saying how many, why each row is there and how close a reimplementation must come.
 */
import {
  arrayOf,
  fields,
  isCount,
  isNumber,
  isString,
  literal,
  nullable,
  oneOf,
  refine,
  type Guard,
} from '../guards';
import { MAX_GOLDEN_TOLERANCE } from './package-layout';

/** Why a golden row is there. */
export type GoldenCase = 'sampled' | 'null' | 'unseen-category' | 'extreme';

export const GOLDEN_CASES: Record<GoldenCase, true> = {
  sampled: true,
  null: true,
  'unseen-category': true,
  extreme: true,
};

export type GoldenSpec = {
  format: 1;
  rows: number;
  /** Absolute, or relative for values above 1 (as the feature SQL's agreement): at most 1e-5. */
  tolerance: number;
  /** The feature vector's names, in order (pipeline.json's `features`). */
  features: string[];
  /** One per row, in order: why it is there, and the column it exercises (null for sampled). */
  cases: { case: GoldenCase; column: string | null }[];
};

/** A reason code: how much a feature pushed the score's margin away from the reference row. */
export type ReasonCode = { feature: string; contribution: number };

/** One line of outputs.jsonl. */
export type GoldenOutput = {
  /** The model's output `score`: a probability for a classifier, the prediction for regression. */
  score: number;
  /** score ≥ threshold (0 or 1) for a classifier; null for a regression. */
  decision: 0 | 1 | null;
  /** The top reason codes, largest |contribution| first. */
  reasons: ReasonCode[];
};

export const isGoldenSpec: Guard<GoldenSpec> = refine(
  fields<GoldenSpec>({
    format: literal(1),
    rows: isCount,
    tolerance: isNumber,
    features: arrayOf(isString),
    cases: arrayOf(
      fields<GoldenSpec['cases'][number]>({
        case: oneOf(GOLDEN_CASES),
        column: nullable(isString),
      }),
    ),
  }),
  (spec) =>
    spec.tolerance > 0 && spec.tolerance <= MAX_GOLDEN_TOLERANCE && spec.cases.length === spec.rows,
);

export const isReasonCode: Guard<ReasonCode> = fields<ReasonCode>({
  feature: isString,
  contribution: isNumber,
});

export const isGoldenOutput: Guard<GoldenOutput> = fields<GoldenOutput>({
  score: isNumber,
  decision: (value): value is 0 | 1 | null => value === 0 || value === 1 || value === null,
  reasons: arrayOf(isReasonCode),
});

/** Whether `actual` is within `tolerance` of `expected`: absolute, relative above 1. */
export function withinTolerance(expected: number, actual: number, tolerance: number): boolean {
  if (!Number.isFinite(expected) || !Number.isFinite(actual)) return Object.is(expected, actual);
  return Math.abs(expected - actual) <= tolerance * Math.max(1, Math.abs(expected));
}
