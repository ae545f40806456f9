/**
 * The display protocol for values: an object with a `[DISPLAY]()` method says how it shows itself
 * as a Jupyter MIME bundle (like IPython's `_repr_mimebundle_`). Charts implement it; users may
 * too, through `Symbol.for('quarry.display')`. Tables (query results, Arrow, frames) are shown
 * through their TableSource instead (table-source.ts), so the kernel can keep them for paging.
 */
import type { MimeBundle } from '../../core/outputs';

export const DISPLAY: unique symbol = Symbol.for('quarry.display') as never;

export interface Displayable {
  [DISPLAY](): MimeBundle;
}

export function isDisplayable(value: unknown): value is Displayable {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { [DISPLAY]?: unknown })[DISPLAY] === 'function'
  );
}
