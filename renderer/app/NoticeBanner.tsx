/** The session's one notice (a failed save, a restarted kernel...): shown until dismissed. */
import type { NotebookState } from '../state/notebook-state';

type Props = { notice: NotebookState['notice']; onDismiss: () => void };

export function NoticeBanner({ notice, onDismiss }: Props) {
  if (!notice) return null;
  return (
    <div className={`banner banner-${notice.kind}`} role="alert">
      <span>{notice.text}</span>
      <button type="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
