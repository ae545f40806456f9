/**
 * Escaping for the report: every text from the notebook (sources, outputs, names, metadata) is
 * written through one of these, so nothing a cell printed can become markup or end a script.
 */
export { escapeHtml } from '../../kernels/display/html';

const SCRIPT_UNSAFE: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for a `<script type="application/json">` data block: `<`, `>` and `&` only occur inside
 * JSON strings, where their `\u` escapes mean the same, so `</script>` in the data cannot close
 * the block and the parser never sees a comment opening.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (ch) => SCRIPT_UNSAFE[ch]);
}
