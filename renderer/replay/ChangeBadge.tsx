/**
 * A replayed cell's badge in its meta line: `changed`, `same` or `new` against the saved
 * outputs, `running` while it runs, and for a changed cell `Show diff`, which opens its diff.
 */
import { useState } from 'react';
import { DiffDialog } from './DiffDialog';
import type { ReplayCell } from './use-replay';

const TITLES = {
  changed: 'Its outputs differ from the saved ones beyond the tolerance',
  same: 'Its outputs are the saved ones (within the tolerance)',
  new: 'The saved notebook had no outputs here',
};

export function ChangeBadge({ replay, cellNumber }: { replay: ReplayCell; cellNumber: number }) {
  const [open, setOpen] = useState(false);
  const { comparison } = replay;
  if (replay.running) return <span className="replay-badge replay-badge-running">running</span>;
  if (!comparison) return null;
  return (
    <>
      <span
        className={`replay-badge replay-badge-${comparison.badge}`}
        title={TITLES[comparison.badge]}
      >
        {comparison.badge}
      </span>
      {comparison.badge === 'changed' && (
        <button type="button" className="replay-show-diff" onClick={() => setOpen(true)}>
          Show diff
        </button>
      )}
      {open && (
        <DiffDialog
          cellNumber={cellNumber}
          changes={comparison.changes}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
