/**
 * Multi-line strings as nbformat stores them: a file may hold a string or a list of lines; in
 * memory the text is joined, and the writer splits it again exactly as nbformat's `split_lines`
 * does, with Python's `str.splitlines(True)`, so our files match JupyterLab's byte for byte.
 */

/**
 * The line boundaries of Python's `str.splitlines`: more than "\n", notably "\r" (progress bars
 * written with carriage returns become one list entry per update, as in Jupyter's files).
 */
// eslint-disable-next-line no-control-regex -- FS, GS and RS are line boundaries to Python
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/g;

/** Python's `text.splitlines(keepends=True)`: joining the result gives `text` back. */
export function splitLines(text: string): string[] {
  const lines: string[] = [];
  let start = 0;
  for (const match of text.matchAll(LINE_BREAK)) {
    const end = match.index + match[0].length;
    lines.push(text.slice(start, end));
    start = end;
  }
  if (start < text.length) lines.push(text.slice(start));
  return lines;
}

export function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((line) => typeof line === 'string');
}

/** A string or a list of strings, joined; `undefined` for anything else. */
export function joinMultiline(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isStringList(value)) return value.join('');
  return undefined;
}

/**
 * nbformat's `_is_json_mime`: these MIME types hold a JSON value, never split or joined.
 */
export function isJsonMime(mime: string): boolean {
  return mime === 'application/json' || (mime.startsWith('application/') && mime.endsWith('+json'));
}

/**
 * The MIME types nbformat's writer splits into lines. Others (image/png base64 and the like)
 * stay one string, which is why PNG data appears as a single string in Jupyter's files.
 */
export function isSplitMime(mime: string): boolean {
  return mime.startsWith('text/') || mime === 'application/javascript' || mime === 'image/svg+xml';
}
