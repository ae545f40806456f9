import { describe, expect, it } from 'vitest';
import type { TablePage } from '../../../core/protocol';
import { PAGE_ROWS, PageCache } from './page-cache';

/** A kept result of `total` rows {n}, answered after `settle()`. */
function kernel(total: number, gone = false) {
  const asked: number[] = [];
  const waiting: (() => void)[] = [];
  const fetch = (offset: number, limit: number) => {
    asked.push(offset);
    return new Promise<TablePage | null>((resolve) =>
      waiting.push(() => {
        const indices = Array.from(
          { length: Math.max(0, Math.min(limit, total - offset)) },
          (_, i) => total - 1 - (offset + i),
        );
        resolve(gone ? null : { offset, rows: indices.map((n) => ({ n })), indices });
      }),
    );
  };
  const settle = async () => {
    for (const answer of waiting.splice(0)) answer();
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { fetch, asked, settle };
}

describe('PageCache', () => {
  it('fetches each page a range needs once, and serves its rows with their numbers', async () => {
    const k = kernel(1000);
    let changes = 0;
    const cache = new PageCache(k.fetch, { changed: () => changes++, gone: () => {} });
    cache.load(150, 250);
    cache.load(180, 260);
    expect(k.asked).toEqual([0, PAGE_ROWS]);
    expect(cache.rowAt(150)).toBeUndefined();
    await k.settle();
    expect(changes).toBe(2);
    expect(cache.rowAt(150)).toEqual({ row: { n: 849 }, index: 849 });
    expect(cache.rowAt(201)).toEqual({ row: { n: 798 }, index: 798 });
    cache.load(150, 250);
    expect(k.asked).toHaveLength(2);
  });

  it('says when the kernel no longer keeps the result, and then asks no more', async () => {
    const k = kernel(1000, true);
    let gone = 0;
    const cache = new PageCache(k.fetch, { changed: () => {}, gone: () => gone++ });
    cache.load(0, 10);
    await k.settle();
    expect(gone).toBe(1);
    cache.load(500, 510);
    expect(k.asked).toEqual([0]);
  });

  it('ignores pages that arrive after it was stopped', async () => {
    const k = kernel(1000);
    let changes = 0;
    const cache = new PageCache(k.fetch, { changed: () => changes++, gone: () => {} });
    cache.load(0, 10);
    cache.stop();
    await k.settle();
    expect(changes).toBe(0);
    expect(cache.rowAt(0)).toBeUndefined();
  });
});
