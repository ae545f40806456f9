/**
 * The types of a portable SQL expression (expression-ast.ts), checked before it is printed or
 * evaluated: PostgreSQL refuses `'a' + 1`, `1 AND x` or a number as a CASE condition where
 * DuckDB or JavaScript would coerce, so the subset refuses them everywhere, with a message that
 * says what to write instead. A bare NULL takes the type its neighbours give it.
 */
import type { Expr } from './expression-ast';

export type ExpressionType = 'number' | 'string' | 'boolean' | 'null';

/** What an expression's columns are: a raw input's type, or 'number' for a step's output. */
export type ColumnTypes = (name: string) => ExpressionType;

export class ExpressionTypeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ExpressionTypeError';
  }
}

const article = (type: ExpressionType): string =>
  type === 'null' ? 'NULL' : type === 'number' ? 'a number' : `a ${type}`;

function describe(expr: Expr, type: ExpressionType): string {
  switch (expr.kind) {
    case 'column':
      return `column "${expr.name}" (${article(type)})`;
    case 'string':
      return `the string '${expr.value}'`;
    case 'number':
    case 'boolean':
      return `${article(type)} (${String(expr.value)})`;
    case 'null':
    case 'unary':
    case 'binary':
    case 'isNull':
    case 'in':
    case 'between':
    case 'case':
    case 'call':
      return article(type);
  }
}

/** The one type a group of operands shares (NULL joins any), or an error naming the odd one. */
function unify(operands: Expr[], types: ExpressionType[], what: string): ExpressionType {
  let shared: ExpressionType = 'null';
  let first = -1;
  types.forEach((type, i) => {
    if (type === 'null') return;
    if (shared === 'null') {
      shared = type;
      first = i;
    } else if (type !== shared)
      throw new ExpressionTypeError(
        `${what} mixes ${describe(operands[first], shared)} with ${describe(operands[i], type)}: compare like with like`,
      );
  });
  return shared;
}

function expect(
  expr: Expr,
  type: ExpressionType,
  wanted: 'number' | 'boolean',
  context: string,
): void {
  if (type === wanted || type === 'null') return;
  const advice =
    wanted === 'boolean' && type === 'number'
      ? ' (a 0/1 column reads as a condition with "= 1")'
      : '';
  throw new ExpressionTypeError(
    `${context} needs ${article(wanted)}, found ${describe(expr, type)}${advice}`,
  );
}

/** An expression's type, or an `ExpressionTypeError` naming the operator and operand at fault. */
export function expressionType(expr: Expr, columns: ColumnTypes): ExpressionType {
  const typeOf = (node: Expr): ExpressionType => expressionType(node, columns);
  switch (expr.kind) {
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'column':
      return columns(expr.name);
    case 'unary': {
      const wanted = expr.op === '-' ? 'number' : 'boolean';
      expect(expr.operand, typeOf(expr.operand), wanted, expr.op === '-' ? "unary '-'" : 'NOT');
      return wanted;
    }
    case 'binary':
      return binaryType(expr, typeOf(expr.left), typeOf(expr.right));
    case 'isNull':
      typeOf(expr.operand);
      return 'boolean';
    case 'in': {
      const operands = [expr.operand, ...expr.values];
      unify(operands, operands.map(typeOf), 'IN');
      return 'boolean';
    }
    case 'between': {
      const operands = [expr.operand, expr.low, expr.high];
      orderable(unify(operands, operands.map(typeOf), 'BETWEEN'), 'BETWEEN');
      return 'boolean';
    }
    case 'case': {
      for (const { when } of expr.whens) expect(when, typeOf(when), 'boolean', 'WHEN');
      const results = [...expr.whens.map(({ then }) => then)];
      if (expr.otherwise !== null) results.push(expr.otherwise);
      return unify(results, results.map(typeOf), 'CASE');
    }
    case 'call':
      return callType(expr, expr.args.map(typeOf));
  }
}

function binaryType(
  expr: Extract<Expr, { kind: 'binary' }>,
  left: ExpressionType,
  right: ExpressionType,
): ExpressionType {
  switch (expr.op) {
    case '+':
    case '-':
    case '*':
    case '/':
      expect(expr.left, left, 'number', `'${expr.op}'`);
      expect(expr.right, right, 'number', `'${expr.op}'`);
      return 'number';
    case 'and':
    case 'or':
      expect(expr.left, left, 'boolean', expr.op.toUpperCase());
      expect(expr.right, right, 'boolean', expr.op.toUpperCase());
      return 'boolean';
    case '=':
    case '<>':
      unify([expr.left, expr.right], [left, right], `'${expr.op}'`);
      return 'boolean';
    case '<':
    case '<=':
    case '>':
    case '>=':
      orderable(unify([expr.left, expr.right], [left, right], `'${expr.op}'`), `'${expr.op}'`);
      return 'boolean';
  }
}

function orderable(type: ExpressionType, what: string): void {
  if (type === 'boolean')
    throw new ExpressionTypeError(`${what} orders numbers or strings, not booleans`);
}

function callType(expr: Extract<Expr, { kind: 'call' }>, types: ExpressionType[]): ExpressionType {
  switch (expr.name) {
    case 'abs':
    case 'ln':
    case 'exp':
    case 'sqrt':
    case 'power':
    case 'floor':
    case 'ceil':
    case 'round':
    case 'sign':
      expr.args.forEach((arg, i) => expect(arg, types[i], 'number', `${expr.name}()`));
      return 'number';
    case 'least':
    case 'greatest': {
      const type = unify(expr.args, types, `${expr.name}()`);
      orderable(type, `${expr.name}()`);
      return type;
    }
    case 'coalesce':
    case 'nullif':
      return unify(expr.args, types, `${expr.name}()`);
  }
}
