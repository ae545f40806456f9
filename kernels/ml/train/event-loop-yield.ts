/**
 * A turn of the event loop for the training loop to give other work (a Stop message, the
 * display's updates) its chance. A posted message, not setTimeout: browsers clamp nested
 * timeouts to ≥ 4 ms, 8 % of a 50 ms cadence spent waiting. Where there is no MessageChannel,
 * setTimeout. `close` releases the channel (in Node an open port keeps the process alive).
 */
export type EventLoopYield = { next(): Promise<void>; close(): void };

/** What is used of a port: the DOM's type and Node's (worker_threads) differ, both have these. */
type Port = { postMessage(message: null): void; close(): void; onmessage: (() => void) | null };

export function createEventLoopYield(): EventLoopYield {
  if (typeof MessageChannel === 'undefined') {
    return { next: () => new Promise((resolve) => setTimeout(resolve, 0)), close() {} };
  }
  const channel = new MessageChannel() as unknown as { port1: Port; port2: Port };
  let waiting: (() => void) | null = null;
  channel.port1.onmessage = () => {
    const resume = waiting;
    waiting = null;
    resume?.();
  };
  return {
    next: () =>
      new Promise((resolve) => {
        waiting = resolve;
        channel.port2.postMessage(null);
      }),
    close() {
      channel.port1.close();
      channel.port2.close();
    },
  };
}
