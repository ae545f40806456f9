/**
 * Markdown (cells and `text/markdown` outputs) for the report: GitHub-flavoured, through
 * `marked` as in the app (renderer/markdown/render-markdown.ts). marked escapes text itself, so
 * its output is safe once links and images are held to safe URLs here; markdown with raw HTML
 * goes whole into a sandboxed frame (report-frame.ts), where that HTML can neither run script
 * nor load anything. Math (`$…$`) shows as its TeX source: KaTeX's fonts would double the size
 * of a small report.
 */
import { Marked, type Tokens } from 'marked';
import { isJsonObject, type JsonObject } from '../../core/json';
import { escapeHtml } from './report-escape';
import { sandboxedFrame } from './report-frame';
import { imageSrc } from './report-image';
import { FRAME_MARKDOWN_CSS } from './report-style';

/** Links a reader can follow from a mailed file: the web, mail, and places in the report. */
const FOLLOWABLE = /^(?:https?:|mailto:|#)/i;
const DATA_IMAGE = /^data:(image\/(?:png|jpeg|gif|webp));base64,([A-Za-z0-9+/=\s]+)$/i;

function markdownFor(attachments: JsonObject | undefined): Marked {
  return new Marked({
    gfm: true,
    breaks: false,
    async: false,
    renderer: {
      link(this: { parser: { parseInline(tokens: Tokens.Generic[]): string } }, token) {
        const text = this.parser.parseInline(token.tokens);
        if (!FOLLOWABLE.test(token.href))
          return `<span title="${escapeHtml(token.href)}">${text}</span>`;
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        return `<a href="${escapeHtml(token.href)}"${title} rel="noopener noreferrer">${text}</a>`;
      },
      image(token) {
        const src = markdownImageSrc(token.href, attachments);
        if (src === null)
          return `<span class="qr-missing" title="${escapeHtml(token.href)}">[image not included: ${escapeHtml(token.text)}]</span>`;
        const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
        return `<img src="${escapeHtml(src)}" alt="${escapeHtml(token.text)}"${title}>`;
      },
    },
  });
}

/** `attachment:NAME` (the cell's own attachments) and inline `data:` images; nothing remote. */
function markdownImageSrc(href: string, attachments: JsonObject | undefined): string | null {
  if (href.startsWith('attachment:')) {
    const bundle = attachments?.[safeDecode(href.slice('attachment:'.length))];
    return isJsonObject(bundle) ? firstImage(bundle) : null;
  }
  const data = DATA_IMAGE.exec(href);
  return data ? imageSrc(data[1].toLowerCase(), data[2]) : null;
}

function firstImage(bundle: JsonObject): string | null {
  for (const [mime, data] of Object.entries(bundle)) {
    const src = imageSrc(mime, data);
    if (src !== null) return src;
  }
  return null;
}

function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** The markdown as report HTML; `title` names the frame when it needs one (raw HTML). */
export function renderMarkdown(source: string, title: string, attachments?: JsonObject): string {
  const markdown = markdownFor(attachments);
  const tokens = markdown.lexer(source);
  let rawHtml = false;
  markdown.walkTokens(tokens, (token) => {
    if (token.type === 'html') rawHtml = true;
  });
  const html = markdown.parser(tokens);
  return rawHtml
    ? sandboxedFrame(html, title, FRAME_MARKDOWN_CSS)
    : `<div class="qr-markdown">${html}</div>`;
}
