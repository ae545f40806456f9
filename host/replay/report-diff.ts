/**
 * What changed against a baseline (a NotebookDiff, core/notebook/diff.ts), in the report: a
 * badge on each cell that differs or was edited or added, with what changed (the same words as
 * `quarry diff` prints, from its formatter), and a summary at the top with a link to each cell.
 */
import type { JsonObject } from '../../core/json';
import { formatNotebookDiff, type CellDiff, type NotebookDiff } from '../../core/notebook/diff';
import { escapeHtml } from './report-escape';

const BADGES: Record<CellDiff['status'], string> = {
  changed: 'changed',
  edited: 'source edited',
  added: 'new',
  removed: 'removed',
};

/**
 * The cell's lines of `quarry diff`'s summary without the cell's title: the formatter run on a
 * diff of this one cell, its header and closing count cut off.
 */
function changeLines(diff: NotebookDiff, cell: CellDiff): string[] {
  const alone: NotebookDiff = {
    ...diff,
    parameters: { ...diff.parameters, changed: [] },
    cells: [cell],
  };
  const lines = formatNotebookDiff(alone, { baseline: 'baseline', current: 'current' })
    .split('\n')
    .slice(1, -1);
  if (lines.length > 0) lines[0] = lines[0].replace(/^(?:baseline )?cell \d+ \([^)]*\): /, '');
  return lines;
}

/** Badges by 1-based cell number. */
export function cellBadges(diff: NotebookDiff): Map<number, string> {
  const badges = new Map<number, string>();
  for (const cell of diff.cells) {
    if (cell.number === null) continue;
    const [head = '', ...details] = changeLines(diff, cell);
    const more =
      details.length === 0
        ? ''
        : `<details><summary>Details</summary><pre>${escapeHtml(details.join('\n'))}</pre></details>`;
    badges.set(
      cell.number,
      `<div class="qr-diff"><span class="qr-badge qr-badge-${cell.status}">${BADGES[cell.status]}</span> ` +
        `<span class="qr-change">${escapeHtml(head)}</span>${more}</div>`,
    );
  }
  return badges;
}

export function renderDiffSummary(diff: NotebookDiff): string {
  const verdict = diff.same
    ? `No differences from the baseline in ${diff.cellsCompared} cells compared`
    : `${diff.cellsDiffering} of ${diff.cellsCompared} cells differ from the baseline`;
  const tolerance = `numbers compared with rtol ${diff.tolerance.rtol}, atol ${diff.tolerance.atol}`;
  const items = diff.cells.map((cell) => {
    const [head = ''] = changeLines(diff, cell);
    const where =
      cell.number === null
        ? `Baseline cell ${cell.baselineNumber ?? '?'}`
        : `<a href="#cell-${cell.number}">Cell ${cell.number}</a>`;
    return `<li>${where} <span class="qr-badge qr-badge-${cell.status}">${BADGES[cell.status]}</span> ${escapeHtml(head)}</li>`;
  });
  const parameters = diff.parameters.changed.map(
    (name) =>
      `<li>Parameter <code>${escapeHtml(name)}</code>: ${escapeHtml(shown(diff.parameters.baseline, name))} → ${escapeHtml(shown(diff.parameters.current, name))}</li>`,
  );
  const list = [...parameters, ...items];
  return (
    `<section class="qr-summary" aria-label="Changes"><p><strong>${verdict}</strong> (${tolerance}).</p>` +
    (list.length === 0 ? '' : `<ul>${list.join('')}</ul>`) +
    `</section>`
  );
}

function shown(values: JsonObject | null, name: string): string {
  return values !== null && name in values ? JSON.stringify(values[name]) : '(not set)';
}
