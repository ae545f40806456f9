/**
 * A small SQL tokenizer: enough to find string literals, words and parentheses without being
 * fooled by comments, quoted identifiers or quotes inside strings. Not a parser.
 */
export type SqlToken = {
  kind: 'string' | 'identifier' | 'word' | 'punct' | 'comment' | 'space';
  start: number;
  end: number;
  /** A string literal's value (quotes removed, `''` unescaped) or a word's text. */
  value: string;
};

export function tokenizeSql(text: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  const push = (kind: SqlToken['kind'], end: number, value = text.slice(i, end)) => {
    tokens.push({ kind, start: i, end, value });
    i = end;
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === "'" || ch === '"') {
      const end = closingQuote(text, i, ch);
      push(
        ch === "'" ? 'string' : 'identifier',
        end,
        text.slice(i + 1, end - 1).replaceAll(ch + ch, ch),
      );
    } else if (ch === '-' && text[i + 1] === '-') {
      const newline = text.indexOf('\n', i);
      push('comment', newline === -1 ? text.length : newline);
    } else if (ch === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      push('comment', close === -1 ? text.length : close + 2);
    } else if (/\s/.test(ch)) {
      push(
        'space',
        spanWhile(text, i, (c) => /\s/.test(c)),
      );
    } else if (/[A-Za-z_]/.test(ch)) {
      push(
        'word',
        spanWhile(text, i, (c) => /[\w$]/.test(c)),
      );
    } else {
      push('punct', i + 1);
    }
  }
  return tokens;
}

function closingQuote(text: string, open: number, quote: string): number {
  let i = open + 1;
  while (i < text.length) {
    if (text[i] === quote) {
      if (text[i + 1] !== quote) return i + 1;
      i += 2;
    } else i++;
  }
  return text.length;
}

function spanWhile(text: string, from: number, test: (ch: string) => boolean): number {
  let i = from;
  while (i < text.length && test(text[i])) i++;
  return i;
}
