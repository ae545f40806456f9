/**
 * What the app says about other pages of this notebook: the prompt that offers back the unsaved
 * work of one that is gone (DESIGN.md: a `Recover` button), and the notice that one is still
 * open elsewhere, whose edits this page does not show.
 */
import type { PendingRecovery } from './use-notebook-session';

type Props = { recovery: PendingRecovery; onRecover(): void; onDiscard(): void };

export function RecoveryPrompt({ recovery, onRecover, onDiscard }: Props) {
  return (
    <div className="banner banner-warning" role="alertdialog" aria-label="Unsaved work found">
      <span>
        Unsaved changes to this notebook from {new Date(recovery.savedAtMs).toLocaleString()} were
        found (Quarry did not close cleanly).
      </span>
      <button type="button" onClick={onRecover}>
        Recover
      </button>
      <button type="button" onClick={onDiscard}>
        Discard
      </button>
    </div>
  );
}

export const OPEN_ELSEWHERE_TEXT =
  'This notebook is also open in another tab or window; edits made there are not shown here.';

/** Non-blocking: both pages stay usable, and a save over the other's asks first (conflict). */
export function OpenElsewhereNotice() {
  return (
    <div className="banner banner-info" role="status" aria-label="Open elsewhere">
      <span>{OPEN_ELSEWHERE_TEXT}</span>
    </div>
  );
}
