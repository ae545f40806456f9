/** The columns a portable expression (expression-ast.ts) reads: what a step depends on. */
import type { Expr } from './expression-ast';

/** The distinct column names an expression reads, in the order they first appear. */
export function expressionColumns(expr: Expr): string[] {
  const names = new Set<string>();
  const visit = (node: Expr): void => {
    switch (node.kind) {
      case 'number':
      case 'string':
      case 'boolean':
      case 'null':
        return;
      case 'column':
        names.add(node.name);
        return;
      case 'unary':
      case 'isNull':
        visit(node.operand);
        return;
      case 'binary':
        visit(node.left);
        visit(node.right);
        return;
      case 'in':
        visit(node.operand);
        node.values.forEach(visit);
        return;
      case 'between':
        visit(node.operand);
        visit(node.low);
        visit(node.high);
        return;
      case 'case':
        for (const { when, then } of node.whens) {
          visit(when);
          visit(then);
        }
        if (node.otherwise !== null) visit(node.otherwise);
        return;
      case 'call':
        node.args.forEach(visit);
        return;
    }
  };
  visit(expr);
  return [...names];
}
