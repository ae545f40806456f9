import { describe, expect, it } from 'vitest';
import { isGlob } from './glob-pattern';

describe('isGlob', () => {
  it('recognises *, ?, [ and {', () => {
    expect(isGlob('data/*.csv')).toBe(true);
    expect(isGlob('data/**/x.csv')).toBe(true);
    expect(isGlob('x?.csv')).toBe(true);
    expect(isGlob('p[0-9].csv')).toBe(true);
    expect(isGlob('{a,b}.csv')).toBe(true);
    expect(isGlob('data/x.csv')).toBe(false);
  });
});
