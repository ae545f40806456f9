/**
 * Training runs as a notebook records them, under `metadata.quarry.runs` (newest last), so the
 * runs table compares them across sessions and a replay can check it reproduces them: the same
 * seed and backend give the same metrics. The kernel reports each run with the `done` event of
 * the cell that trained it (core/protocol.ts); the app and `quarry run` append it to the file.
 */
import type { JsonValue } from '../json';

export type TrainingRunRecord = {
  /** Unique within the notebook: `run-<time>-<random>`. */
  id: string;
  /** ISO 8601 time training started. */
  started: string;
  duration_ms: number;
  /** The 1-based number of the cell that trained it, when a cell did. */
  cell: number | null;
  /** `baseline`, `logistic`, `linear`, `mlp`. */
  model: string;
  /** The training settings as given and defaulted (epochs, batch size, layers, …). */
  parameters: Record<string, JsonValue>;
  seed: number;
  backend: { name: string; device: string };
  /** sha256 of the fitted feature pipeline's canonical JSON, or null without one. */
  pipeline_hash: string | null;
  /** sha256 of the sample manifest the data came from, when it came from a pulled sample. */
  sample_manifest_hash: string | null;
  rows: { train: number; validation: number };
  /** completed, early-stopped, stopped (the Stop button). */
  end: string;
  epochs: number;
  /** Headline figures (validation loss, ROC-AUC, …) by name; null where not defined. */
  metrics: Record<string, number | null>;
};
