/**
 * Headers every response of the local server carries. The Content-Security-Policy allows what
 * the app needs and nothing more; each allowance is explained where it is made. It is sent on
 * scripts too, not only on the page: a worker started from a script URL takes its policy from
 * that script's response, and the kernel worker should be held to the same rules.
 */
import type { ServerResponse } from 'node:http';

const CSP_DIRECTIVES: readonly string[] = [
  // Everything comes from this server; nothing is ever loaded from a CDN (DESIGN.md).
  "default-src 'self'",
  // 'unsafe-eval': the kernel evaluates cells (indirect eval, docs/decisions.md) and TF.js and
  // DuckDB-WASM compile WebAssembly; 'wasm-unsafe-eval' covers the WebAssembly compile.
  "script-src 'self' 'wasm-unsafe-eval' 'unsafe-eval'",
  // blob:: Monaco and DuckDB-WASM can start their workers from blob URLs.
  "worker-src 'self' blob:",
  // 'unsafe-inline': Monaco injects <style> elements and style attributes at run time.
  "style-src 'self' 'unsafe-inline'",
  // data: and blob:: plots, image outputs (image/png bundles) and exported charts.
  "img-src 'self' data: blob:",
  // data:: fonts the bundler inlines as data URLs (Vite does so for small assets).
  "font-src 'self' data:",
  // The host API and data files are this server; nothing else may be reached.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  // No other page may frame the app (clickjacking), and no form posts anywhere.
  "frame-ancestors 'none'",
  "form-action 'none'",
];

export const CONTENT_SECURITY_POLICY = CSP_DIRECTIVES.join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  // Files are served as the type we say, never sniffed into HTML or script.
  'X-Content-Type-Options': 'nosniff',
  // The page URL holds the token: never send it to anyone in a Referer.
  'Referrer-Policy': 'no-referrer',
  // A page that opens the app (or that the app opens) gets no handle on its window.
  'Cross-Origin-Opener-Policy': 'same-origin',
  // Other sites may not embed our responses (an <img> or <script> pointing at /files/...).
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function applySecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
}
