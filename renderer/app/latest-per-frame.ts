/**
 * Holds the latest value per key until the next animation frame, then hands them over together:
 * a display updated 1000 times a second is drawn at most once a frame, with its last version.
 * A hidden page gets no frames, so what waits stays one value per key.
 */
export class LatestPerFrame<V> {
  private readonly pending = new Map<string, V>();
  private scheduled = false;

  constructor(
    private readonly deliver: (values: V[]) => void,
    private readonly schedule: (flush: () => void) => void = (flush) =>
      void requestAnimationFrame(flush),
  ) {}

  push(key: string, value: V): void {
    this.pending.set(key, value);
    if (this.scheduled) return;
    this.scheduled = true;
    this.schedule(() => this.flush());
  }

  private flush(): void {
    this.scheduled = false;
    const values = [...this.pending.values()];
    this.pending.clear();
    if (values.length > 0) this.deliver(values);
  }
}
