/**
 * Line diffs of text outputs (streams, `text/plain`, HTML, markdown), bounded: the first
 * MAX_HUNKS hunks, each at most MAX_HUNK_LINES lines a side, each line cut as messages cut input.
 *
 * Lines compare tolerantly: the numbers in them are compared with the diff's tolerance and the
 * rest of the line as text, so a float printed with other last digits (`0.30000000000000004`
 * against `0.3`) is not a change while `0.23` against `0.24` is. The line `console.timeEnd`
 * writes (`label: 12.345 ms`) is a timing: its number is ignored, as timings are everywhere
 * else in the diff.
 */
import { excerpt } from '../excerpt';
import type { DiffTolerance, TextHunk } from './diff-types';
import { sameNumber } from './diff-values';

export const MAX_HUNKS = 5;
export const MAX_HUNK_LINES = 8;
/** Past this many inserted plus deleted lines the diff stops looking for a shortest script. */
const MAX_EDITS = 500;

const NUMBER = /[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;
/** kernels/runtime/cell-console.ts, `timeEnd`. */
const TIMING_LINE = /^(.*): \d+\.\d{3} ms$/;

export type TextDiff = { linesChanged: number; hunks: TextHunk[]; totalHunks: number };

/**
 * A line read once for comparing: its text with each number replaced by a marker (a timing
 * line's by another marker, its time left out), and the numbers.
 */
type Line = { text: string; shape: string; numbers: number[] };

/** Null when the texts are the same line for line (within the tolerance). */
export function diffText(
  baseline: string,
  current: string,
  tolerance: DiffTolerance,
): TextDiff | null {
  if (baseline === current) return null;
  const a = splitLines(baseline).map(readLine);
  const b = splitLines(current).map(readLine);
  const same = (x: Line, y: Line) => sameReadLine(x, y, tolerance);
  const runs = changedRuns(a, b, same);
  if (runs.length === 0) return null;
  return {
    linesChanged: runs.reduce((sum, r) => sum + Math.max(r.aEnd - r.aStart, r.bEnd - r.bStart), 0),
    hunks: runs.slice(0, MAX_HUNKS).map((run) => hunkOf(run, a, b)),
    totalHunks: runs.length,
  };
}

function splitLines(text: string): string[] {
  return text.split('\n').map((line) => (line.endsWith('\r') ? line.slice(0, -1) : line));
}

function readLine(text: string): Line {
  const timing = TIMING_LINE.exec(text);
  if (timing) return { text, shape: `${timing[1]}\u0000timing`, numbers: [] };
  const numbers: number[] = [];
  const shape = text.replace(NUMBER, (n) => {
    numbers.push(Number(n));
    return '\u0000';
  });
  return { text, shape, numbers };
}

function sameReadLine(a: Line, b: Line, tolerance: DiffTolerance): boolean {
  if (a.text === b.text) return true;
  if (a.shape !== b.shape) return false;
  return a.numbers.every((n, i) => sameNumber(n, b.numbers[i], tolerance));
}

export function sameLine(baseline: string, current: string, tolerance: DiffTolerance): boolean {
  return sameReadLine(readLine(baseline), readLine(current), tolerance);
}

/** A stretch of lines a[aStart, aEnd) replaced by b[bStart, bEnd). */
type Run = { aStart: number; aEnd: number; bStart: number; bEnd: number };

function hunkOf(run: Run, a: Line[], b: Line[]): TextHunk {
  const removed = a.slice(run.aStart, run.aEnd).map((l) => l.text);
  const added = b.slice(run.bStart, run.bEnd).map((l) => l.text);
  return {
    baselineLine: run.aStart + 1,
    currentLine: run.bStart + 1,
    removed: removed.slice(0, MAX_HUNK_LINES).map(excerpt),
    added: added.slice(0, MAX_HUNK_LINES).map(excerpt),
    removedMore: Math.max(0, removed.length - MAX_HUNK_LINES),
    addedMore: Math.max(0, added.length - MAX_HUNK_LINES),
  };
}

/** The changed stretches, in order: the common ends trimmed, then Myers's diff of the middle. */
function changedRuns(a: Line[], b: Line[], same: (x: Line, y: Line) => boolean): Run[] {
  let start = 0;
  while (start < a.length && start < b.length && same(a[start], b[start])) start++;
  let aEnd = a.length;
  let bEnd = b.length;
  while (aEnd > start && bEnd > start && same(a[aEnd - 1], b[bEnd - 1])) {
    aEnd--;
    bEnd--;
  }
  if (start === aEnd && start === bEnd) return [];
  const script = shortestEdit(a.slice(start, aEnd), b.slice(start, bEnd), same);
  // Too different for a bounded search: one stretch from the first to the last changed line.
  if (script === null) return [{ aStart: start, aEnd, bStart: start, bEnd }];
  const runs: Run[] = [];
  for (const edit of script) {
    const last = runs[runs.length - 1];
    const aAt = start + edit.a;
    const bAt = start + edit.b;
    const extends_ = last !== undefined && last.aEnd === aAt && last.bEnd === bAt;
    const run = extends_ ? last : { aStart: aAt, aEnd: aAt, bStart: bAt, bEnd: bAt };
    if (!extends_) runs.push(run);
    if (edit.op === 'delete') run.aEnd++;
    else run.bEnd++;
  }
  return runs;
}

/** One deleted line a[a] or inserted line b[b], at the positions the script has reached. */
type Edit = { op: 'delete' | 'insert'; a: number; b: number };

/**
 * Myers's O(ND) shortest edit script (E. Myers, "An O(ND) Difference Algorithm", 1986), in
 * order; null when it needs more than MAX_EDITS edits.
 */
function shortestEdit<T>(a: T[], b: T[], same: (x: T, y: T) => boolean): Edit[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, MAX_EDITS);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= limit; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])
          ? v[offset + k + 1]
          : v[offset + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && same(a[x], b[y])) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, offset, n, m);
    }
  }
  return null;
}

function backtrack(trace: Int32Array[], offset: number, n: number, m: number): Edit[] {
  const edits: Edit[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d > 0; d--) {
    const v = trace[d];
    const k = x - y;
    const down = k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1]);
    const prevK = down ? k + 1 : k - 1;
    const prevX = v[offset + prevK];
    const prevY = prevX - prevK;
    edits.push(down ? { op: 'insert', a: prevX, b: prevY } : { op: 'delete', a: prevX, b: prevY });
    x = prevX;
    y = prevY;
  }
  return edits.reverse();
}
