/**
 * The parser of the portable SQL expression of an `expression` step (pipeline-spec.ts) into its
 * syntax tree (expression-ast.ts). The subset is what DuckDB and PostgreSQL (and the warehouses
 * after them) read alike: arithmetic, comparisons, AND/OR/NOT, IS [NOT] NULL, [NOT] IN,
 * [NOT] BETWEEN, CASE, and the functions of expression-functions.ts.
 *
 * Precedence, loosest first: OR; AND; NOT; a comparison, BETWEEN or IN (comparisons do not chain:
 * `a < b < c` is refused, as it means different things in different engines), then any
 * IS [NOT] NULL on its result; + and −; * and /; unary minus. The printers parenthesise every
 * node, so this parse is the one meaning of the text.
 *
 * Names: an unquoted name is a column exactly as written (case kept: the printers quote every
 * name); "double quotes" name a column with spaces or symbols, or one called like a keyword.
 * Keywords and function names are case-insensitive. `--` starts a comment to the end of the line.
 */
import type { BinaryOperator, Expr } from './expression-ast';
import { FUNCTION_ARITY, isFunctionName, ROUND_DIGITS_LIMIT } from './expression-functions';
import { ExpressionSyntaxError, tokenize, type Punctuation, type Token } from './expression-tokens';

export { ExpressionSyntaxError } from './expression-tokens';
export { expressionColumns } from './expression-columns';

const KEYWORDS = new Set([
  'and',
  'or',
  'not',
  'is',
  'null',
  'true',
  'false',
  'in',
  'between',
  'case',
  'when',
  'then',
  'else',
  'end',
]);

const COMPARISONS: Partial<Record<Punctuation, BinaryOperator>> = {
  '=': '=',
  '<>': '<>',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
};

function describe(token: Token): string {
  switch (token.kind) {
    case 'end':
      return 'the end of the expression';
    case 'number':
      return `the number ${token.text}`;
    case 'string':
      return `the string ${token.text}`;
    case 'word':
      return token.quoted ? `the name ${token.text}` : `'${token.text}'`;
    case 'symbol':
      return `'${token.text}'`;
  }
}

class Parser {
  private index = 0;
  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  private get token(): Token {
    return this.tokens[this.index];
  }

  private atEnd(): boolean {
    return this.token.kind === 'end';
  }

  private fail(token: Token, expected: string): never {
    throw new ExpressionSyntaxError(
      this.source,
      token.start,
      `expected ${expected}, found ${describe(token)}`,
    );
  }

  private isKeyword(token: Token, keyword: string): boolean {
    return token.kind === 'word' && !token.quoted && token.value.toLowerCase() === keyword;
  }

  /** Consumes the keyword if it is next. */
  private keyword(keyword: string): boolean {
    if (!this.isKeyword(this.token, keyword)) return false;
    this.index++;
    return true;
  }

  private expectKeyword(keyword: string, context: string): void {
    if (!this.keyword(keyword)) this.fail(this.token, `${keyword.toUpperCase()} ${context}`);
  }

  private symbol(value: Punctuation): boolean {
    const token = this.token;
    if (token.kind !== 'symbol' || token.value !== value) return false;
    this.index++;
    return true;
  }

  private expectSymbol(value: Punctuation, context: string): void {
    if (!this.symbol(value)) this.fail(this.token, `'${value}' ${context}`);
  }

  parseAll(): Expr {
    const expr = this.parseOr();
    if (!this.atEnd()) this.fail(this.token, 'an operator or the end of the expression');
    return expr;
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.keyword('or')) left = { kind: 'binary', op: 'or', left, right: this.parseAnd() };
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.keyword('and')) left = { kind: 'binary', op: 'and', left, right: this.parseNot() };
    return left;
  }

  private parseNot(): Expr {
    if (this.keyword('not')) return { kind: 'unary', op: 'not', operand: this.parseNot() };
    return this.parsePredicate();
  }

  private comparisonAhead(): BinaryOperator | undefined {
    const token = this.token;
    return token.kind === 'symbol' ? COMPARISONS[token.value] : undefined;
  }

  private parsePredicate(): Expr {
    const operand = this.parseAdditive();
    let expr = this.parseComparisonTail(operand);
    while (this.isKeyword(this.token, 'is')) {
      this.index++;
      const negated = this.keyword('not');
      this.expectKeyword('null', negated ? 'after IS NOT' : 'or NOT NULL after IS');
      expr = { kind: 'isNull', operand: expr, negated };
    }
    const chained = this.token;
    if (
      this.comparisonAhead() !== undefined ||
      this.isKeyword(chained, 'between') ||
      this.isKeyword(chained, 'in')
    )
      throw new ExpressionSyntaxError(
        this.source,
        chained.start,
        `comparisons do not chain: put the first one in parentheses, or join them with AND (found ${describe(chained)})`,
      );
    return expr;
  }

  private parseComparisonTail(operand: Expr): Expr {
    const op = this.comparisonAhead();
    if (op !== undefined) {
      this.index++;
      return { kind: 'binary', op, left: operand, right: this.parseOperand(`after '${op}'`) };
    }
    const negated =
      this.isKeyword(this.token, 'not') &&
      (this.isKeyword(this.tokens[this.index + 1], 'between') ||
        this.isKeyword(this.tokens[this.index + 1], 'in'));
    if (negated) this.index++;
    if (this.keyword('between')) {
      const low = this.parseOperand('after BETWEEN');
      this.expectKeyword('and', 'between the two bounds of BETWEEN');
      const high = this.parseOperand('after BETWEEN … AND');
      return { kind: 'between', operand, low, high, negated };
    }
    if (this.keyword('in')) {
      this.expectSymbol('(', 'to open the list after IN');
      const values = this.parseList(')', 'a value of the IN list');
      return { kind: 'in', operand, values, negated };
    }
    return operand;
  }

  /** An operand of a comparison: an arithmetic expression, never a bare keyword like AND. */
  private parseOperand(context: string): Expr {
    if (this.isKeyword(this.token, 'not'))
      this.fail(
        this.token,
        `an expression ${context} (put NOT and what it negates in parentheses)`,
      );
    return this.startsExpression()
      ? this.parseAdditive()
      : this.fail(this.token, `an expression ${context}`);
  }

  private startsExpression(): boolean {
    const token = this.token;
    switch (token.kind) {
      case 'end':
        return false;
      case 'number':
      case 'string':
        return true;
      case 'word':
        return (
          token.quoted ||
          !KEYWORDS.has(token.value.toLowerCase()) ||
          ['null', 'true', 'false', 'case', 'not'].includes(token.value.toLowerCase())
        );
      case 'symbol':
        return token.value === '(' || token.value === '-' || token.value === '+';
    }
  }

  /** Comma-separated expressions up to `close` (the opening symbol already consumed). */
  private parseList(close: Punctuation, what: string): Expr[] {
    const items: Expr[] = [];
    do {
      if (!this.startsExpression()) this.fail(this.token, what);
      items.push(this.parseOr());
    } while (this.symbol(','));
    this.expectSymbol(close, `or ',' after ${what}`);
    return items;
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    for (;;) {
      const op = this.symbol('+') ? '+' : this.symbol('-') ? '-' : null;
      if (op === null) return left;
      left = { kind: 'binary', op, left, right: this.parseMultiplicative() };
    }
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    for (;;) {
      const op = this.symbol('*') ? '*' : this.symbol('/') ? '/' : null;
      if (op === null) return left;
      left = { kind: 'binary', op, left, right: this.parseUnary() };
    }
  }

  private parseUnary(): Expr {
    if (this.symbol('-')) {
      const operand = this.parseUnary();
      // A negative literal stays a literal: "-1" is the number −1 to every reader.
      return operand.kind === 'number'
        ? { kind: 'number', value: -operand.value }
        : { kind: 'unary', op: '-', operand };
    }
    if (this.symbol('+')) return this.parseUnary();
    return this.parsePrimary();
  }

  private parsePrimary(): Expr {
    const token = this.token;
    switch (token.kind) {
      case 'number':
        this.index++;
        return { kind: 'number', value: token.value };
      case 'string':
        this.index++;
        return { kind: 'string', value: token.value };
      case 'symbol':
        if (token.value !== '(') return this.fail(token, 'an expression');
        this.index++;
        return this.parseParenthesised(token);
      case 'end':
        return this.fail(token, 'an expression');
      case 'word':
        return this.parseWord(token);
    }
  }

  private parseParenthesised(open: Token): Expr {
    if (!this.startsExpression()) this.fail(this.token, "an expression after '('");
    const inner = this.parseOr();
    if (!this.symbol(')'))
      this.fail(this.token, `')' to close the '(' at column ${open.start + 1}, or an operator`);
    return inner;
  }

  private parseWord(token: Extract<Token, { kind: 'word' }>): Expr {
    this.index++;
    if (token.quoted) return { kind: 'column', name: token.value };
    const lower = token.value.toLowerCase();
    switch (lower) {
      case 'null':
        return { kind: 'null' };
      case 'true':
        return { kind: 'boolean', value: true };
      case 'false':
        return { kind: 'boolean', value: false };
      case 'case':
        return this.parseCase(token);
    }
    if (KEYWORDS.has(lower)) {
      this.index--;
      return this.fail(token, 'an expression (quote a column named like a keyword: "end")');
    }
    if (!this.symbol('(')) return { kind: 'column', name: token.value };
    return this.parseCall(token, lower);
  }

  private parseCall(token: Token, lower: string): Expr {
    if (!isFunctionName(lower)) {
      const known = Object.keys(FUNCTION_ARITY).join(', ');
      throw new ExpressionSyntaxError(
        this.source,
        token.start,
        `unknown function '${token.text}': the portable subset has ${known}`,
      );
    }
    const args = this.token.kind === 'symbol' && this.token.value === ')' ? [] : null;
    if (args !== null) this.index++;
    const parsed = args ?? this.parseList(')', `an argument of ${lower}()`);
    const { min, max } = FUNCTION_ARITY[lower];
    if (parsed.length < min || (max !== null && parsed.length > max)) {
      const wanted = max === null ? `at least ${min}` : min === max ? `${min}` : `${min} or ${max}`;
      throw new ExpressionSyntaxError(
        this.source,
        token.start,
        `${lower}() takes ${wanted} argument${wanted.endsWith(' 1') || wanted === '1' ? '' : 's'}, found ${parsed.length}`,
      );
    }
    if (lower === 'round' && parsed.length === 2) {
      const digits = parsed[1];
      if (
        digits.kind !== 'number' ||
        !Number.isInteger(digits.value) ||
        Math.abs(digits.value) > ROUND_DIGITS_LIMIT
      )
        throw new ExpressionSyntaxError(
          this.source,
          token.start,
          `round(x, d) takes d as a whole number of decimal places from -${ROUND_DIGITS_LIMIT} to ${ROUND_DIGITS_LIMIT}, written as a number such as 2`,
        );
    }
    return { kind: 'call', name: lower, args: parsed };
  }

  /** CASE WHEN … THEN … [ELSE …] END, or the simple CASE x WHEN v THEN …, read as x = v. */
  private parseCase(start: Token): Expr {
    const subject = this.isKeyword(this.token, 'when') ? null : this.parseOperand('after CASE');
    const whens: { when: Expr; then: Expr }[] = [];
    while (this.keyword('when')) {
      if (!this.startsExpression()) this.fail(this.token, 'a condition after WHEN');
      const condition = this.parseOr();
      const when: Expr =
        subject === null ? condition : { kind: 'binary', op: '=', left: subject, right: condition };
      this.expectKeyword('then', 'after the condition of WHEN');
      if (!this.startsExpression()) this.fail(this.token, 'a value after THEN');
      whens.push({ when, then: this.parseOr() });
    }
    if (whens.length === 0) this.fail(this.token, `WHEN after CASE (at column ${start.start + 1})`);
    let otherwise: Expr | null = null;
    if (this.keyword('else')) {
      if (!this.startsExpression()) this.fail(this.token, 'a value after ELSE');
      otherwise = this.parseOr();
    }
    if (!this.keyword('end'))
      this.fail(this.token, `WHEN, ELSE or END to finish the CASE at column ${start.start + 1}`);
    return { kind: 'case', whens, otherwise };
  }
}

/** Parses `sql`, or throws an `ExpressionSyntaxError` that says what was expected where. */
export function parseExpression(sql: string): Expr {
  return new Parser(sql, tokenize(sql)).parseAll();
}
