/**
 * The training bench's table, from figures measured in Node (bench/ml-training.bench.ts) or in a
 * Chromium page (bench/gpu/): one block per backend, the loop beside fit, and the slow backend
 * scaled from fewer batches, said so on its line.
 */
import type { BackendFigures, BenchModel, ScaledFigures } from './ml-training-measure';
import { layerWidths } from './ml-training-measure';
import { formatMs, formatRatio, renderTable } from './stats';

/** The issue's targets: the loop ≥ 3× fit's epoch speed, WASM ≥ 10× the CPU backend. */
export const FIT_SPEEDUP_TARGET = 3;
export const CPU_SPEEDUP_TARGET = 10;

const gflops = (flops: number) => `${(flops / 1e9).toFixed(2)}`;
const percent = (fraction: number) => `${(fraction * 100).toFixed(1)} %`;
const verdict = (value: number, target: number) => (value >= target ? 'ok' : 'UNDER');

export function modelTitle(model: BenchModel, features: number): string {
  return `${model.name} ${layerWidths(model, features).join('→')}`;
}

/** The settings line shared by every block: rows, features, batch, optimizer, epoch counts. */
export function describeSettings(figures: BackendFigures, runs: number, epochs: number): string {
  return [
    `${figures.rows.toLocaleString('en')} rows × ${figures.features} features,`,
    `batch ${figures.settings.batchSize}, Adam at the loop's default learning rate`,
    `(${figures.models.map((m) => `${m.model.name} ${m.learningRate}`).join(', ')}) on both sides;`,
    `${runs} runs × ${epochs} epochs per side, alternating; each run's first epoch is a warm-up`,
  ].join(' ');
}

/** One backend's table: for each model the loop, then fit under it as `ref:`. */
export function renderBackend(figures: BackendFigures): string {
  const rows: string[][] = [];
  figures.models.forEach((m, index) => {
    rows.push([
      String(index + 1),
      `${modelTitle(m.model, figures.features)}: Quarry loop`,
      String(m.loop.runs),
      formatMs(m.loop.median),
      formatMs(m.loop.p95),
      gflops(m.loopFlopsPerSecond),
      percent(m.loopFlopsPerSecond / figures.matmulFlopsPerSecond),
      formatRatio(m.speedup),
      `≥ ${FIT_SPEEDUP_TARGET}×`,
      verdict(m.speedup, FIT_SPEEDUP_TARGET),
    ]);
    rows.push([
      '',
      '  ref: tf.LayersModel.fit, defaults',
      String(m.fit.runs),
      formatMs(m.fit.median),
      formatMs(m.fit.p95),
      gflops(m.fitFlopsPerSecond),
      percent(m.fitFlopsPerSecond / figures.matmulFlopsPerSecond),
      '',
      '',
      '',
    ]);
  });
  const table = renderTable(
    [
      '#',
      'epoch of',
      'epochs',
      'median',
      'p95',
      'GFLOP/s',
      'of matmul',
      'speedup',
      'target',
      'result',
    ],
    rows,
    ['right', 'left', 'right', 'right', 'right', 'right', 'right', 'right', 'left', 'left'],
  );
  return [
    `backend ${figures.backend.name}: ${figures.backend.device}; 1024² matmul ${gflops(figures.matmulFlopsPerSecond)} GFLOP/s`,
    table,
  ].join('\n');
}

/** The loop's epoch time on the slow backend ÷ on the fast one, for the slow one's model. */
export function backendRatio(fast: BackendFigures, slow: ScaledFigures): number {
  return slow.scaledEpochMs / fastEpochMs(fast, slow);
}

function fastEpochMs(fast: BackendFigures, slow: ScaledFigures): number {
  const model = fast.models.find((m) => m.model.name === slow.model.name);
  if (!model) throw new Error(`no ${slow.model.name} figures on ${fast.backend.name}`);
  return model.loop.median;
}

/** A faster backend against a slower one for the same model: epoch time ratio, slow ÷ fast. */
export function renderBackendRatio(
  fast: BackendFigures,
  slow: ScaledFigures,
  target: number,
): string {
  const ratio = backendRatio(fast, slow);
  return [
    `${fast.backend.name} vs ${slow.backend.name}, ${modelTitle(slow.model, fast.features)}, Quarry loop:`,
    `${slow.backend.name} measured on ${slow.measuredRows.toLocaleString('en')} rows`,
    `(${slow.measuredBatches} batches, 1 epoch after a warm-up) and scaled ×${(fast.rows / slow.measuredRows).toFixed(0)}`,
    `to ${formatMs(slow.scaledEpochMs)} per epoch; ${fast.backend.name} ${formatMs(fastEpochMs(fast, slow))}:`,
    `${formatRatio(ratio)} faster (target ≥ ${target}×: ${verdict(ratio, target)})`,
  ].join(' ');
}

/** The last line: every target met, or which are not. */
export function summaryLine(checks: { title: string; met: boolean }[]): string {
  const missed = checks.filter((check) => !check.met);
  return missed.length === 0
    ? `bench: ${checks.length} targets, all met`
    : `bench: ${missed.length} of ${checks.length} targets UNDER: ${missed.map((c) => c.title).join('; ')}`;
}

export function targetChecks(
  figures: BackendFigures,
  scaled: ScaledFigures | null,
): { title: string; met: boolean }[] {
  const checks = figures.models.map((m) => ({
    title: `${figures.backend.name} ${modelTitle(m.model, figures.features)} loop vs fit ${formatRatio(m.speedup)}`,
    met: m.speedup >= FIT_SPEEDUP_TARGET,
  }));
  if (!scaled) return checks;
  const ratio = backendRatio(figures, scaled);
  return [
    ...checks,
    {
      title: `${figures.backend.name} vs ${scaled.backend.name} ${formatRatio(ratio)}`,
      met: ratio >= CPU_SPEEDUP_TARGET,
    },
  ];
}
