import { describe, expect, it } from 'vitest';
import type { Output } from '../../core/outputs';
import { mergeStreams } from './merge-streams';

const out = (name: 'stdout' | 'stderr', text: string): Output => ({
  output_type: 'stream',
  name,
  text,
});

describe('mergeStreams', () => {
  it('joins neighbours of the same stream only', () => {
    const error: Output = { output_type: 'error', ename: 'E', evalue: '', traceback: [] };
    const input = [out('stdout', 'a\n'), out('stdout', 'b\n'), out('stderr', 'c\n'), error];
    expect(mergeStreams(input)).toEqual([out('stdout', 'a\nb\n'), out('stderr', 'c\n'), error]);
  });

  it('keeps outputs untouched when nothing merges', () => {
    const input = [out('stdout', 'a'), out('stderr', 'b'), out('stdout', 'c')];
    const result = mergeStreams(input);
    expect(result).toEqual(input);
    expect(result[0]).toBe(input[0]);
  });
});
