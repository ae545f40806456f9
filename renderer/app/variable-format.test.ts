import { describe, expect, it } from 'vitest';
import { formatShape, formatSize } from './variable-format';

describe('variable formats', () => {
  it('writes shapes', () => {
    expect(formatShape([100_000, 2])).toBe('100,000 × 2');
    expect(formatShape([7])).toBe('7');
    expect(formatShape([])).toBe('scalar');
    expect(formatShape(null)).toBe('—');
  });

  it('writes sizes, marking estimates', () => {
    expect(formatSize({ bytes: 8, exact: false })).toBe('~8 B');
    expect(formatSize({ bytes: 16_000, exact: true })).toBe('15.6 KB');
    expect(formatSize({ bytes: 3 * 1024 ** 3, exact: true })).toBe('3.0 GB');
    expect(formatSize(null)).toBe('—');
  });
});
