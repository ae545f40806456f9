/**
 * Untrusted HTML (a `text/html` output, a markdown cell with raw HTML) goes into a sandboxed
 * iframe, never into the report's own document. Sanitising HTML properly needs a DOM (the app
 * uses DOMPurify in the renderer); the CLI has none, and a home-made sanitiser is where holes
 * come from. The browser's sandbox does the job instead:
 *
 * - `sandbox` without `allow-scripts`: no script runs, not even a `javascript:` URL, and there
 *   are no forms, popups, plugins or navigation of the report itself;
 * - `allow-same-origin` only so the report's own script can read the frame's height to fit it
 *   (safe without `allow-scripts`: nothing inside can use that origin);
 * - a srcdoc document inherits the report's Content-Security-Policy, and carries the same
 *   policy in its own head, so nothing inside can load anything either.
 *
 * Without script the frame keeps a fixed height and scrolls.
 */
import { escapeHtml } from './report-escape';
import { FRAME_POLICY } from './report-policy';

export function sandboxedFrame(html: string, title: string, css: string): string {
  const doc =
    `<!doctype html><html><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(FRAME_POLICY)}">` +
    `<style>${css}</style></head><body>${html}</body></html>`;
  return `<iframe class="qr-frame" sandbox="allow-same-origin" referrerpolicy="no-referrer" title="${escapeHtml(title)}" srcdoc="${escapeHtml(doc)}"></iframe>`;
}
