/**
 * Bounded quotes of input in messages: an error that quotes what it met (a codec's parse error,
 * a path the host refuses) stays one short line even when the input is a 50 MB garbage line.
 */

/** Longest excerpt a message quotes: enough to recognise the text. */
export const MAX_QUOTED_CHARS = 200;

/** `text` cut to MAX_QUOTED_CHARS characters (not UTF-16 units: no emoji is split) plus "…". */
export function excerpt(text: string): string {
  const head = Array.from(text.slice(0, 2 * MAX_QUOTED_CHARS));
  if (head.length <= MAX_QUOTED_CHARS && text.length <= 2 * MAX_QUOTED_CHARS) return text;
  return `${head.slice(0, MAX_QUOTED_CHARS).join('')}…`;
}

/** `text` as a JSON string literal, cut as `excerpt` cuts it (the "…" after the quote). */
export function quoteExcerpt(text: string): string {
  const cut = excerpt(text);
  return cut === text ? JSON.stringify(text) : `${JSON.stringify(cut.slice(0, -1))}…`;
}
