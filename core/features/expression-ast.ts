/**
 * The portable SQL expression of an `expression` step (core/features/pipeline-spec.ts), parsed
 * (core/features/expression.ts): a subset of SQL that means the same in DuckDB and PostgreSQL and
 * that TypeScript evaluates (kernels/ml/features/), so training and production compute one thing.
 *
 * Semantics, which the evaluator and every dialect's printer follow:
 * - values are doubles, strings, booleans or null; a comparison or logical operator yields a
 *   boolean (1/0 once it is a feature), with SQL's three-valued logic for null;
 * - arithmetic with a null is null; division by 0 is null (PostgreSQL would raise: printers
 *   guard it); `ln`/`sqrt` of a value out of their domain are null (likewise);
 * - column references are raw input columns or outputs of earlier steps.
 */

export type BinaryOperator =
  '+' | '-' | '*' | '/' | '=' | '<>' | '<' | '<=' | '>' | '>=' | 'and' | 'or';

/** The functions the subset allows, each with the same meaning in every dialect. */
export type FunctionName =
  | 'abs'
  | 'ln'
  | 'exp'
  | 'sqrt'
  | 'power'
  | 'floor'
  | 'ceil'
  | 'round'
  | 'sign'
  | 'least'
  | 'greatest'
  | 'coalesce'
  | 'nullif';

export type Expr =
  | { kind: 'number'; value: number }
  | { kind: 'string'; value: string }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'null' }
  | { kind: 'column'; name: string }
  | { kind: 'unary'; op: '-' | 'not'; operand: Expr }
  | { kind: 'binary'; op: BinaryOperator; left: Expr; right: Expr }
  | { kind: 'isNull'; operand: Expr; negated: boolean }
  | { kind: 'in'; operand: Expr; values: Expr[]; negated: boolean }
  | { kind: 'between'; operand: Expr; low: Expr; high: Expr; negated: boolean }
  | { kind: 'case'; whens: { when: Expr; then: Expr }[]; otherwise: Expr | null }
  | { kind: 'call'; name: FunctionName; args: Expr[] };
