/** Offers the unsaved work found after a crash (DESIGN.md: a `Recover` button). */
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
