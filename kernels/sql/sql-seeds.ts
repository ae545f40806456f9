/**
 * The seeds a SQL statement sets for DuckDB's sampling and random numbers, so a run can record
 * them (core/notebook/run-record.ts, `SeedUse` of use `sql`):
 *
 *   using sample 10% (bernoulli, 42)          the method's seed
 *   using sample reservoir(50 rows) repeatable (42)
 *   from t tablesample 10% repeatable (42)    `repeatable (N)`, after `using sample` or `tablesample`
 *   select setseed(0.5)                       the seed of random()
 *
 * Found with the tokenizer (sql-tokens.ts), so a string or a comment that spells one is not one.
 * A seed can be a number literal or, in the `sql` template, a value bound as a parameter (`$1`,
 * or the `CAST($1 AS BIGINT)` sql-parameters.ts writes for it).
 */
import type { BoundParameter } from './sql-parameters';
import { tokenizeSql, type SqlToken } from './sql-tokens';

/** A token with the number literals and `$N` parameters that the tokenizer splits made whole. */
type Token =
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'param'; index: number }
  | { kind: 'other' };

const SAMPLE_METHODS = new Set(['bernoulli', 'system', 'reservoir']);

/** The seeds `text` sets, in the order they appear. */
export function sqlSeedsIn(text: string, params: readonly BoundParameter[] | null): number[] {
  const tokens = significantTokens(text);
  const seeds: number[] = [];
  const valueAt = (i: number) => argumentAt(tokens, i, params ?? []);
  for (let i = 0; i < tokens.length; i++) {
    const word = wordAt(tokens, i);
    if ((word === 'repeatable' || word === 'setseed') && isPunct(tokens[i + 1], '(')) {
      // repeatable (N) / setseed(N)
      const argument = valueAt(i + 2);
      if (argument && isPunct(tokens[argument.next], ')')) seeds.push(argument.value);
    } else if (
      isPunct(tokens[i], '(') &&
      SAMPLE_METHODS.has(wordAt(tokens, i + 1)) &&
      isPunct(tokens[i + 2], ',')
    ) {
      // (bernoulli, N): a sample's method with its seed
      const argument = valueAt(i + 3);
      if (argument && isPunct(tokens[argument.next], ')')) seeds.push(argument.value);
    }
  }
  return seeds;
}

/**
 * The number at `tokens[i]`: a literal (with its sign), a parameter, or `cast(<either> as T)`;
 * with the index of the token after it. Null when something else stands there.
 */
function argumentAt(
  tokens: Token[],
  i: number,
  params: readonly BoundParameter[],
): { value: number; next: number } | null {
  if (wordAt(tokens, i) === 'cast' && isPunct(tokens[i + 1], '(')) {
    const inner = argumentAt(tokens, i + 2, params);
    if (!inner || wordAt(tokens, inner.next) !== 'as') return null;
    const close = tokens.findIndex((t, j) => j > inner.next && isPunct(t, ')'));
    return close === -1 ? null : { value: inner.value, next: close + 1 };
  }
  const token = tokens[i];
  const sign = token?.kind === 'punct' && (token.value === '-' || token.value === '+');
  const operand = tokens[sign ? i + 1 : i];
  let value: number | null = null;
  if (operand?.kind === 'number') value = operand.value;
  else if (operand?.kind === 'param') value = numericParam(params[operand.index - 1]);
  if (value === null) return null;
  return { value: sign && token.value === '-' ? -value : value, next: sign ? i + 2 : i + 1 };
}

/** A bound value as a number: sql-parameters.ts sends big integers and NaN as text. */
function numericParam(param: BoundParameter | undefined): number | null {
  if (typeof param === 'number') return param;
  if (typeof param === 'string' && /^-?\d+$/.test(param)) return Number(param);
  return null;
}

function wordAt(tokens: Token[], i: number): string {
  const token = tokens[i];
  return token?.kind === 'word' ? token.value.toLowerCase() : '';
}

function isPunct(token: Token | undefined, value: string): boolean {
  return token?.kind === 'punct' && token.value === value;
}

/**
 * The tokens that are neither space nor comment. The tokenizer gives each digit as punctuation
 * of its own (it needs no numbers), so adjacent digits, a decimal point and an exponent are
 * joined into one number here, and `$` with its digits into a parameter.
 */
function significantTokens(text: string): Token[] {
  const raw = tokenizeSql(text);
  const tokens: Token[] = [];
  let i = 0;
  while (i < raw.length) {
    const token = raw[i];
    const number = numberSpan(text, raw, i);
    if (number) {
      tokens.push({ kind: 'number', value: Number(text.slice(token.start, raw[number - 1].end)) });
      i = number;
      continue;
    }
    if (token.value === '$' && token.kind === 'punct') {
      let digits = i + 1;
      while (isDigitToken(raw[digits]) && raw[digits].start === raw[digits - 1].end) {
        digits++;
      }
      if (digits > i + 1) {
        tokens.push({
          kind: 'param',
          index: Number(text.slice(raw[i + 1].start, raw[digits - 1].end)),
        });
        i = digits;
        continue;
      }
    }
    if (token.kind === 'word' || token.kind === 'punct') {
      tokens.push({ kind: token.kind, value: token.value });
    } else if (token.kind !== 'space' && token.kind !== 'comment') {
      tokens.push({ kind: 'other' });
    }
    i++;
  }
  return tokens;
}

/** A number literal, as DuckDB writes them: `42`, `0.5`, `.5`, `1e-3`. */
const NUMBER_LITERAL = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/;

/**
 * Where the number literal starting at `raw[i]` ends (an index into `raw`), or null: the longest
 * literal spelled by the tokens from `i` on that touch each other, ending where a token ends.
 */
function numberSpan(text: string, raw: SqlToken[], i: number): number | null {
  const first = raw[i];
  if (first.kind !== 'punct' || !(isDigit(first.value) || first.value === '.')) return null;
  let end = i;
  while (
    end < raw.length &&
    (end === i || raw[end].start === raw[end - 1].end) &&
    (raw[end].kind === 'punct'
      ? /^[\d.+-]$/.test(raw[end].value)
      : raw[end].kind === 'word' && /^[eE]\d*$/.test(raw[end].value))
  ) {
    end++;
  }
  const literal = NUMBER_LITERAL.exec(text.slice(first.start, raw[end - 1].end))?.[0];
  if (literal === undefined) return null;
  const stop = first.start + literal.length;
  const after = raw.findIndex((t, j) => j >= i && t.end === stop);
  return after === -1 ? null : after + 1;
}

function isDigitToken(token: SqlToken | undefined): boolean {
  return token?.kind === 'punct' && isDigit(token.value);
}

function isDigit(value: string): boolean {
  return value >= '0' && value <= '9' && value.length === 1;
}
