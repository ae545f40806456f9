/**
 * Small statistics and a plain-text table for the benchmarks. Figures are summarised by their
 * median (robust to the odd GC pause) and their 95th percentile (how bad the tail gets).
 */

export type Summary = { runs: number; median: number; p95: number };

/** The q-th quantile (0…1) of `values`, interpolating linearly between ranks. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) throw new Error('quantile of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below] + (sorted[above] - sorted[below]) * (position - below);
}

export function median(values: readonly number[]): number {
  return quantile(values, 0.5);
}

export function summarize(values: readonly number[]): Summary {
  return { runs: values.length, median: median(values), p95: quantile(values, 0.95) };
}

/** A measurement next to its reference, from runs that alternate between them. */
export type Paired = {
  subject: Summary;
  reference: Summary;
  /** Median over runs of subject ÷ reference, each pair timed back to back. */
  ratio: number;
  /** Median over runs of subject − reference, in ms. */
  overhead: number;
};

/**
 * Runs `subject` and `reference` alternately (ABBA order) and compares each run with its partner:
 * load from other processes comes in bursts longer than a pair, so per-pair figures cancel it.
 */
export async function interleaved(
  counts: { warmup: number; runs: number },
  subject: () => Promise<number>,
  reference: () => Promise<number>,
  betweenRuns: () => void = () => undefined,
): Promise<Paired> {
  const subjectTimes: number[] = [];
  const referenceTimes: number[] = [];
  for (let i = 0; i < counts.warmup + counts.runs; i++) {
    const subjectFirst = i % 4 === 0 || i % 4 === 3;
    const order = subjectFirst ? [subject, reference] : [reference, subject];
    const times: number[] = [];
    for (const work of order) {
      betweenRuns();
      times.push(await work());
    }
    if (i < counts.warmup) continue;
    subjectTimes.push(subjectFirst ? times[0] : times[1]);
    referenceTimes.push(subjectFirst ? times[1] : times[0]);
  }
  return {
    subject: summarize(subjectTimes),
    reference: summarize(referenceTimes),
    ratio: median(subjectTimes.map((t, i) => t / referenceTimes[i])),
    overhead: median(subjectTimes.map((t, i) => t - referenceTimes[i])),
  };
}

/** Milliseconds with enough digits to tell 0.02 ms from 0.2 ms, and no more. */
export function formatMs(ms: number): string {
  const abs = Math.abs(ms);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : 3;
  return `${ms.toFixed(digits)} ms`;
}

export function formatRatio(ratio: number): string {
  return `${ratio >= 100 ? ratio.toFixed(0) : ratio.toFixed(2)}×`;
}

export type Align = 'left' | 'right';

/** A table of strings with one header row, columns padded to their widest cell. */
export function renderTable(
  header: readonly string[],
  rows: readonly string[][],
  align: readonly Align[],
): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) =>
        align[column] === 'right' ? cell.padStart(widths[column]) : cell.padEnd(widths[column]),
      )
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(header), rule, ...rows.map(line)].join('\n');
}
