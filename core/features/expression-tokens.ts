/**
 * The tokenizer of the portable SQL expression (expression.ts): numbers, 'strings' (a doubled
 * quote inside), "quoted identifiers", bare identifiers and keywords, operators. Every token keeps
 * its offset so a syntax error can point at it.
 */

export type Token =
  | { kind: 'number'; value: number; text: string; start: number }
  | { kind: 'string'; value: string; text: string; start: number }
  /** A bare word: a keyword, a function or a column name; `quoted` words are always names. */
  | { kind: 'word'; value: string; quoted: boolean; text: string; start: number }
  | { kind: 'symbol'; value: Punctuation; text: string; start: number }
  | { kind: 'end'; text: ''; start: number };

export type Punctuation =
  '(' | ')' | ',' | '+' | '-' | '*' | '/' | '=' | '<>' | '<' | '<=' | '>' | '>=';

/** Where in the source a problem is, for `ExpressionSyntaxError`. */
export type SourcePosition = { position: number; line: number; column: number };

export function sourcePosition(source: string, position: number): SourcePosition {
  const before = source.slice(0, position);
  const line = before.split('\n').length;
  return { position, line, column: position - before.lastIndexOf('\n') };
}

/**
 * A malformed expression: `message` says what was expected and what was found, and where
 * (`position` is the 0-based offset, `line` and `column` are 1-based).
 */
export class ExpressionSyntaxError extends Error {
  readonly position: number;
  readonly line: number;
  readonly column: number;
  constructor(source: string, position: number, problem: string) {
    const where = sourcePosition(source, position);
    super(
      `${problem} at line ${where.line}, column ${where.column} of the expression ${JSON.stringify(source)}`,
    );
    this.name = 'ExpressionSyntaxError';
    this.position = where.position;
    this.line = where.line;
    this.column = where.column;
  }
}

const SYMBOLS: readonly Punctuation[] = [
  '<>',
  '<=',
  '>=',
  '(',
  ')',
  ',',
  '+',
  '-',
  '*',
  '/',
  '=',
  '<',
  '>',
];

/** Operators of other SQL dialects that the subset leaves out, with what to write instead. */
const UNSUPPORTED: readonly { text: string; advice: string }[] = [
  { text: '!=', advice: "'!=' is not portable SQL: write '<>'" },
  { text: '::', advice: "casts ('::') are not in the portable subset: values are already doubles" },
  { text: '||', advice: "string concatenation ('||') is not in the portable subset" },
  { text: '%', advice: "'%' is not in the portable subset: write x - floor(x / y) * y" },
  { text: '^', advice: "'^' is not in the portable subset: write power(x, y)" },
];

const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
const WORD = /^[A-Za-z_][A-Za-z0-9_]*/;

function readQuoted(
  source: string,
  start: number,
  quote: "'" | '"',
): { value: string; end: number } {
  let value = '';
  let i = start + 1;
  for (;;) {
    const next = source.indexOf(quote, i);
    if (next < 0) {
      const what = quote === "'" ? 'string' : 'quoted name';
      throw new ExpressionSyntaxError(
        source,
        start,
        `unterminated ${what}: expected a closing ${quote}`,
      );
    }
    value += source.slice(i, next);
    if (source[next + 1] !== quote) return { value, end: next + 1 };
    value += quote;
    i = next + 2;
  }
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const space = /^(?:\s+|--[^\n]*)/.exec(rest);
    if (space !== null) {
      i += space[0].length;
      continue;
    }
    const number = NUMBER.exec(rest);
    if (number !== null) {
      tokens.push({ kind: 'number', value: Number(number[0]), text: number[0], start: i });
      i += number[0].length;
      if (/^[A-Za-z_]/.test(source.slice(i)))
        throw new ExpressionSyntaxError(
          source,
          i,
          `expected an operator or ')' after the number ${number[0]}`,
        );
      continue;
    }
    const word = WORD.exec(rest);
    if (word !== null) {
      tokens.push({ kind: 'word', value: word[0], quoted: false, text: word[0], start: i });
      i += word[0].length;
      continue;
    }
    if (rest[0] === "'" || rest[0] === '"') {
      const quote = rest[0];
      const { value, end } = readQuoted(source, i, quote);
      const text = source.slice(i, end);
      if (quote === "'") tokens.push({ kind: 'string', value, text, start: i });
      else if (value === '')
        throw new ExpressionSyntaxError(
          source,
          i,
          'expected a column name inside the double quotes',
        );
      else tokens.push({ kind: 'word', value, quoted: true, text, start: i });
      i = end;
      continue;
    }
    const unsupported = UNSUPPORTED.find((entry) => rest.startsWith(entry.text));
    if (unsupported !== undefined) throw new ExpressionSyntaxError(source, i, unsupported.advice);
    const symbol = SYMBOLS.find((candidate) => rest.startsWith(candidate));
    if (symbol === undefined)
      throw new ExpressionSyntaxError(source, i, `unexpected character ${JSON.stringify(rest[0])}`);
    tokens.push({ kind: 'symbol', value: symbol, text: symbol, start: i });
    i += symbol.length;
  }
  tokens.push({ kind: 'end', text: '', start: source.length });
  return tokens;
}
