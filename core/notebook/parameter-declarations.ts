/**
 * The parameters a parameters cell declares: its top-level `const|let|var NAME[: TYPE] = …`
 * declarations (several per statement, several per line, with or without semicolons), each
 * with its default when the initialiser is a literal: a number, a BigInt, a string or a template
 * without `${`, true/false, null, or an object or list of those in JSON-ish form (unquoted keys,
 * single quotes, trailing commas, `as const`). Any other initialiser, or none, declares a
 * parameter of type `unknown` with no default: the app's form cannot type it and offers
 * JSON-or-text, and `quarry run -p` injects it like any other.
 */
import { tokenize, type Token } from './parameter-tokens';
import {
  objectTree,
  valueOfTree,
  type LiteralTree,
  type ParameterType,
  type ParameterValue,
} from './parameter-value';

export type DeclaredParameter = {
  name: string;
  type: ParameterType;
  /** The default's value; null when the initialiser is not a literal (type `unknown`). */
  default: ParameterValue | null;
  /** 1-based line of the name in the cell. */
  line: number;
};

const DECLARES = new Set(['const', 'let', 'var']);

/** Tokens a line break cannot end a statement before (the expression goes on). */
const CONTINUES_NEXT = new Set(['.', '?.', '?', ':', '=', '==', '===', '!=', '!==', '=>', ',']);
for (const op of ['+', '-', '*', '/', '%', '&', '|', '^', '<', '>', '(', '[', '`']) {
  CONTINUES_NEXT.add(op);
}
const CONTINUING_WORDS = new Set(['as', 'satisfies', 'in', 'instanceof']);

/**
 * One parameter per name, in the order of first declaration, with the last declaration's
 * default (the one in effect when the cell has run).
 */
export function declaredParameters(source: string): DeclaredParameter[] {
  const reader = new DeclarationReader(tokenize(source));
  const byName = new Map<string, DeclaredParameter>();
  for (const declared of reader.read()) byName.set(declared.name, declared);
  return [...byName.values()];
}

type Literal = { tree: LiteralTree; type: ParameterType };

class DeclarationReader {
  private at = 0;

  constructor(private readonly tokens: Token[]) {}

  *read(): Generator<DeclaredParameter> {
    let depth = 0;
    while (this.at < this.tokens.length) {
      const token = this.peek();
      if (depth === 0 && this.isDeclarationStart()) {
        this.at++;
        yield* this.declarators();
        continue;
      }
      if (token?.kind === 'punct') depth += nesting(token.text);
      this.at++;
    }
  }

  private peek(offset = 0): Token | undefined {
    return this.tokens[this.at + offset];
  }

  private isDeclarationStart(): boolean {
    const token = this.peek();
    const next = this.peek(1);
    if (token?.kind !== 'name' || !DECLARES.has(token.text)) return false;
    if (next === undefined || (next.kind === 'name' && next.text === 'enum')) return false;
    if (next.kind === 'punct' && !'{['.includes(next.text)) return false; // `let = 1`, `var.x`
    const previous = this.peek(-1);
    return (
      previous === undefined ||
      token.newlineBefore ||
      (previous.kind === 'punct' && (previous.text === ';' || previous.text === '}'))
    );
  }

  /** `NAME[!][: TYPE][ = INIT]`, separated by commas, up to the statement's end. */
  private *declarators(): Generator<DeclaredParameter> {
    for (;;) {
      const name = this.peek();
      if (name?.kind !== 'name') {
        this.skipExpression(); // a destructuring pattern binds no parameter
      } else {
        this.at++;
        if (this.isPunct('!')) this.at++;
        if (this.isPunct(':')) {
          this.at++;
          this.skipExpression(true);
        }
        let literal: Literal | null = null;
        if (this.isPunct('=')) {
          this.at++;
          literal = this.initialiser();
        }
        yield {
          name: name.text,
          type: literal?.type ?? 'unknown',
          default: literal === null ? null : valueOfTree(literal.tree),
          line: name.line,
        };
      }
      if (!this.isPunct(',')) return;
      this.at++;
    }
  }

  /** A literal initialiser, or null (skipping the expression) when it is anything else. */
  private initialiser(): Literal | null {
    const start = this.at;
    const literal = this.literal();
    if (literal !== null) {
      const next = this.peek();
      if (next?.kind === 'name' && (next.text === 'as' || next.text === 'satisfies')) {
        this.at++;
        this.skipExpression(true);
      }
      if (this.atExpressionEnd()) return literal;
    }
    this.at = start;
    this.skipExpression();
    return null;
  }

  private isPunct(text: string): boolean {
    const token = this.peek();
    return token?.kind === 'punct' && token.text === text;
  }

  /** At `;`, `,` or a closing bracket, the end of the cell, or a line break that ends it. */
  private atExpressionEnd(): boolean {
    const token = this.peek();
    if (token === undefined) return true;
    if (token.kind === 'punct' && ';,)]}'.includes(token.text)) return true;
    return token.newlineBefore && !this.continuesAcrossLine();
  }

  private continuesAcrossLine(): boolean {
    const previous = this.peek(-1);
    const token = this.peek();
    if (previous?.kind === 'punct' && !')]}'.includes(previous.text)) return true;
    if (token?.kind === 'template') return true;
    if (token?.kind === 'punct') return CONTINUES_NEXT.has(token.text);
    return token?.kind === 'name' && CONTINUING_WORDS.has(token.text);
  }

  /**
   * Skips an expression (or, for a type, up to its `=` too) to the end of the declarator,
   * stepping over brackets (and angle brackets in a type).
   */
  private skipExpression(type = false): void {
    let depth = 0;
    while (this.at < this.tokens.length) {
      const token = this.peek();
      if (depth === 0 && this.atExpressionEnd()) return;
      if (depth === 0 && type && this.isPunct('=')) return;
      if (token?.kind === 'punct') {
        depth += nesting(token.text) + (type ? angleNesting(token.text) : 0);
        if (depth < 0) return;
      }
      this.at++;
    }
  }

  private literal(): Literal | null {
    const token = this.peek();
    if (token === undefined) return null;
    this.at++;
    switch (token.kind) {
      case 'number':
        return numberLiteral(token.text, false);
      case 'string':
      case 'template':
        return typeof token.cooked === 'string'
          ? { tree: { kind: 'string', value: token.cooked }, type: 'string' }
          : null;
      case 'name':
        return KEYWORD_LITERALS.get(token.text) ?? null;
      case 'punct':
        switch (token.text) {
          case '-': {
            const number = this.peek();
            this.at++;
            return number?.kind === 'number' ? numberLiteral(number.text, true) : null;
          }
          case '[':
            return this.list();
          case '{':
            return this.object();
          default:
            return null;
        }
    }
  }

  private list(): Literal | null {
    const items: LiteralTree[] = [];
    while (!this.isPunct(']')) {
      const item = this.literal();
      if (item === null) return null;
      items.push(item.tree);
      if (this.isPunct(',')) this.at++;
      else if (!this.isPunct(']')) return null;
    }
    this.at++;
    return { tree: { kind: 'array', items }, type: 'json' };
  }

  private object(): Literal | null {
    const pairs: [string, LiteralTree][] = [];
    while (!this.isPunct('}')) {
      const key = this.peek();
      this.at++;
      const name = key === undefined ? null : propertyName(key);
      if (name === null || !this.isPunct(':')) return null;
      this.at++;
      const value = this.literal();
      if (value === null) return null;
      pairs.push([name, value.tree]);
      if (this.isPunct(',')) this.at++;
      else if (!this.isPunct('}')) return null;
    }
    this.at++;
    return { tree: objectTree(pairs), type: 'json' };
  }
}

const KEYWORD_LITERALS = new Map<string, Literal>([
  ['true', { tree: { kind: 'boolean', value: true }, type: 'boolean' }],
  ['false', { tree: { kind: 'boolean', value: false }, type: 'boolean' }],
  ['null', { tree: { kind: 'null' }, type: 'null' }],
]);

function nesting(punct: string): number {
  if (punct === '(' || punct === '[' || punct === '{') return 1;
  if (punct === ')' || punct === ']' || punct === '}') return -1;
  return 0;
}

function angleNesting(punct: string): number {
  if (punct === '<') return 1;
  if (punct === '>') return -1;
  return 0;
}

/**
 * A property key as the object literal stores it; null for what is not a plain key, and for
 * `__proto__`, which in a literal sets the prototype instead of making a property.
 */
function propertyName(token: Token): string | null {
  const name = plainPropertyName(token);
  return name === '__proto__' ? null : name;
}

function plainPropertyName(token: Token): string | null {
  switch (token.kind) {
    case 'name':
      return token.text;
    case 'string':
      return typeof token.cooked === 'string' ? token.cooked : null;
    case 'number': {
      const literal = numberLiteral(token.text, false);
      return literal?.tree.kind === 'number' ? String(literal.tree.value) : null;
    }
    case 'template':
    case 'punct':
      return null;
  }
}

/**
 * A numeric literal's value: `123n` a bigint (its canonical digits), anything else the double
 * the language reads; null for what strict code refuses (`017`, `1.5n`).
 */
function numberLiteral(text: string, negative: boolean): Literal | null {
  const plain = text.replace(/_/g, '');
  if (/^0\d/.test(plain) && !/[.eE]/.test(plain)) return null; // a legacy octal
  if (plain.endsWith('n')) {
    if (/^(?:\d+|0[xX][\da-fA-F]+|0[oO][0-7]+|0[bB][01]+)n$/.test(plain) === false) return null;
    const value = BigInt(plain.slice(0, -1));
    return {
      tree: { kind: 'bigint', digits: (negative ? -value : value).toString() },
      type: 'bigint',
    };
  }
  const magnitude = Number(plain);
  if (Number.isNaN(magnitude)) return null;
  const value = negative ? -magnitude : magnitude;
  const written = /^0[xXoObB]/.test(plain) || /^\d+$/.test(plain);
  return {
    tree: { kind: 'number', value },
    type: written && Number.isSafeInteger(value) ? 'integer' : 'number',
  };
}
