/**
 * Terminal escapes in streams and tracebacks (colours from a library's logger, TypeScript's
 * coloured errors) are dropped: a report is read, not replayed in a terminal, and the text
 * without them is what a reader needs.
 */

// CSI sequences (colours, cursor moves), OSC sequences (titles, hyperlinks) ended by BEL or ST,
// and the remaining two-character escapes.
const ANSI =
  // eslint-disable-next-line no-control-regex
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}
