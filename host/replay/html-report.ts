/**
 * The HTML report of a notebook (`quarry run --html REPORT.html`): one self-contained static
 * file to mail to someone, that loads nothing from anywhere. Every cell in order: markdown
 * rendered, code with its outputs (or outputs only), tables paged, charts drawn by plotly
 * inlined in the file, untrusted HTML in sandboxed frames. The pieces: report-page.ts (the
 * document and its policy), report-header.ts, report-cells.ts, report-outputs.ts and one file
 * per output kind.
 */
import { writeFileAtomic } from '../atomic-write';
import type { NotebookDiff } from '../../core/notebook/diff';
import type { Notebook } from '../../core/notebook/model';
import { plotlySource } from './report-assets';
import { renderCell } from './report-cells';
import { cellBadges, renderDiffSummary } from './report-diff';
import { renderHeader } from './report-header';
import type { RenderNeeds } from './report-outputs';
import { renderPage } from './report-page';

export type HtmlReportOptions = {
  title: string;
  /** False (`--no-code`): outputs and markdown only, no code. */
  includeCode: boolean;
  /** The comparison with a baseline (`quarry run --compare`): change badges and a summary. */
  diff: NotebookDiff | null;
};

export async function renderHtmlReport(
  notebook: Notebook,
  options: HtmlReportOptions,
): Promise<string> {
  const needs: RenderNeeds = { charts: 0 };
  const badges = options.diff ? cellBadges(options.diff) : new Map<number, string>();
  const cells = notebook.cells.flatMap((cell, index) => {
    const number = index + 1;
    const view = { number, includeCode: options.includeCode, badge: badges.get(number) ?? '' };
    const html = renderCell(cell, view, needs);
    return html === null ? [] : [html];
  });
  return renderPage({
    title: options.title,
    header: renderHeader(
      notebook,
      options.title,
      options.diff ? renderDiffSummary(options.diff) : '',
    ),
    cells,
    plotly: needs.charts > 0 ? await plotlySource() : null,
  });
}

/** Writes the report atomically: the file holds the old report or the new one, never a part. */
export async function writeHtmlReport(
  file: string,
  notebook: Notebook,
  options: HtmlReportOptions,
): Promise<void> {
  await writeFileAtomic(file, await renderHtmlReport(notebook, options));
}
