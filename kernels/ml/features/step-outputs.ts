/**
 * What a step reads, what it consumes, and the feature list that follows from a pipeline's
 * writes (core's `stepOutputs`; core/features/pipeline-spec.ts: every column a step wrote, in the
 * order each was first written, minus columns a later step consumed into others).
 */
import { expressionColumns } from '../../../core/features/expression-columns';
import { parseExpression } from '../../../core/features/expression';
import { stepColumnReads, stepOutputs } from '../../../core/features/pipeline-json';
import type { FittedStep, StepSpec } from '../../../core/features/pipeline-spec';

/** The columns `step` reads (for an expression, the columns its SQL names). */
export function stepReads(step: StepSpec | FittedStep): string[] {
  return step.kind === 'expression'
    ? expressionColumns(parseExpression(step.sql))
    : stepColumnReads(step).map((read) => read.column);
}

/**
 * The column a step consumes into its output (so it leaves the feature list), or null: a
 * one-value step writing under a new name consumes what it read; oneHot, dateParts, ratio and
 * expression add columns beside their inputs.
 */
export function stepConsumes(step: FittedStep): string | null {
  switch (step.kind) {
    case 'number':
    case 'standardize':
    case 'minMax':
    case 'log':
    case 'clip':
    case 'bucketize':
    case 'impute':
    case 'vocabulary':
      return step.output === step.column ? null : step.column;
    case 'oneHot':
    case 'dateParts':
    case 'ratio':
    case 'expression':
      return null;
  }
}

/** The default feature list of `steps`. */
export function defaultFeatures(steps: readonly FittedStep[]): string[] {
  const firstWrite = new Map<string, number>();
  const lastWrite = new Map<string, number>();
  const consumedAt = new Map<string, number>();
  steps.forEach((step, index) => {
    for (const name of stepOutputs(step)) {
      if (!firstWrite.has(name)) firstWrite.set(name, index);
      lastWrite.set(name, index);
    }
    const consumed = stepConsumes(step);
    if (consumed !== null) consumedAt.set(consumed, index);
  });
  // Consumed only if consumed after its last write: a column written again later is a new value.
  return [...firstWrite.keys()].filter(
    (name) => (consumedAt.get(name) ?? -1) < (lastWrite.get(name) ?? -1),
  );
}
