import { describe, expect, it } from 'vitest';
import { createEventLoopYield } from './event-loop-yield';

describe('createEventLoopYield', () => {
  it('gives timers their turn (a macrotask, not a microtask that would starve them)', async () => {
    const yielder = createEventLoopYield();
    let fired = false;
    setTimeout(() => (fired = true), 0);
    let turns = 0;
    while (!fired && turns < 100_000) {
      await yielder.next();
      turns++;
    }
    yielder.close();
    expect(fired).toBe(true);
  });

  it('resumes on each call, many times over', async () => {
    const yielder = createEventLoopYield();
    let turns = 0;
    for (let i = 0; i < 100; i++) {
      await yielder.next();
      turns++;
    }
    yielder.close();
    expect(turns).toBe(100);
  });
});
