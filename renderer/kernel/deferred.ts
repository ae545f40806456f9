/** A promise settled from outside, that knows whether it has been. */
export class Deferred<T> {
  readonly promise: Promise<T>;
  state: 'pending' | 'resolved' | 'rejected' = 'pending';
  private settle!: { resolve(value: T): void; reject(reason: unknown): void };

  constructor() {
    this.promise = new Promise<T>((resolve, reject) => (this.settle = { resolve, reject }));
    // A rejection nobody awaits (a kernel that failed while no one was asking) is not an
    // unhandled one; whoever awaits `promise` still sees it.
    this.promise.catch(() => undefined);
  }

  resolve(value: T): void {
    if (this.state !== 'pending') return;
    this.state = 'resolved';
    this.settle.resolve(value);
  }

  reject(reason: unknown): void {
    if (this.state !== 'pending') return;
    this.state = 'rejected';
    this.settle.reject(reason);
  }
}
