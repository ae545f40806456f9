/**
 * The one HTML sanitiser of the renderer: outputs and markdown both go through it, because a
 * notebook opened from someone else must never run script in the app through what it displays.
 *
 * DOMPurify already removes scripts, event handlers and `javascript:` URLs. On top of that:
 * - no frames, objects, forms or form controls, and no `<style>`/`<link>`/`<meta>`/`<base>`
 *   (they would restyle or redirect the whole app, not just the output); inline `style` stays;
 * - links are inert: an output or a markdown cell must not navigate the app's window, so `href`
 *   is moved to `data-href` (the app may open it deliberately) and shown as the tooltip;
 * - KaTeX's MathML (`semantics`, `annotation`) is allowed so rendered math stays accessible.
 *
 * DOMPurify needs a DOM, so these run in the renderer only (test/e2e/html-sanitiser.test.ts
 * checks them in the app, in Chromium); a private instance keeps our hooks away from other users of DOMPurify.
 */
import createDOMPurify, { type Config, type DOMPurify } from 'dompurify';

const FORBID_TAGS = [
  'script',
  'style',
  'link',
  'meta',
  'base',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'form',
  'input',
  'button',
  'textarea',
  'select',
  'option',
  'dialog',
  'foreignObject',
];
const FORBID_ATTR = ['autofocus', 'formaction', 'action', 'ping'];

const HTML_CONFIG: Config = {
  FORBID_TAGS,
  FORBID_ATTR,
  ADD_TAGS: ['semantics', 'annotation'],
  ADD_ATTR: ['encoding'],
};
const SVG_CONFIG: Config = {
  USE_PROFILES: { svg: true, svgFilters: true },
  // Shown through <img>, where an SVG's own <style> cannot reach the app, so it may stay.
  FORBID_TAGS: FORBID_TAGS.filter((tag) => tag !== 'style'),
  FORBID_ATTR,
};

let purifier: DOMPurify | null = null;

function instance(): DOMPurify {
  if (purifier) return purifier;
  const created = createDOMPurify(window);
  created.addHook('afterSanitizeAttributes', makeLinkInert);
  purifier = created;
  return created;
}

function makeLinkInert(node: Element): void {
  const name = node.nodeName.toLowerCase();
  if (name !== 'a' && name !== 'area') return;
  const href = node.getAttribute('href') ?? node.getAttribute('xlink:href');
  node.removeAttribute('href');
  node.removeAttribute('xlink:href');
  node.removeAttribute('target');
  if (!href) return;
  node.setAttribute('data-href', href);
  if (!node.hasAttribute('title')) node.setAttribute('title', href);
}

/** Safe HTML for `innerHTML`: see the module comment for what is removed. */
export function sanitizeHtml(html: string): string {
  return instance().sanitize(html, { ...HTML_CONFIG, RETURN_TRUSTED_TYPE: false });
}

/** A standalone SVG document without script, handlers or external content. */
export function sanitizeSvg(svg: string): string {
  const clean = instance()
    .sanitize(svg, { ...SVG_CONFIG, RETURN_TRUSTED_TYPE: false })
    .trim();
  // Serialised from an HTML document the root loses its namespace, which an <img> requires.
  return /^<svg\b[^>]*\sxmlns=/.test(clean)
    ? clean
    : clean.replace(/^<svg\b/, '<svg xmlns="http://www.w3.org/2000/svg"');
}
