/**
 * The requests sent to the kernel worker that wait for its reply (core/protocol.ts, KernelReply),
 * by request id. A worker that is terminated never answers, nor does one that could not load, so
 * whatever still waits then settles as unanswered: an inspector or a table must not wait forever.
 */
import type { KernelReply } from '../../core/protocol';

type Waiter = (reply: KernelReply | null) => void;

export class PendingReplies {
  private count = 0;
  private readonly waiting = new Map<string, Waiter>();

  /**
   * Sends a request under a fresh id and resolves with `read` of its reply, or of null when it
   * is never answered.
   */
  ask<T>(send: (requestId: string) => void, read: (reply: KernelReply | null) => T): Promise<T> {
    const requestId = `reply-${++this.count}`;
    return new Promise<T>((resolve) => {
      this.waiting.set(requestId, (reply) => resolve(read(reply)));
      send(requestId);
    });
  }

  answer(reply: KernelReply): void {
    const waiter = this.waiting.get(reply.requestId);
    this.waiting.delete(reply.requestId);
    waiter?.(reply);
  }

  /** Settles every request still waiting as unanswered. */
  abandonAll(): void {
    const waiters = [...this.waiting.values()];
    this.waiting.clear();
    for (const waiter of waiters) waiter(null);
  }
}
