/**
 * The training bench on the GPU backends, in Chromium: bundles training-page.ts, serves it (with
 * TF.js's WASM binaries) from a local server that sends COOP/COEP, so the page is cross-origin
 * isolated and WASM may use threads as a real GPU-less browser could, and drives the system
 * Chromium (`/usr/bin/chromium` or QUARRY_CHROMIUM) through playwright-core with WebGPU enabled.
 * It prints the same table as bench/ml-training.bench.ts for each backend that started, then each
 * GPU backend's epoch time against WASM's in the same page. Nothing asserts.
 *
 *   npx tsx bench/gpu/gpu-training.bench.ts [--rows N] [--runs N] [--epochs N]
 *       [--backends webgpu,webgl,wasm] [--headed]
 *
 * On a machine without a GPU, Chromium's WebGL is SwiftShader (software): the device line says
 * so, and `--backends wasm` or a small `--rows` keeps the run short.
 */
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { isBackendName } from '../../kernels/ml/backend';
import type { BackendFigures } from '../ml-training-measure';
import {
  describeSettings,
  modelTitle,
  renderBackend,
  summaryLine,
  targetChecks,
} from '../ml-training-report';
import { formatMs, formatRatio } from '../stats';
import type { PageResult } from './training-page';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHROMIUM = process.env.QUARRY_CHROMIUM ?? '/usr/bin/chromium';
const WASM_DIR = path.join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist');
const TIMEOUT_MS = 20 * 60_000;

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(`--${name}`);
  return index < 0 ? fallback : (process.argv[index + 1] ?? '');
}

function positive(name: string, fallback: number): number {
  const value = Number(option(name, String(fallback)));
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive integer`);
  return value;
}

async function bundlePage(dir: string): Promise<void> {
  await build({
    entryPoints: [path.join(import.meta.dirname, 'training-page.ts')],
    outfile: path.join(dir, 'page.js'),
    bundle: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    logLevel: 'warning',
  });
  await writeFile(
    path.join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><title>Quarry training bench</title><script type="module" src="/page.js"></script>',
  );
}

/** Serves the bundle and /wasm/*; COOP + COEP make the page cross-origin isolated. */
function serve(dir: string): Promise<Server> {
  const types: Record<string, string> = {
    '.html': 'text/html',
    '.js': 'text/javascript',
    '.wasm': 'application/wasm',
  };
  const server = createServer((request, response) => {
    const name = new URL(request.url ?? '/', 'http://localhost').pathname;
    const file = name.startsWith('/wasm/')
      ? path.join(WASM_DIR, path.basename(name))
      : path.join(dir, name === '/' ? 'index.html' : path.basename(name));
    const stream = createReadStream(file);
    stream.on('error', () => response.writeHead(404).end());
    stream.on('open', () => {
      response.writeHead(200, {
        'Content-Type': types[path.extname(file)] ?? 'application/octet-stream',
        'Cross-Origin-Opener-Policy': 'same-origin',
        'Cross-Origin-Embedder-Policy': 'require-corp',
      });
      stream.pipe(response);
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Each GPU backend's loop and fit epochs against WASM's, model by model: WASM time ÷ its time. */
function renderAgainstWasm(figures: BackendFigures[]): string[] {
  const wasm = figures.find((f) => f.backend.name === 'wasm');
  if (!wasm) return ['(no WASM figures in this run to compare the GPU backends with)'];
  return figures
    .filter((f) => f.backend.name !== 'wasm')
    .flatMap((gpu) =>
      gpu.models.map((m) => {
        const onWasm = wasm.models.find((w) => w.model.name === m.model.name);
        if (!onWasm) return `${gpu.backend.name}: no WASM figures for ${m.model.name}`;
        return [
          `${gpu.backend.name} vs wasm, ${modelTitle(m.model, gpu.features)}:`,
          `loop ${formatMs(m.loop.median)} vs ${formatMs(onWasm.loop.median)} (speedup ${formatRatio(onWasm.loop.median / m.loop.median)}),`,
          `fit ${formatMs(m.fit.median)} vs ${formatMs(onWasm.fit.median)} (speedup ${formatRatio(onWasm.fit.median / m.fit.median)})`,
        ].join(' ');
      }),
    );
}

async function main(): Promise<void> {
  const started = performance.now();
  const backends = option('backends', 'webgpu,webgl,wasm');
  const bad = backends.split(',').filter((name) => !isBackendName(name));
  if (bad.length > 0) throw new Error(`--backends: unknown ${bad.join(', ')}`);
  const query = new URLSearchParams({
    backends,
    rows: String(positive('rows', 1_000_000)),
    runs: String(positive('runs', 2)),
    epochs: String(positive('epochs', 3)),
  });
  const dir = await mkdtemp(path.join(tmpdir(), 'quarry-gpu-bench-'));
  await bundlePage(dir);
  const server = await serve(dir);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: !process.argv.includes('--headed'),
    args: [
      '--no-sandbox',
      '--enable-unsafe-webgpu',
      '--enable-features=Vulkan,WebGPU',
      '--ignore-gpu-blocklist',
      '--enable-gpu-rasterization',
      '--disable-background-timer-throttling',
      ...(process.env.QUARRY_CHROMIUM_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
  });
  try {
    const page = await browser.newPage();
    page.on('console', (message) => process.stderr.write(`bench (page): ${message.text()}\n`));
    page.on('pageerror', (error) => process.stderr.write(`bench (page error): ${error.message}\n`));
    const port = (server.address() as AddressInfo).port;
    await page.goto(`http://127.0.0.1:${port}/?${query}`);
    const isolated = await page.evaluate(
      () => (globalThis as { crossOriginIsolated?: boolean }).crossOriginIsolated === true,
    );
    await page.waitForFunction(
      () => (globalThis as { quarryBench?: PageResult }).quarryBench?.status !== 'running',
      undefined,
      { timeout: TIMEOUT_MS, polling: 1000 },
    );
    const result = await page.evaluate(
      () => (globalThis as { quarryBench?: PageResult }).quarryBench,
    );
    if (!result || result.status !== 'done') {
      throw new Error(
        `the page failed: ${result?.status === 'failed' ? result.error : 'no result'}`,
      );
    }
    console.log(
      `Quarry GPU training bench: ${browser.version()} (${CHROMIUM}), cross-origin isolated: ${isolated};` +
        ` took ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    for (const skipped of result.skipped) console.log(`skipped ${skipped}`);
    if (result.figures.length === 0) return;
    console.log(
      describeSettings(result.figures[0], Number(query.get('runs')), Number(query.get('epochs'))),
    );
    console.log(
      'speedup = median of per-epoch (fit time ÷ loop time); GFLOP/s count matmul FLOPs only',
    );
    for (const figures of result.figures) console.log(`\n${renderBackend(figures)}`);
    console.log('');
    for (const line of renderAgainstWasm(result.figures)) console.log(line);
    console.log('');
    console.log(summaryLine(result.figures.flatMap((figures) => targetChecks(figures, null))));
  } finally {
    await browser.close();
    server.close();
    await rm(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  },
);
