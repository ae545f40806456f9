/**
 * The handles `display(value)` returns (Jupyter's `display_id`): each display gets an id, kept
 * on its output as `transient.display_id`, and `handle.update(next)` replaces that output in the
 * outputs of the execution that showed it, from wherever it is called, and reports the update
 * (the `display-update` event). Once the display's cell runs again, its handles do nothing.
 */
import type { DisplayDataOutput, MimeBundle } from '../../core/outputs';
import type { OutputCollector } from './output-collector';

/** What `display(value)` returns: the way to replace that output in place later. */
export type DisplayHandle = { readonly id: string; update(value: unknown): void };

export class DisplayHandles {
  /** The displays a handle may still update, by id. */
  private readonly shown = new Map<string, OutputCollector>();
  private readonly handles = new WeakSet<object>();
  /** Random, so that a restarted kernel's ids never match an output an older one showed. */
  private readonly prefix = Math.random().toString(36).slice(2, 10);
  private count = 0;

  constructor(
    /** The bundle of `value` as `execution` shows it (tables kept as its cell's). */
    private readonly render: (value: unknown, execution: OutputCollector) => MimeBundle,
    private readonly reportUpdate: (
      execution: OutputCollector,
      displayId: string,
      output: DisplayDataOutput,
    ) => void,
    /** The cell an execution belongs to. */
    private readonly ownerOf: (execution: OutputCollector) => string | undefined,
  ) {}

  /** Shows `value` in `execution` and returns its handle. */
  show(execution: OutputCollector, value: unknown): DisplayHandle {
    const id = `display-${this.prefix}-${++this.count}`;
    if (execution.display(this.render(value, execution), {}, id)) this.shown.set(id, execution);
    const handle = { id, update: (next: unknown) => this.update(id, next) };
    this.handles.add(handle);
    return handle;
  }

  /** Whether `value` is a handle: a cell ending in `display(x)` shows x, not its handle. */
  isHandle(value: unknown): boolean {
    return typeof value === 'object' && value !== null && this.handles.has(value);
  }

  /** Forgets the displays of `owner`'s earlier executions: its cell runs again. */
  release(owner: string): void {
    for (const [id, execution] of this.shown)
      if (this.ownerOf(execution) === owner) this.shown.delete(id);
  }

  clear(): void {
    this.shown.clear();
  }

  private update(id: string, value: unknown): void {
    const execution = this.shown.get(id);
    if (!execution) return;
    const output: DisplayDataOutput = {
      output_type: 'display_data',
      data: this.render(value, execution),
      metadata: {},
      transient: { display_id: id },
    };
    if (execution.replaceDisplay(output)) this.reportUpdate(execution, id, output);
  }
}
