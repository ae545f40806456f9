/**
 * The report's Content-Security-Policy (a meta tag: the file is opened from disk, there are no
 * headers): nothing may be loaded from anywhere, ever. Scripts run only by their hash (the
 * report's own and plotly's, both inlined); styles are inline (plotly adds its own at run time);
 * images are data: URLs. `frame-ancestors` cannot be set by a meta tag, so it is not there.
 */
import { createHash } from 'node:crypto';

export function scriptHash(source: string): string {
  return `'sha256-${createHash('sha256').update(source, 'utf8').digest('base64')}'`;
}

export function reportPolicy(scripts: readonly string[]): string {
  return [
    "default-src 'none'",
    scripts.length === 0 ? "script-src 'none'" : `script-src ${scripts.map(scriptHash).join(' ')}`,
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

/** What a sandboxed frame's own document declares (it also inherits the report's policy). */
export const FRAME_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";
