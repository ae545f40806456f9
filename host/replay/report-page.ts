/**
 * The report's document: one file, nothing to fetch. The policy comes first in <head>, so it
 * holds for everything after it; plotly goes in only when a cell drew a chart.
 */
import { escapeHtml } from './report-escape';
import { reportPolicy } from './report-policy';
import { REPORT_SCRIPT } from './report-script';
import { REPORT_CSS } from './report-style';

export type PageParts = {
  title: string;
  header: string;
  cells: string[];
  /** plotly's source when the report has charts, else null. */
  plotly: string | null;
};

export function renderPage(parts: PageParts): string {
  const scripts = parts.plotly === null ? [REPORT_SCRIPT] : [parts.plotly, REPORT_SCRIPT];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(reportPolicy(scripts))}">`,
    '<meta name="referrer" content="no-referrer">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="Quarry">',
    `<title>${escapeHtml(parts.title)}</title>`,
    `<style>${REPORT_CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    parts.header,
    ...parts.cells,
    '</main>',
    ...scripts.map((source) => `<script>${source}</script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
