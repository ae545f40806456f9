/**
 * Where each file of a handoff package lives (DESIGN.md, "Handoff package"; docs/handoff.md
 * documents every field). A package is a folder, or the same files at the root of a .zip. Paths
 * use `/` and are relative to the package's root.
 */

export const HANDOFF_FORMAT = 1;

export const PACKAGE_PATHS = {
  manifest: 'manifest.json',
  tfjsModel: 'model/model.json',
  /** TF.js weights, named in model.json's `weightsManifest`. */
  tfjsWeights: 'model/weights.bin',
  onnxModel: 'model/model.onnx',
  pipeline: 'features/pipeline.json',
  featuresSql: 'features/features.sql',
  inputSchema: 'contract/input.schema.json',
  outputSchema: 'contract/output.schema.json',
  goldenInputs: 'golden/inputs.jsonl',
  goldenFeatures: 'golden/features.jsonl',
  goldenOutputs: 'golden/outputs.jsonl',
  golden: 'golden/golden.json',
  metrics: 'metrics.json',
  monitoring: 'monitoring.json',
  modelCardMarkdown: 'MODEL_CARD.md',
  modelCard: 'model_card.json',
  dodMarkdown: 'DOD.md',
  dod: 'dod.json',
  lineage: 'lineage.json',
  /** The executed notebook, as lineage.json names it. */
  notebook: 'lineage/notebook.ipynb',
  serveNodeReadme: 'serve/node/README.md',
  serveNodePackage: 'serve/node/package.json',
  serveNodeScorer: 'serve/node/score.mjs',
  /** The feature pipeline's transform, bundled from kernels/ml/features (one implementation). */
  serveNodeFeatures: 'serve/node/features.mjs',
} as const;

export type PackageFileKey = keyof typeof PACKAGE_PATHS;
export type PackagePath = (typeof PACKAGE_PATHS)[PackageFileKey];

/** The input tensor's name in model.onnx, and the output's (DESIGN.md). */
export const ONNX_INPUT = 'features';
export const ONNX_OUTPUT = 'score';
/** The ONNX opsets a package may declare (issue 12). */
export const ONNX_OPSETS = { min: 13, max: 17 } as const;
/** The opset Quarry writes. */
export const ONNX_OPSET = 15;

/** The table or view features.sql (and later serve/sql/score.sql) reads raw rows from. */
export const SQL_INPUT_RELATION = 'input';

/** The largest golden tolerance a package may state (issue 12). */
export const MAX_GOLDEN_TOLERANCE = 1e-5;
/** The fewest golden rows a package holds. */
export const MIN_GOLDEN_ROWS = 200;

/** A relative package path: no leading `/`, no `..`, no backslash, no empty segment. */
export function isPackagePath(value: unknown): value is string {
  if (typeof value !== 'string' || value === '' || value.length > 300) return false;
  if (value.startsWith('/') || value.includes('\\')) return false;
  return value.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}
