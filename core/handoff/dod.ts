/**
 * The definition of done (DOD.md + dod.json): the team's checklist (`quarry.dod.json` in the
 * notebook's folder, or DEFAULT_DOD_TEMPLATE) and, in the package, each item's outcome with its
 * evidence. An item is either checked by code (`check`: one of DOD_CHECKS, with a threshold
 * where it has one) or signed off by a named person (`signoff`). Export refuses while a required
 * item is not met unless overridden with a reason, which dod.json and DOD.md record.
 */
import {
  arrayOf,
  fields,
  isBoolean,
  isNumber,
  isString,
  literal,
  nullable,
  oneOf,
  optional,
  refine,
  variantParser,
  type Guard,
} from '../guards';

/** What code can check, and how (docs/handoff.md, "Definition of done"). */
export type DodCheck =
  /** The headline holdout metric (ROC-AUC, or RMSE for a regression) against `threshold`. */
  | 'holdout-metric'
  /** The model beats the baseline on the headline metric. */
  | 'beats-baseline'
  /** ONNX Runtime and TF.js agree on the golden rows within the golden tolerance. */
  | 'onnx-tfjs-agree'
  /** features.sql and the pipeline's transform agree on the golden rows. */
  | 'features-sql-agree'
  /** The training data's provenance is recorded (a sample manifest, or a named source). */
  | 'sample-provenance'
  /** No leakage warning is open (kernels/ml/leakage.ts). */
  | 'no-leakage'
  /** The notebook ran from a clean kernel, each cell once, in order, without an error. */
  | 'replays-clean'
  /** The input contract covers every column the pipeline reads, and the golden rows pass it. */
  | 'contract-covers-inputs'
  /** Model size (bytes, `threshold` the most) and per-row latency measured. */
  | 'model-size-latency';

export const DOD_CHECKS: Record<DodCheck, true> = {
  'holdout-metric': true,
  'beats-baseline': true,
  'onnx-tfjs-agree': true,
  'features-sql-agree': true,
  'sample-provenance': true,
  'no-leakage': true,
  'replays-clean': true,
  'contract-covers-inputs': true,
  'model-size-latency': true,
};

export type DodTemplateItem =
  | {
      kind: 'check';
      /** Unique in the template: `holdout-auc`. */
      id: string;
      title: string;
      required: boolean;
      check: DodCheck;
      /** The bound the check compares with (`holdout-metric`: the least ROC-AUC, the most RMSE). */
      threshold?: number;
    }
  | {
      kind: 'signoff';
      id: string;
      title: string;
      required: boolean;
      /** Who signs: `owner`, `on-call`, `engineering-reviewer`, `monitoring`. */
      role: string;
    };

export type DodTemplate = { format: 1; items: DodTemplateItem[] };

export type DodStatus =
  /** A check that held. */
  | 'pass'
  /** A check that did not hold. */
  | 'fail'
  /** A check that could not run (what it needs is missing); it does not count as met. */
  | 'not-run'
  | 'signed'
  | 'unsigned';

export type DodSignature = { name: string; at: string };

export type DodItemResult = {
  id: string;
  kind: 'check' | 'signoff';
  title: string;
  required: boolean;
  status: DodStatus;
  /** What the check measured, in words with its figures (`holdout ROC-AUC 0.8185 ≥ 0.75`). */
  evidence: string;
  /** The measured value, where the check has one. */
  value: number | null;
  threshold: number | null;
  /** Who signed it off (signoff items). */
  signedBy: DodSignature | null;
};

export type DodOverride = { reason: string; by: string; at: string; items: string[] };

export type DodReport = {
  format: 1;
  /** Where the checklist came from: `quarry.dod.json`, or `default`. */
  template: string;
  items: DodItemResult[];
  /** Every required item met (pass or signed). */
  done: boolean;
  /** Set when a person exported with required items unmet. */
  override: DodOverride | null;
};

const isDodCheck = oneOf(DOD_CHECKS);

const parseTemplateItem = variantParser<DodTemplateItem, 'kind'>('kind', {
  check: {
    kind: literal('check'),
    id: isString,
    title: isString,
    required: isBoolean,
    check: isDodCheck,
    threshold: optional(isNumber),
  },
  signoff: {
    kind: literal('signoff'),
    id: isString,
    title: isString,
    required: isBoolean,
    role: isString,
  },
});

const isTemplateItem: Guard<DodTemplateItem> = (value): value is DodTemplateItem =>
  parseTemplateItem(value) !== null;

export const isDodTemplate: Guard<DodTemplate> = refine(
  fields<DodTemplate>({ format: literal(1), items: arrayOf(isTemplateItem) }),
  (template) => new Set(template.items.map((item) => item.id)).size === template.items.length,
);

const DOD_STATUSES: Record<DodStatus, true> = {
  pass: true,
  fail: true,
  'not-run': true,
  signed: true,
  unsigned: true,
};

export const isDodItemResult: Guard<DodItemResult> = fields<DodItemResult>({
  id: isString,
  kind: oneOf({ check: true, signoff: true }),
  title: isString,
  required: isBoolean,
  status: oneOf(DOD_STATUSES),
  evidence: isString,
  value: nullable(isNumber),
  threshold: nullable(isNumber),
  signedBy: nullable(fields<DodSignature>({ name: isString, at: isString })),
});

export const isDodReport: Guard<DodReport> = fields<DodReport>({
  format: literal(1),
  template: isString,
  items: arrayOf(isDodItemResult),
  done: isBoolean,
  override: nullable(
    fields<DodOverride>({ reason: isString, by: isString, at: isString, items: arrayOf(isString) }),
  ),
});

/** Whether an item counts as met. */
export function isMet(item: DodItemResult): boolean {
  return item.status === 'pass' || item.status === 'signed';
}

/** The required items not met: what an export refuses on. */
export function unmetRequired(items: readonly DodItemResult[]): DodItemResult[] {
  return items.filter((item) => item.required && !isMet(item));
}

/** The checklist used when the notebook's folder has no quarry.dod.json (written there). */
export const DEFAULT_DOD_TEMPLATE: DodTemplate = {
  format: 1,
  items: [
    {
      kind: 'check',
      id: 'holdout-metric',
      title: 'Holdout ROC-AUC meets the team threshold',
      required: true,
      check: 'holdout-metric',
      threshold: 0.75,
    },
    {
      kind: 'check',
      id: 'beats-baseline',
      title: 'Model beats the baseline on the holdout',
      required: true,
      check: 'beats-baseline',
    },
    {
      kind: 'check',
      id: 'onnx-tfjs-agree',
      title: 'ONNX and TF.js agree on the golden rows',
      required: true,
      check: 'onnx-tfjs-agree',
    },
    {
      kind: 'check',
      id: 'features-sql-agree',
      title: 'Feature SQL agrees with the pipeline on the golden rows',
      required: true,
      check: 'features-sql-agree',
    },
    {
      kind: 'check',
      id: 'sample-provenance',
      title: 'Sample provenance recorded',
      required: true,
      check: 'sample-provenance',
    },
    {
      kind: 'check',
      id: 'no-leakage',
      title: 'No open leakage warning',
      required: true,
      check: 'no-leakage',
    },
    {
      kind: 'check',
      id: 'replays-clean',
      title: 'Notebook replays from a clean kernel',
      required: true,
      check: 'replays-clean',
    },
    {
      kind: 'check',
      id: 'contract-covers-inputs',
      title: 'Contract covers every model input',
      required: true,
      check: 'contract-covers-inputs',
    },
    {
      kind: 'check',
      id: 'model-size-latency',
      title: 'Model size and per-row latency measured',
      required: false,
      check: 'model-size-latency',
      threshold: 50_000_000,
    },
    { kind: 'signoff', id: 'owner', title: 'Model owner named', required: true, role: 'owner' },
    {
      kind: 'signoff',
      id: 'on-call',
      title: 'On-call contact for model issues',
      required: false,
      role: 'on-call',
    },
    {
      kind: 'signoff',
      id: 'engineering-review',
      title: 'Engineering reviewer signed off',
      required: false,
      role: 'engineering-reviewer',
    },
    {
      kind: 'signoff',
      id: 'monitoring-requested',
      title: 'Monitoring requested',
      required: false,
      role: 'monitoring',
    },
  ],
};
