/** The find and replace panel: searches every cell (the editors' live text), replaces in one undoable step. */
import { useState } from 'react';
import type { Cell } from '../../core/notebook/model';
import type { LiveSources } from '../editor/live-sources';
import { findMatches, patternOf, replaceAll, type CellText } from './find-in-cells';

type Props = {
  cells: readonly Cell[];
  liveSources: LiveSources;
  onSelect(cellId: string): void;
  onReplace(sources: Record<string, string>): void;
  onClose(): void;
};

const LISTED = 200;

export function FindReplace({ cells, liveSources, onSelect, onReplace, onClose }: Props) {
  const [query, setQuery] = useState('');
  const [replacement, setReplacement] = useState('');
  const [matchCase, setMatchCase] = useState(false);
  const [regex, setRegex] = useState(false);
  const texts: CellText[] = cells.map((c) => ({
    cellId: c.id,
    source: liveSources.read(c.id) ?? c.source,
  }));
  const pattern = patternOf({ query, matchCase, regex });
  const matches = pattern instanceof RegExp ? findMatches(texts, pattern) : [];
  const numberOf = new Map(cells.map((c, i) => [c.id, i + 1]));
  return (
    <aside
      className="side-panel find-panel"
      aria-label="Find and replace"
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <input
        autoFocus
        aria-label="Find"
        placeholder="Find"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <input
        aria-label="Replace with"
        placeholder="Replace with"
        value={replacement}
        onChange={(e) => setReplacement(e.target.value)}
      />
      <div className="find-options">
        <label>
          <input
            type="checkbox"
            checked={matchCase}
            onChange={(e) => setMatchCase(e.target.checked)}
          />
          Match case
        </label>
        <label>
          <input type="checkbox" checked={regex} onChange={(e) => setRegex(e.target.checked)} />
          Regular expression
        </label>
      </div>
      <button
        type="button"
        disabled={matches.length === 0}
        onClick={() =>
          pattern instanceof RegExp && onReplace(replaceAll(texts, pattern, replacement, regex))
        }
      >
        Replace all
      </button>
      <p role="status" aria-label="Find results">
        {typeof pattern === 'string'
          ? `Invalid regular expression: ${pattern}`
          : pattern === null
            ? 'Type to search every cell'
            : `${matches.length} ${matches.length === 1 ? 'match' : 'matches'} in ${new Set(matches.map((m) => m.cellId)).size} cells`}
      </p>
      <ul className="find-matches">
        {matches.slice(0, LISTED).map((m) => (
          <li key={`${m.cellId}:${m.start}`}>
            <button type="button" onClick={() => onSelect(m.cellId)}>
              Cell {numberOf.get(m.cellId)} · line {m.line}: <code>{m.lineText.trim()}</code>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}
