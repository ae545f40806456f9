/**
 * One notebook cell as a report section, numbered as `quarry run` numbers cells (1-based among
 * all cells). Code shows with a label saying its language (SQL cells: the query, and the name
 * its result is bound to); without code (`includeCode: false`) only the outputs stay, and a code
 * cell with neither outputs nor a change badge is left out.
 */
import type { Cell, CodeCell } from '../../core/notebook/model';
import { cellKindOf } from '../../core/notebook/model';
import { parseSqlCell } from '../../core/notebook/sql-cell';
import { escapeHtml } from './report-escape';
import { renderMarkdown } from './report-markdown';
import { renderOutput, type RenderNeeds } from './report-outputs';

export type CellView = {
  number: number;
  includeCode: boolean;
  /** The cell's change badge (report-diff.ts), or '' without a diff. */
  badge: string;
};

export function renderCell(cell: Cell, view: CellView, needs: RenderNeeds): string | null {
  const open = (kind: string) =>
    `<section class="qr-cell qr-cell-${kind}" id="cell-${view.number}" aria-label="Cell ${view.number}">${view.badge}`;
  switch (cell.cell_type) {
    case 'markdown':
      if (cell.source.trim() === '' && view.badge === '') return null;
      return `${open('markdown')}${renderMarkdown(cell.source, `Cell ${view.number}`, cell.attachments)}</section>`;
    case 'raw':
      if (!view.includeCode && view.badge === '') return null;
      return `${open('raw')}<pre class="qr-raw">${escapeHtml(cell.source)}</pre></section>`;
    case 'code': {
      const outputs = cell.outputs.map((output) => renderOutput(output, view.number, needs));
      if (!view.includeCode && outputs.length === 0 && view.badge === '') return null;
      const source = view.includeCode ? renderSource(cell, view.number) : '';
      const body =
        outputs.length === 0 ? '' : `<div class="qr-outputs">${outputs.join('\n')}</div>`;
      return `${open('code')}${source}${body}</section>`;
    }
  }
}

function renderSource(cell: CodeCell, number: number): string {
  const count = cell.executionCount === null ? '' : ` · run ${cell.executionCount}`;
  let label = 'TypeScript';
  let code = cell.source;
  if (cellKindOf(cell) === 'sql') {
    const sql = sqlParts(cell.source);
    label = sql.bindTo ? `SQL → ${sql.bindTo}` : 'SQL';
    code = sql.query;
  }
  return (
    `<div class="qr-source"><p class="qr-label">Cell ${number} · ${escapeHtml(label)}${count}</p>` +
    `<pre class="qr-code"><code>${escapeHtml(code)}</code></pre></div>`
  );
}

/** The query without its `%%sql` line; a malformed magic line stays in the code shown. */
function sqlParts(source: string): { query: string; bindTo: string | null } {
  try {
    return parseSqlCell(source) ?? { query: source, bindTo: null };
  } catch {
    return { query: source, bindTo: null };
  }
}
