/**
 * Markdown (cells and `text/markdown` outputs) to safe HTML: math is cut out first (split-math),
 * the rest goes through `marked` (GitHub flavour), the math comes back rendered by KaTeX, and the
 * whole result goes through the output sanitiser, so a cell's raw HTML cannot run script either.
 */
import katex from 'katex';
import { Marked } from 'marked';
import type { JsonObject } from '../../core/json';
import { sanitizeHtml } from '../outputs/sanitize-html';
import { resolveAttachments } from './attachments';
import { splitMath } from './split-math';

const markdown = new Marked({ gfm: true, breaks: false, async: false });

// Private-use characters mark where each formula goes: marked passes them through untouched and
// they never occur in real text, unlike any ASCII placeholder.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const PLACEHOLDER = new RegExp(`${OPEN}(\\d+)${CLOSE}`, 'g');

export function renderMarkdown(source: string, attachments?: JsonObject): string {
  const formulas: string[] = [];
  const text = splitMath(source)
    .map((part) => {
      // The markers are dropped from the text itself so that text can never forge a formula.
      if (part.kind === 'text') return part.text.replace(/[\uE000\uE001]/g, '');
      formulas.push(renderMath(part.tex, part.display));
      return `${OPEN}${formulas.length - 1}${CLOSE}`;
    })
    .join('');
  const html = markdown.parse(text, { async: false });
  const withMath = html.replace(
    PLACEHOLDER,
    (whole, index: string) => formulas[Number(index)] ?? whole,
  );
  // The sanitiser sees the data: URLs, so an attachment is held to the same rules as an output.
  return sanitizeHtml(resolveAttachments(withMath, attachments));
}

function renderMath(tex: string, display: boolean): string {
  try {
    return katex.renderToString(tex, {
      displayMode: display,
      throwOnError: false,
      // No \href, \url or \htmlClass from a notebook: `trust` stays off.
      trust: false,
      strict: 'ignore',
      output: 'htmlAndMathml',
    });
  } catch {
    // throwOnError:false covers TeX errors; anything else (a KaTeX bug) shows the source.
    return `<code>${escapeText(tex)}</code>`;
  }
}

function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
