/** The table of contents: the markdown cells' headings, each a link to its cell. */
import type { Cell } from '../../core/notebook/model';
import { headingsOf } from './headings';

type Props = { cells: readonly Cell[]; onSelect(cellId: string): void };

export function TableOfContents({ cells, onSelect }: Props) {
  const headings = headingsOf(cells);
  return (
    <nav className="side-panel toc-panel" aria-label="Table of contents">
      {headings.length === 0 ? (
        <p className="empty">No headings: start a markdown line with #.</p>
      ) : (
        <ul>
          {headings.map((h) => (
            <li key={`${h.cellId}:${h.line}`} style={{ paddingLeft: `${(h.level - 1) * 12}px` }}>
              <button
                type="button"
                onClick={() => {
                  onSelect(h.cellId);
                  document
                    .querySelector(`[data-cell-id="${h.cellId}"]`)
                    ?.scrollIntoView({ block: 'start' });
                }}
              >
                {h.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </nav>
  );
}
