import { describe, expect, it } from 'vitest';
import { LatestPerFrame } from './latest-per-frame';

describe('LatestPerFrame', () => {
  it('delivers the last value of each key once per frame', () => {
    const frames: (() => void)[] = [];
    const delivered: string[][] = [];
    const batch = new LatestPerFrame<string>(
      (values) => delivered.push(values),
      (flush) => frames.push(flush),
    );
    for (let i = 1; i <= 20; i++) batch.push('chart', `chart v${i}`);
    batch.push('counter', 'counter v1');
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(delivered).toEqual([['chart v20', 'counter v1']]);
    batch.push('chart', 'chart v21');
    expect(frames).toHaveLength(1);
    frames.shift()?.();
    expect(delivered.at(-1)).toEqual(['chart v21']);
  });
});
