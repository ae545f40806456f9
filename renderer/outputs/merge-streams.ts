/**
 * Consecutive stream outputs of the same stream shown as one, as Jupyter does: a file written by
 * another tool may hold a log as many small outputs, which would otherwise show as separate
 * blocks with gaps between them.
 */
import type { Output } from '../../core/outputs';

export function mergeStreams(outputs: readonly Output[]): Output[] {
  const merged: Output[] = [];
  for (const output of outputs) {
    const prev = merged[merged.length - 1];
    if (
      output.output_type === 'stream' &&
      prev?.output_type === 'stream' &&
      prev.name === output.name &&
      typeof prev.text === 'string' &&
      typeof output.text === 'string'
    ) {
      merged[merged.length - 1] = { ...prev, text: prev.text + output.text };
    } else merged.push(output);
  }
  return merged;
}
