/**
 * A small TypeScript tokenizer, enough to read a parameters cell's top-level declarations
 * without the TypeScript compiler (core/ loads no big library, and the app's form must not wait
 * for one). It knows what can hide a `;`, a brace or a `const` from a plain scan: comments,
 * strings, template literals with their `${…}` parts, and regular expressions. Operators come
 * out one character at a time except those that contain `=` (so `=` alone is an assignment).
 */

export type Token = {
  kind: 'name' | 'number' | 'string' | 'template' | 'punct';
  text: string;
  /**
   * A string's or a substitution-free template's value, null when it has no literal value (an
   * octal escape, a template with `${…}`); undefined for other kinds.
   */
  cooked?: string | null;
  /** 1-based line of the token's first character. */
  line: number;
  /** Whether a line break comes between this token and the previous one (for ASI). */
  newlineBefore: boolean;
};

const NAME = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/uy;
const NUMBER =
  /(?:0[xX][\da-fA-F_]+|0[oO][0-7_]+|0[bB][01_]+|(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d[\d_]*)?)n?/y;
const PUNCT = /=>|===?|!==?|[-+*/%&|^<>?]=|\.\.\.|[^\s\p{ID_Continue}$]/uy;
const REGEX = /\/(?:[^\\/[\r\n]|\\.|\[(?:[^\]\\\r\n]|\\.)*\])+\/[\p{ID_Continue}$]*/uy;
const LINE_BREAK = /\r\n?|[\n\u2028\u2029]/g;
const QUOTED = {
  "'": /'(?:[^'\\\r\n]|\\(?:\r\n|[^]))*'/y,
  '"': /"(?:[^"\\\r\n]|\\(?:\r\n|[^]))*"/y,
};

/** After these, a `/` starts a regular expression rather than dividing. */
const BEFORE_EXPRESSION = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new']);
for (const word of ['delete', 'void', 'throw', 'instanceof', 'yield', 'await']) {
  BEFORE_EXPRESSION.add(word);
}

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  let newlineBefore = false;

  const take = (pattern: RegExp): string | null => {
    pattern.lastIndex = pos;
    const found = pattern.exec(source)?.[0] ?? null;
    return found === null || found === '' ? null : found;
  };
  const advance = (text: string): void => {
    const breaks = text.match(LINE_BREAK)?.length ?? 0;
    if (breaks > 0) newlineBefore = true;
    line += breaks;
    pos += text.length;
  };
  const push = (kind: Token['kind'], text: string, cooked?: string | null): void => {
    tokens.push({ kind, text, cooked, line, newlineBefore });
    newlineBefore = false;
    advance(text);
    newlineBefore = false;
  };
  const regexAllowed = (): boolean => {
    const previous = tokens.at(-1);
    if (previous === undefined) return true;
    if (previous.kind === 'punct') return !')]}'.includes(previous.text);
    return previous.kind === 'name' && BEFORE_EXPRESSION.has(previous.text);
  };

  while (pos < source.length) {
    const char = source[pos] ?? '';
    const rest = source.slice(pos, pos + 2);
    // A run of white space is taken whole, so CRLF counts as one line break.
    if (/\s/.test(char)) advance(take(/\s+/y) ?? char);
    else if (rest === '//') advance(take(/\/\/[^\r\n\u2028\u2029]*/y) ?? rest);
    else if (rest === '/*') advance(take(/\/\*[^]*?(?:\*\/|$)/y) ?? rest);
    else if (char === "'" || char === '"') {
      const text = take(QUOTED[char]);
      if (text === null) push('punct', char);
      else push('string', text, cookString(text.slice(1, -1), false));
    } else if (char === '`') {
      const { end, closed } = templateEnd(source, pos);
      const text = source.slice(pos, end);
      const body = text.slice(1, -1);
      push('template', text, closed && !hasSubstitution(body) ? cookString(body, true) : null);
    } else if (char === '/' && regexAllowed() && take(REGEX) !== null) {
      push('punct', take(REGEX) ?? char);
    } else {
      const number = /[\d.]/.test(char) ? take(NUMBER) : null;
      if (number !== null) push('number', number);
      else {
        const name = take(NAME);
        if (name !== null) push('name', name);
        else push('punct', take(PUNCT) ?? char);
      }
    }
  }
  return tokens;
}

/**
 * Where the template literal starting at `start` ends: after its closing backtick, or at the end
 * of the source when it is not closed. A `${…}` part is skipped by matching its braces, stepping
 * over the strings and templates inside it.
 */
function templateEnd(source: string, start: number): { end: number; closed: boolean } {
  let pos = start + 1;
  while (pos < source.length) {
    const char = source[pos];
    if (char === '\\') pos += 2;
    else if (char === '`') return { end: pos + 1, closed: true };
    else if (char === '$' && source[pos + 1] === '{') pos = substitutionEnd(source, pos + 2);
    else pos++;
  }
  return { end: source.length, closed: false };
}

/** The position after the `}` closing a `${` whose inside starts at `start`. */
function substitutionEnd(source: string, start: number): number {
  let depth = 0;
  let pos = start;
  while (pos < source.length) {
    const char = source[pos];
    if (char === '`') pos = templateEnd(source, pos).end;
    else if (char === "'" || char === '"') {
      const quoted = QUOTED[char];
      quoted.lastIndex = pos;
      pos += quoted.exec(source)?.[0].length ?? 1;
    } else if (char === '{') {
      depth++;
      pos++;
    } else if (char === '}') {
      if (depth === 0) return pos + 1;
      depth--;
      pos++;
    } else pos++;
  }
  return source.length;
}

/** Whether a template's body has a `${` that is not escaped (`\${` is two plain characters). */
function hasSubstitution(body: string): boolean {
  for (let pos = 0; pos < body.length; pos++) {
    if (body[pos] === '\\') pos++;
    else if (body[pos] === '$' && body[pos + 1] === '{') return true;
  }
  return false;
}

const SINGLE_ESCAPES: Record<string, string> = {
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
  '0': '\0',
};

const ESCAPE = /\\(?:u\{([\da-fA-F]+)\}|u([\da-fA-F]{4})|x([\da-fA-F]{2})|(\r\n|[^]))/g;

/**
 * A string literal's value from the text between its quotes; null when it has an escape strict
 * code refuses (octal `\1`, `\08`, `\8`) or a malformed one. In a template, CR and CRLF line
 * breaks are read as LF, as the language does.
 */
export function cookString(body: string, template: boolean): string | null {
  const text = template ? body.replace(/\r\n?/g, '\n') : body;
  let valid = true;
  const cook = (
    _escape: string,
    braced: string | undefined,
    hex4: string | undefined,
    hex2: string | undefined,
    other: string | undefined,
    at: number,
  ): string => {
    const code = braced ?? hex4 ?? hex2;
    if (code !== undefined) {
      const point = parseInt(code, 16);
      if (point > 0x10ffff) valid = false;
      return valid ? String.fromCodePoint(point) : '';
    }
    const char = other ?? '';
    if (/^(?:\r\n|[\r\n\u2028\u2029])$/.test(char)) return '';
    if (char === '0' && /\d/.test(text[at + 2] ?? '')) valid = false;
    else if (/[1-9]/.test(char) || char === 'u' || char === 'x') valid = false;
    return SINGLE_ESCAPES[char] ?? char;
  };
  const cooked = text.replace(ESCAPE, cook);
  return valid ? cooked : null;
}
