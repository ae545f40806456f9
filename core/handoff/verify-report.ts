/**
 * What `quarry verify PACKAGE` (host/handoff/verify*.ts) reports: one line per check, and the
 * exit code the CLI ends with (0 every check passed or was skipped for a stated reason, 1 a
 * check failed, 2 the package could not be read at all).
 */
import { arrayOf, fields, isString, nullable, oneOf, type Guard } from '../guards';

export type VerifyStatus = 'pass' | 'fail' | 'skip';

/** The groups of checks, in the order verify runs them. */
export type VerifyArea =
  'manifest' | 'schemas' | 'contract' | 'features' | 'tfjs' | 'onnx' | 'golden' | 'dod';

export type VerifyCheck = {
  area: VerifyArea;
  /** What was checked, short: `sha256 of model/weights.bin`. */
  name: string;
  status: VerifyStatus;
  /** The evidence or the problem, with the file (and line) it is about: `golden/outputs.jsonl line 17: ONNX score 0.4132 vs expected 0.4187 (|Δ| 5.5e-3 > 1e-5)`. */
  detail: string;
  /** The package file the check is about, where there is one. */
  file: string | null;
};

export type VerifyReport = {
  /** The folder or .zip verified, as given. */
  package: string;
  checks: VerifyCheck[];
  /** 0 when no check failed, 1 when one did, 2 when the package could not be read. */
  exitCode: 0 | 1 | 2;
};

const VERIFY_AREAS: Record<VerifyArea, true> = {
  manifest: true,
  schemas: true,
  contract: true,
  features: true,
  tfjs: true,
  onnx: true,
  golden: true,
  dod: true,
};

export const isVerifyCheck: Guard<VerifyCheck> = fields<VerifyCheck>({
  area: oneOf(VERIFY_AREAS),
  name: isString,
  status: oneOf({ pass: true, fail: true, skip: true }),
  detail: isString,
  file: nullable(isString),
});

export const isVerifyReport: Guard<VerifyReport> = fields<VerifyReport>({
  package: isString,
  checks: arrayOf(isVerifyCheck),
  exitCode: (value): value is 0 | 1 | 2 => value === 0 || value === 1 || value === 2,
});

export function exitCodeOf(checks: readonly VerifyCheck[]): 0 | 1 {
  return checks.some((check) => check.status === 'fail') ? 1 : 0;
}
