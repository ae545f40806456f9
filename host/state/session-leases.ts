/**
 * Which pages of the app (tabs, windows) still have a notebook open. Each page renews a lease
 * every few seconds (`notebook.heartbeat`) and drops it when it goes (`notebook.release`, best
 * effort); a page that stops renewing (crashed, killed, its machine asleep) is gone once its
 * lease runs out. This is how a recovery copy written by a page that is still open elsewhere is
 * told from one left behind by a crash: only the second is offered back.
 *
 * Leases live in the host process's memory, on purpose: a page can only renew with the host
 * that served it, so a host that restarts (after a crash, say) rightly knows no live pages and
 * offers every copy. Another Quarry process (the desktop app beside a `quarry serve`) does not
 * see these leases and offers the copy, as if the page had crashed.
 */
import type { SessionId } from '../../core/host-contract';

/**
 * A shown page renews every 2 s (the renderer's RECOVERY_INTERVAL_MS): five missed renewals
 * and it is taken for gone.
 */
export const VISIBLE_LEASE_MS = 10_000;

/**
 * Browsers slow a hidden page's timers down, Chrome to once a minute after five minutes hidden
 * ("intensive throttling"), so a hidden page's lease must outlast a minute.
 */
export const HIDDEN_LEASE_MS = 90_000;

type Lease = { path: string; expiresAtMs: number };

export class SessionLeases {
  private readonly leases = new Map<SessionId, Lease>();

  constructor(private readonly clock: () => number = Date.now) {}

  /** `session` has the notebook at `notebookPath` (absolute) open; a page has one at a time. */
  renew(session: SessionId, notebookPath: string, visible: boolean): void {
    const now = this.clock();
    // Forget the pages that are gone, so the map holds only live ones.
    for (const [other, lease] of this.leases)
      if (lease.expiresAtMs <= now) this.leases.delete(other);
    const expiresAtMs = now + (visible ? VISIBLE_LEASE_MS : HIDDEN_LEASE_MS);
    this.leases.set(session, { path: notebookPath, expiresAtMs });
  }

  /** The page is going away (closed or reloaded). */
  release(session: SessionId): void {
    this.leases.delete(session);
  }

  /** Whether `session` holds a live lease on `notebookPath`. */
  holds(session: SessionId, notebookPath: string): boolean {
    const lease = this.leases.get(session);
    return lease !== undefined && lease.path === notebookPath && lease.expiresAtMs > this.clock();
  }

  /** Whether a session other than `session` holds a live lease on `notebookPath`. */
  heldByOthers(session: SessionId, notebookPath: string): boolean {
    for (const other of this.leases.keys())
      if (other !== session && this.holds(other, notebookPath)) return true;
    return false;
  }
}
