/**
 * Evaluation at scale, side by side with the straightforward way (bench/README.md: ratios):
 * ROC-AUC and `evaluate` on 1M rows against sorting row numbers with a comparator and one
 * trapezoid pass, and a 1 000-resample bootstrap on 20k rows against resampling arrays and
 * sorting each resample. Run: `npx tsx bench/metrics.bench.ts`.
 */
import os from 'node:os';
import { bootstrapInterval } from '../kernels/ml/metrics/bootstrap';
import { evaluate } from '../kernels/ml/metrics/evaluate';
import { rocAuc } from '../kernels/ml/metrics/ranking';
import { createRandom } from '../kernels/ml/random';
import { formatMs, formatRatio, interleaved, renderTable, type Paired } from './stats';

function scored(n: number, seed: number): { labels: Float32Array; scores: Float32Array } {
  const random = createRandom(seed);
  const labels = new Float32Array(n);
  const scores = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    labels[i] = random.next() < 0.2 ? 1 : 0;
    scores[i] = 1 / (1 + Math.exp(-(random.normal() + 1.5 * labels[i] - 1.5)));
  }
  return { labels, scores };
}

/** The straightforward ROC-AUC: a comparator sort of row numbers, then the trapezoid. */
function referenceRocAuc(labels: ArrayLike<number>, scores: ArrayLike<number>): number {
  const order = Array.from({ length: labels.length }, (_, i) => i);
  order.sort((a, b) => scores[b] - scores[a]);
  let tp = 0;
  let fp = 0;
  let area = 0;
  let lastTp = 0;
  let lastFp = 0;
  for (let i = 0; i < order.length; i++) {
    if (labels[order[i]] === 1) tp++;
    else fp++;
    if (i === order.length - 1 || scores[order[i + 1]] !== scores[order[i]]) {
      area += (fp - lastFp) * (tp + lastTp);
      lastTp = tp;
      lastFp = fp;
    }
  }
  return area / 2 / (tp * fp);
}

const timed = (work: () => unknown) => async () => {
  const start = performance.now();
  work();
  return performance.now() - start;
};

async function main(): Promise<void> {
  const big = scored(1_000_000, 1);
  const small = scored(20_000, 2);
  const results: [string, string, Paired][] = [];
  process.stderr.write('bench: 1/3 rocAuc 1M rows\n');
  results.push([
    'rocAuc, 1M rows',
    'comparator sort + trapezoid',
    await interleaved(
      { warmup: 1, runs: 7 },
      timed(() => rocAuc(big.labels, big.scores)),
      timed(() => referenceRocAuc(big.labels, big.scores)),
    ),
  ]);
  process.stderr.write('bench: 2/3 evaluate 1M rows\n');
  results.push([
    'evaluate (every metric), 1M rows',
    'comparator sort + trapezoid',
    await interleaved(
      { warmup: 1, runs: 7 },
      timed(() => evaluate(big.labels, big.scores)),
      timed(() => referenceRocAuc(big.labels, big.scores)),
    ),
  ]);
  process.stderr.write('bench: 3/3 bootstrap 1000 × 20k rows\n');
  const resampleReference = () => {
    const random = createRandom(0);
    const n = small.labels.length;
    const labels = new Float32Array(n);
    const scores = new Float32Array(n);
    for (let b = 0; b < 1000; b++) {
      for (let k = 0; k < n; k++) {
        const row = random.int(n);
        labels[k] = small.labels[row];
        scores[k] = small.scores[row];
      }
      referenceRocAuc(labels, scores);
    }
  };
  results.push([
    'bootstrapInterval rocAuc, 1000 × 20k rows',
    'resample arrays, sort each',
    await interleaved(
      { warmup: 0, runs: 3 },
      timed(() => bootstrapInterval(small.labels, small.scores, 'rocAuc', { resamples: 1000 })),
      timed(resampleReference),
    ),
  ]);
  const header = ['measurement', 'runs', 'median', 'p95', 'ratio'];
  const rows = results.flatMap(([name, reference, paired]) => [
    [
      name,
      String(paired.subject.runs),
      formatMs(paired.subject.median),
      formatMs(paired.subject.p95),
      formatRatio(paired.ratio),
    ],
    [
      `  ref: ${reference}`,
      String(paired.reference.runs),
      formatMs(paired.reference.median),
      formatMs(paired.reference.p95),
      '',
    ],
  ]);
  console.log(
    `Quarry metrics bench: Node ${process.version}, ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(1)}`,
  );
  console.log(renderTable(header, rows, ['left', 'right', 'right', 'right', 'right']));
}

void main();
