/**
 * Math in markdown is cut out before `marked` sees it: markdown would otherwise read `a_1 * b_2`
 * inside `$…$` as emphasis and mangle the TeX. Code is left alone, so `$` in a code span or a
 * fenced block stays a dollar sign.
 *
 * Delimiters follow Jupyter/pandoc: `$$…$$` is display math (may span lines); `$…$` is inline
 * when the opening `$` is not followed by a space, the closing one is not preceded by a space nor
 * followed by a digit, and no blank line lies between them ("costs $5 and $10" stays text).
 * `\$` is a literal dollar.
 */

export type MathPart =
  { kind: 'text'; text: string } | { kind: 'math'; tex: string; display: boolean };

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/;

export function splitMath(source: string): MathPart[] {
  const parts: MathPart[] = [];
  let text = '';
  const flushText = () => {
    if (text !== '') parts.push({ kind: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const atLineStart = i === 0 || source[i - 1] === '\n';
    const fence = atLineStart ? FENCE_OPEN.exec(source.slice(i, i + 64)) : null;
    if (fence) {
      const end = fenceEnd(source, i, fence[1]);
      text += source.slice(i, end);
      i = end;
      continue;
    }
    const ch = source[i];
    if (ch === '\\' && source[i + 1] === '$') {
      text += '\\$';
      i += 2;
      continue;
    }
    if (ch === '`') {
      const end = codeSpanEnd(source, i);
      text += source.slice(i, end);
      i = end;
      continue;
    }
    if (ch === '$') {
      const math = source[i + 1] === '$' ? displayMath(source, i) : inlineMath(source, i);
      if (math) {
        flushText();
        parts.push({ kind: 'math', tex: math.tex, display: math.display });
        i = math.end;
        continue;
      }
    }
    text += ch;
    i++;
  }
  flushText();
  return parts;
}

/** End of a fenced code block opened at `start`: after its closing fence, or the source end. */
function fenceEnd(source: string, start: number, opener: string): number {
  const close = new RegExp(`^ {0,3}${opener[0] === '`' ? '`' : '~'}{${opener.length},}[ \\t]*$`);
  let lineEnd = source.indexOf('\n', start);
  while (lineEnd !== -1) {
    const next = source.indexOf('\n', lineEnd + 1);
    const line = source.slice(lineEnd + 1, next === -1 ? source.length : next);
    if (close.test(line)) return next === -1 ? source.length : next + 1;
    lineEnd = next;
  }
  return source.length;
}

/** End of a code span opened by the backtick run at `start` (CommonMark: a run of equal length). */
function codeSpanEnd(source: string, start: number): number {
  let run = 0;
  while (source[start + run] === '`') run++;
  let j = start + run;
  while (j < source.length) {
    const next = source.indexOf('`', j);
    if (next === -1) break;
    let len = 0;
    while (source[next + len] === '`') len++;
    if (len === run) return next + len;
    j = next + len;
  }
  // No closing run: the backticks are literal text.
  return start + run;
}

type Found = { tex: string; display: boolean; end: number };

function displayMath(source: string, start: number): Found | null {
  let j = start + 2;
  while (j < source.length) {
    const close = source.indexOf('$$', j);
    if (close === -1) return null;
    if (source[close - 1] !== '\\') {
      const tex = source.slice(start + 2, close);
      return tex.trim() === '' ? null : { tex: tex.trim(), display: true, end: close + 2 };
    }
    j = close + 2;
  }
  return null;
}

function inlineMath(source: string, start: number): Found | null {
  const first = source[start + 1];
  if (first === undefined || /\s/.test(first)) return null;
  for (let j = start + 1; j < source.length; j++) {
    const ch = source[j];
    if (ch === '\\') {
      j++; // an escaped character, `\$` included, never closes
      continue;
    }
    if (ch === '\n' && /^\n[ \t]*\n/.test(source.slice(j, j + 64))) return null;
    if (ch !== '$') continue;
    if (/\s/.test(source[j - 1]) || /\d/.test(source[j + 1] ?? '')) continue;
    return { tex: source.slice(start + 1, j), display: false, end: j + 1 };
  }
  return null;
}
