/**
 * Prints a portable SQL expression (expression-ast.ts) in a dialect (sql-dialect.ts): every node
 * parenthesised, so the parse (expression.ts) is its only reading; every guard of the subset's
 * semantics (division by zero, ln, sqrt, exp, power, round: expression-functions.ts) spelled out;
 * every NULL typed after its neighbours; strings ordered by code point.
 */
import type { Expr } from './expression-ast';
import { expressionType, type ColumnTypes, type ExpressionType } from './expression-types';
import type { SqlDialect, SqlValueType } from './sql-dialect';

const hint = (type: ExpressionType): SqlValueType | null => (type === 'null' ? null : type);

/** The first non-null type among the nodes (what a NULL among them is printed as). */
function sharedType(nodes: Expr[], columns: ColumnTypes): SqlValueType | null {
  for (const node of nodes) {
    const type = hint(expressionType(node, columns));
    if (type !== null) return type;
  }
  return null;
}

/**
 * `expr` as SQL in `dialect`; `column` prints a column reference (a quoted raw column, or an
 * earlier step's inlined SQL), `columns` gives each column's type (default: numbers). Throws an
 * `ExpressionTypeError` for an ill-typed expression.
 */
export function expressionToSql(
  expr: Expr,
  dialect: SqlDialect,
  column: (name: string) => string,
  columns: ColumnTypes = () => 'number',
): string {
  expressionType(expr, columns);
  const print = (node: Expr, want: SqlValueType | null): string => {
    switch (node.kind) {
      case 'number':
        return dialect.number(node.value);
      case 'string':
        return dialect.quoteString(node.value);
      case 'boolean':
        return node.value ? 'TRUE' : 'FALSE';
      case 'null':
        return dialect.typedNull(want ?? 'number');
      case 'column':
        return column(node.name);
      case 'unary':
        return node.op === '-'
          ? `(- ${print(node.operand, 'number')})`
          : `(NOT ${print(node.operand, 'boolean')})`;
      case 'binary':
        return printBinary(node);
      case 'isNull': {
        const operand = print(node.operand, sharedType([node.operand], columns));
        return `(${operand} IS ${node.negated ? 'NOT ' : ''}NULL)`;
      }
      case 'in': {
        const type = sharedType([node.operand, ...node.values], columns);
        const values = node.values.map((value) => print(value, type)).join(', ');
        return `(${print(node.operand, type)} ${node.negated ? 'NOT ' : ''}IN (${values}))`;
      }
      case 'between': {
        const type = sharedType([node.operand, node.low, node.high], columns);
        const [operand, low, high] = [node.operand, node.low, node.high].map((part) =>
          ordered(print(part, type), type),
        );
        return `(${operand} ${node.negated ? 'NOT ' : ''}BETWEEN ${low} AND ${high})`;
      }
      case 'case': {
        const results = node.whens.map(({ then }) => then);
        if (node.otherwise !== null) results.push(node.otherwise);
        const type = sharedType(results, columns) ?? want;
        const whens = node.whens
          .map(({ when, then }) => ` WHEN ${print(when, 'boolean')} THEN ${print(then, type)}`)
          .join('');
        const otherwise = node.otherwise === null ? '' : ` ELSE ${print(node.otherwise, type)}`;
        return `CASE${whens}${otherwise} END`;
      }
      case 'call':
        return printCall(node, want);
    }
  };

  const ordered = (sql: string, type: SqlValueType | null): string =>
    type === 'string' ? dialect.codePointOrder(sql) : sql;

  const printBinary = (node: Extract<Expr, { kind: 'binary' }>): string => {
    switch (node.op) {
      case '+':
      case '-':
      case '*':
        return `(${print(node.left, 'number')} ${node.op} ${print(node.right, 'number')})`;
      case '/':
        return dialect.divide(print(node.left, 'number'), print(node.right, 'number'));
      case 'and':
      case 'or':
        return `(${print(node.left, 'boolean')} ${node.op.toUpperCase()} ${print(node.right, 'boolean')})`;
      case '=':
      case '<>':
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const type = sharedType([node.left, node.right], columns);
        const order = node.op === '=' || node.op === '<>' ? null : type;
        const left = ordered(print(node.left, type), order);
        const right = ordered(print(node.right, type), order);
        return `(${left} ${node.op} ${right})`;
      }
    }
  };

  const printCall = (node: Extract<Expr, { kind: 'call' }>, want: SqlValueType | null): string => {
    const numbers = node.args.map((arg) => print(arg, 'number'));
    switch (node.name) {
      case 'abs':
      case 'floor':
      case 'ceil':
        return `${node.name}(${numbers[0]})`;
      case 'ln':
        return dialect.ln(numbers[0]);
      case 'exp':
        return dialect.exp(numbers[0]);
      case 'sqrt':
        return dialect.sqrt(numbers[0]);
      case 'power':
        return dialect.power(numbers[0], numbers[1]);
      case 'sign':
        return dialect.sign(numbers[0]);
      case 'round': {
        // The parser admits only a whole-number literal as the places (expression.ts).
        const places = node.args[1];
        return dialect.round(numbers[0], places?.kind === 'number' ? places.value : 0);
      }
      case 'least':
      case 'greatest': {
        const type = sharedType(node.args, columns) ?? want;
        const args = node.args.map((arg) => ordered(print(arg, type), type));
        return dialect.extreme(node.name, args);
      }
      case 'coalesce':
      case 'nullif': {
        const type = sharedType(node.args, columns) ?? want;
        const args = node.args.map((arg) => print(arg, type)).join(', ');
        return `${node.name.toUpperCase()}(${args})`;
      }
    }
  };

  return print(expr, null);
}
