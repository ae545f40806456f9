/**
 * A training run record as `ml.train` reports one (core/notebook/training-runs.ts), for the
 * tests that follow runs from the kernel into a notebook's metadata.
 */
import type { TrainingRunRecord } from '../../core/notebook/training-runs';

export function trainingRun(overrides: Partial<TrainingRunRecord> = {}): TrainingRunRecord {
  return {
    id: 'run-1764650000000-a1b2c3',
    started: '2026-12-02T05:50:00.000Z',
    duration_ms: 1234.5,
    cell: null,
    model: 'logistic',
    parameters: { epochs: 20, batchSize: 512, learningRate: 0.01, layers: [] },
    seed: 42,
    backend: { name: 'wasm', device: 'WASM (SIMD, 1 thread)' },
    pipeline_hash: 'a'.repeat(64),
    sample_manifest_hash: null,
    rows: { train: 60000, validation: 20000 },
    end: 'early-stopped',
    epochs: 14,
    metrics: { val_loss: 0.41, val_roc_auc: 0.83, test_roc_auc: null },
    ...overrides,
  };
}
