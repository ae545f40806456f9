/**
 * Training bench (issue 11): Quarry's training loop against `tf.LayersModel.fit` with its default
 * settings, same model, optimizer, batch size and backend, on 1M rows × 30 features, for a
 * logistic regression and a 30→64→1 MLP; the loop's matmul FLOP/s as a fraction of the backend's
 * 1024² matmul; and the WASM backend against plain-JS CPU (CPU on fewer batches, scaled, as the
 * output says). Nothing asserts: the exit code is 0 whatever the figures (bench/README.md).
 *
 *   npx tsx bench/ml-training.bench.ts [--rows N] [--runs N] [--epochs N] [--cpu-rows N]
 */
import os from 'node:os';
import { createNodeKernelPlatform } from '../host/kernel/node-kernel-platform';
import { useBackend } from '../kernels/ml/backend';
import {
  BENCH_MODELS,
  defaultSettings,
  generateData,
  measureBackend,
  measureScaled,
} from './ml-training-measure';
import {
  CPU_SPEEDUP_TARGET,
  describeSettings,
  renderBackend,
  renderBackendRatio,
  summaryLine,
  targetChecks,
} from './ml-training-report';
import { formatMs, formatRatio } from './stats';

const FEATURES = 30;
const SEED = 11;

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  if (index < 0) return fallback;
  const value = Number(process.argv[index + 1]);
  if (!Number.isInteger(value) || value < 1) {
    throw new Error(`--${name} needs a positive integer, got ${process.argv[index + 1]}`);
  }
  return value;
}

function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}

async function main(): Promise<void> {
  const started = performance.now();
  const loadBefore = os.loadavg()[0];
  const rows = option('rows', 1_000_000);
  const counts = { runs: option('runs', 2), epochs: option('epochs', 3) };
  const cpuRows = Math.min(rows, option('cpu-rows', 20_000));

  const platform = createNodeKernelPlatform({ notebookDir: process.cwd() });
  const tf = await platform.loadTf();
  const wasm = await useBackend(tf, 'wasm', platform);
  if (wasm.fallback) throw new Error(`the WASM backend did not start: ${wasm.fallback}`);

  progress(`generating ${rows.toLocaleString('en')} rows × ${FEATURES} features`);
  const data = generateData(rows, FEATURES, SEED);
  const settings = defaultSettings(SEED);
  const figures = await measureBackend(tf, data, settings, counts, progress);

  // CPU: the model with the most math, on the first rows only.
  const heaviest = BENCH_MODELS[BENCH_MODELS.length - 1];
  // WASM on the same rows just before CPU: a like-for-like pair under the same load.
  progress(`WASM then CPU backend: ${heaviest.name} on ${cpuRows.toLocaleString('en')} rows`);
  const wasmSameRows = await measureScaled(tf, data, heaviest, settings, cpuRows);
  await useBackend(tf, 'cpu', platform);
  const cpu = await measureScaled(tf, data, heaviest, settings, cpuRows);
  await useBackend(tf, 'wasm', platform);
  await platform.close?.();

  console.log(
    [
      `Quarry training bench: Node ${process.version}, ${process.platform} ${process.arch},`,
      `${os.cpus().length} CPUs; load average ${loadBefore.toFixed(1)} → ${os.loadavg()[0].toFixed(1)};`,
      `took ${((performance.now() - started) / 1000).toFixed(1)} s`,
    ].join(' '),
  );
  console.log(describeSettings(figures, counts.runs, counts.epochs));
  console.log(
    'speedup = median of per-epoch (fit time ÷ loop time); GFLOP/s count matmul FLOPs only ' +
      '(forward, kernel and input gradients), at the median epoch',
  );
  console.log('');
  console.log(renderBackend(figures));
  console.log('');
  console.log(renderBackendRatio(figures, cpu, CPU_SPEEDUP_TARGET));
  console.log(
    `  on the same ${cpuRows.toLocaleString('en')} rows back to back: wasm ${formatMs(wasmSameRows.scaledEpochMs)}, ` +
      `cpu ${formatMs(cpu.scaledEpochMs)} per (scaled) epoch: ${formatRatio(cpu.scaledEpochMs / wasmSameRows.scaledEpochMs)}`,
  );
  console.log('');
  console.log(summaryLine(targetChecks(figures, cpu)));
}

main().then(
  // Exit code 0 whatever the figures are: the summary line says which targets are missed.
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
