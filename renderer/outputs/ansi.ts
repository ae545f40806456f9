/**
 * ANSI escape codes in stream and traceback text (coloured logs, Python tracebacks saved by
 * Jupyter) become styled spans. Only the basic 16 colours and bold are kept; every other escape
 * (cursor moves, 256-colour and RGB colours, hyperlinks, titles) is removed so it never shows up
 * as garbage text.
 */

export type AnsiSpan = {
  text: string;
  /** 0–7 normal and 8–15 bright colours; null is the default. */
  fg: number | null;
  bg: number | null;
  bold: boolean;
};

type Style = Omit<AnsiSpan, 'text'>;

// CSI (ESC [ params final), OSC (ESC ] … BEL or ESC \), charset designations (ESC ( B) and
// two-character escapes.
const ESCAPE =
  // eslint-disable-next-line no-control-regex
  /\x1b\[([0-?]*)[ -/]*([@-~])|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[()*+][@-~]|\x1b[@-Z\\-_]?/g;

export function ansiToSpans(input: string): AnsiSpan[] {
  const spans: AnsiSpan[] = [];
  let style: Style = { fg: null, bg: null, bold: false };
  let last = 0;
  const push = (text: string) => {
    if (text === '') return;
    const prev = spans[spans.length - 1];
    if (prev && prev.fg === style.fg && prev.bg === style.bg && prev.bold === style.bold)
      prev.text += text;
    else spans.push({ text, ...style });
  };
  for (const match of input.matchAll(ESCAPE)) {
    push(input.slice(last, match.index));
    last = match.index + match[0].length;
    // Only SGR (`ESC [ … m`) changes the style; other CSI sequences are dropped.
    if (match[2] === 'm') style = applySgr(style, match[1]);
  }
  push(input.slice(last));
  return spans;
}

/** The text without any escape codes (to compare or search traceback lines). */
export function stripAnsi(input: string): string {
  return input.replace(ESCAPE, '');
}

function applySgr(current: Style, params: string): Style {
  const style = { ...current };
  // `ESC[m` is a reset; `:` separates sub-parameters in some terminals' colour forms.
  const codes = params === '' ? [0] : params.split(/[;:]/).map((p) => (p === '' ? 0 : Number(p)));
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code === 0) Object.assign(style, { fg: null, bg: null, bold: false });
    else if (code === 1) style.bold = true;
    else if (code === 22) style.bold = false;
    else if (code >= 30 && code <= 37) style.fg = code - 30;
    else if (code >= 90 && code <= 97) style.fg = code - 90 + 8;
    else if (code === 39) style.fg = null;
    else if (code >= 40 && code <= 47) style.bg = code - 40;
    else if (code >= 100 && code <= 107) style.bg = code - 100 + 8;
    else if (code === 49) style.bg = null;
    else if (code === 38 || code === 48) {
      // Extended colour: `5;n` (256 colours) or `2;r;g;b`. The 16 basic ones of the 256-colour
      // table are kept; any other colour shows as the default (not the previous colour), and
      // its arguments are skipped so they do not read as codes.
      const key = code === 38 ? 'fg' : 'bg';
      const mode = codes[i + 1];
      const n = codes[i + 2];
      style[key] = mode === 5 && n !== undefined && n < 16 ? n : null;
      i += mode === 5 ? 2 : mode === 2 ? 4 : 1;
    }
  }
  return style;
}
