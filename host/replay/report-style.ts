/**
 * The report's styles, inline (the policy allows no style file): a readable page that prints
 * well, and the styles each sandboxed frame carries into its own document.
 */
const TYPE = `font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
  font-size: 15px; line-height: 1.55; color: #1f2328;`;
const MONO = `font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, 'Liberation Mono', monospace;`;

/** Markdown typography, shared by the page and by frames holding markdown with raw HTML. */
const MARKDOWN_RULES: [selectors: string, declarations: string][] = [
  ['h1, h2, h3, h4', 'line-height: 1.25; margin: 1.4em 0 0.5em; font-weight: 600;'],
  ['h1', 'font-size: 1.75em;'],
  ['h2', 'font-size: 1.4em;'],
  ['h3', 'font-size: 1.15em;'],
  ['p, ul, ol, blockquote, table', 'margin: 0 0 0.8em;'],
  [
    'code',
    `${MONO} font-size: 0.88em; background: #f3f4f6; padding: 0.1em 0.3em; border-radius: 4px;`,
  ],
  ['pre code', 'background: none; padding: 0;'],
  [
    'blockquote',
    'border-left: 3px solid #d0d7de; margin-left: 0; padding-left: 1em; color: #57606a;',
  ],
  ['table', 'border-collapse: collapse;'],
  ['th, td', 'border: 1px solid #d0d7de; padding: 0.3em 0.6em;'],
  ['th', 'text-align: left; background: #f6f8fa;'],
  ['img', 'max-width: 100%;'],
  ['a', 'color: #0969da;'],
  ['> :first-child', 'margin-top: 0;'],
];

/** The rules with each selector inside `scope` (no CSS nesting: older readers lack it). */
function markdownCss(scope: string): string {
  return MARKDOWN_RULES.map(([selectors, declarations]) => {
    const scoped = selectors
      .split(',')
      .map((selector) => `${scope} ${selector.trim()}`)
      .join(', ');
    return `${scoped} { ${declarations} }`;
  }).join('\n');
}

export const REPORT_CSS = `
*, *::before, *::after { box-sizing: border-box; }
body { ${TYPE} margin: 0; background: #fff; }
main { max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
${markdownCss('.qr-markdown')}
.qr-header { border-bottom: 1px solid #d0d7de; padding-bottom: 1rem; margin-bottom: 1.5rem; }
.qr-header h1 { font-size: 1.9rem; margin: 0 0 0.4rem; }
.qr-run { color: #57606a; margin: 0 0 0.6rem; }
.qr-status { font-weight: 600; color: #1a7f37; }
.qr-status-error, .qr-status-interrupted, .qr-status-out-of-memory { color: #cf222e; }
.qr-unclean { color: #9a6700; }
.qr-params { border-collapse: collapse; margin: 0.5rem 0; font-size: 0.9em; }
.qr-params caption { text-align: left; font-weight: 600; padding-bottom: 0.2rem; }
.qr-params th { text-align: left; font-weight: 500; padding: 0.15rem 1rem 0.15rem 0; }
.qr-params code, .qr-code, .qr-text, .qr-stream, .qr-raw, .qr-error pre { ${MONO} }
.qr-summary { margin: 0.8rem 0 0; padding: 0.6rem 0.9rem; border-radius: 6px; background: #f6f8fa; }
.qr-summary ul { margin: 0.3rem 0 0; padding-left: 1.2rem; }
.qr-cell { margin: 0 0 1.4rem; }
.qr-label { font-size: 0.78rem; color: #57606a; margin: 0 0 0.2rem; text-transform: uppercase; letter-spacing: 0.03em; }
.qr-code { background: #f6f8fa; border: 1px solid #d8dee4; border-radius: 6px; padding: 0.6rem 0.8rem;
  margin: 0 0 0.5rem; font-size: 0.82rem; line-height: 1.45; overflow-x: auto; white-space: pre; }
.qr-outputs > * + * { margin-top: 0.5rem; }
.qr-text, .qr-stream, .qr-raw { font-size: 0.82rem; line-height: 1.45; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.qr-stderr { background: #fff8f0; border-left: 3px solid #d4a72c; padding: 0.3rem 0.6rem; }
.qr-error { border-left: 3px solid #cf222e; background: #fff5f5; padding: 0.4rem 0.8rem; }
.qr-error p { margin: 0 0 0.3rem; color: #a40e26; }
.qr-error pre { font-size: 0.8rem; margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.qr-missing { color: #57606a; font-style: italic; }
.qr-image { max-width: 100%; height: auto; }
.qr-frame { display: block; width: 100%; height: 12rem; border: 0; }
.qr-table { margin: 0; }
.qr-table-scroll { overflow-x: auto; border: 1px solid #d0d7de; border-radius: 6px; }
.qr-table table { border-collapse: collapse; font-size: 0.82rem; width: max-content; min-width: 100%; }
.qr-table th, .qr-table td { padding: 0.3rem 0.7rem; border-bottom: 1px solid #eaeef2; text-align: left; white-space: nowrap; }
.qr-table th { background: #f6f8fa; font-weight: 600; position: sticky; top: 0; }
.qr-table tbody tr:nth-child(even) { background: #fafbfc; }
.qr-table .qr-num { text-align: right; font-variant-numeric: tabular-nums; }
.qr-null { color: #8c959f; font-style: italic; }
.qr-table figcaption { font-size: 0.8rem; color: #57606a; margin-top: 0.3rem; }
.qr-pager button { font: inherit; padding: 0.1rem 0.6rem; margin-left: 0.3rem; border: 1px solid #d0d7de;
  border-radius: 4px; background: #fff; cursor: pointer; }
.qr-pager button:disabled { color: #8c959f; cursor: default; }
.qr-chart { margin: 0; position: relative; }
.qr-chart-fallback { color: #57606a; font-style: italic; position: absolute; top: 0; margin: 0.5rem; }
.qr-badge { display: inline-block; font-size: 0.75rem; font-weight: 600; padding: 0.05rem 0.5rem;
  border-radius: 999px; margin: 0 0 0.3rem; }
.qr-badge-changed, .qr-badge-removed { background: #ffebe9; color: #a40e26; }
.qr-badge-added { background: #ddf4ff; color: #0550ae; }
.qr-badge-edited { background: #fff8c5; color: #7d4e00; }
.qr-badge-same { background: #dafbe1; color: #116329; }
.qr-diff { font-size: 0.85rem; margin: 0 0 0.3rem; }
.qr-change { color: #424a53; }
.qr-diff details { margin-top: 0.2rem; }
.qr-diff summary { cursor: pointer; color: #57606a; }
.qr-diff pre { ${MONO} font-size: 0.78rem; background: #f6f8fa; padding: 0.4rem 0.6rem; margin: 0.2rem 0 0; white-space: pre-wrap; }
.qr-summary .qr-badge { margin: 0 0.2rem; }
@media print {
  body { font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .qr-pager, .modebar-container { display: none !important; }
  .qr-code, .qr-table-scroll { overflow: visible; white-space: pre-wrap; }
  .qr-table th { position: static; }
  /* Paper does not scroll: long values wrap so every column stays on the page. */
  .qr-table table { width: 100%; min-width: 0; }
  .qr-table th, .qr-table td { white-space: normal; overflow-wrap: break-word; }
  .qr-table .qr-num { white-space: nowrap; }
  .qr-cell, figure, tr, img { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  a { color: inherit; }
}`;

/** A `text/html` output's frame: the look of a pandas table, which is what most such outputs are. */
export const FRAME_HTML_CSS = `body { ${TYPE} font-size: 13px; margin: 0; }
table { border-collapse: collapse; font-size: 12px; }
th, td { border-bottom: 1px solid #eaeef2; padding: 0.25rem 0.6rem; text-align: right; }
th { background: #f6f8fa; } img { max-width: 100%; }`;

export const FRAME_MARKDOWN_CSS = `body { ${TYPE} margin: 0; }\n${markdownCss('body')}`;
