import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCE } from './diff';
import { diffText, MAX_HUNK_LINES, MAX_HUNKS, sameLine } from './diff-text';

const tol = DEFAULT_TOLERANCE;
const lines = (n: number, f: (i: number) => string = (i) => `line ${i}`) =>
  Array.from({ length: n }, (_, i) => f(i)).join('\n');

describe('diffText', () => {
  it('is null for the same text, and for line endings that differ only in \\r', () => {
    expect(diffText('a\nb\n', 'a\nb\n', tol)).toBeNull();
    expect(diffText('a\r\nb\r\n', 'a\nb\n', tol)).toBeNull();
  });

  it('reports a changed line with its line numbers', () => {
    expect(diffText('a\nb\nc', 'a\nB\nc', tol)).toEqual({
      linesChanged: 1,
      totalHunks: 1,
      hunks: [
        {
          baselineLine: 2,
          currentLine: 2,
          removed: ['b'],
          added: ['B'],
          removedMore: 0,
          addedMore: 0,
        },
      ],
    });
  });

  it('finds insertions and deletions in the middle of long texts (a shortest edit script)', () => {
    const a = lines(1000);
    const b = lines(1000, (i) => (i === 300 ? 'line 300\ninserted' : `line ${i}`)).replace(
      'line 700\n',
      '',
    );
    const diff = diffText(a, b, tol);
    expect(diff?.hunks).toEqual([
      {
        baselineLine: 302,
        currentLine: 302,
        removed: [],
        added: ['inserted'],
        removedMore: 0,
        addedMore: 0,
      },
      {
        baselineLine: 701,
        currentLine: 702,
        removed: ['line 700'],
        added: [],
        removedMore: 0,
        addedMore: 0,
      },
    ]);
    expect(diff?.linesChanged).toBe(2);
  });

  it('keeps the first hunks and the first lines of each, and counts the rest', () => {
    const a = lines(100);
    const b = lines(100, (i) => (i % 10 === 0 ? `changed ${i}` : `line ${i}`));
    const diff = diffText(a, b, tol);
    expect(diff?.totalHunks).toBe(10);
    expect(diff?.hunks).toHaveLength(MAX_HUNKS);
    const long = diffText(
      lines(50),
      lines(50, (i) => `other ${i}`),
      tol,
    );
    expect(long?.hunks[0].removed).toHaveLength(MAX_HUNK_LINES);
    expect(long?.hunks[0].removedMore).toBe(50 - MAX_HUNK_LINES);
    expect(long?.linesChanged).toBe(50);
  });

  it('gives up the shortest script for texts too different, reporting one stretch', () => {
    const a = lines(3000, (i) => `a${i}`);
    const b = lines(3000, (i) => `b${i}`);
    const diff = diffText(`same\n${a}\nend`, `same\n${b}\nend`, tol);
    expect(diff?.totalHunks).toBe(1);
    expect(diff?.hunks[0].baselineLine).toBe(2);
    expect(diff?.linesChanged).toBe(3000);
  });

  it('cuts a very long line in a hunk', () => {
    const diff = diffText('x'.repeat(10_000), 'y'.repeat(10_000), tol);
    expect(diff?.hunks[0].removed[0].length).toBeLessThan(300);
  });
});

describe('sameLine', () => {
  it('compares the numbers in a line with the tolerance and the rest exactly', () => {
    expect(sameLine('total 0.30000000000000004', 'total 0.3', tol)).toBe(true);
    expect(sameLine('mean 0.23, n 12', 'mean 0.2300001, n 12', tol)).toBe(false);
    expect(sameLine('mean 0.23', 'mean 0.2300001', { rtol: 1e-3, atol: 0 })).toBe(true);
    expect(sameLine('mean 0.23', 'median 0.23', { rtol: 1, atol: 1 })).toBe(false);
    expect(sameLine('1e3 rows', '1000 rows', tol)).toBe(true);
    expect(sameLine('a 1 b', 'a 1 2 b', { rtol: 1, atol: 1 })).toBe(false);
  });

  it("ignores the time in console.timeEnd's lines, not their label", () => {
    expect(sameLine('load: 12.345 ms', 'load: 1.002 ms', tol)).toBe(true);
    expect(sameLine('load: 12.345 ms', 'save: 12.345 ms', tol)).toBe(false);
  });
});
