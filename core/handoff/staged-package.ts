/**
 * A package on its way to disk. The kernel builds every file it can (kernels/handoff/) and hands
 * them to the host with `handoff.stage`; the host (host/handoff/) keeps them, adds what only it
 * has (the reference scorer's files, serve/node/), and answers the checklist. `handoff.write`
 * then signs off items, applies an override, renders DOD.md and dod.json again, writes the
 * folder and the .zip with manifest.json, and `handoff.verify` proves what was written.
 *
 * A headless export (`quarry run`) calls stage then write at once; the app's export wizard shows
 * the staged checklist and calls write when a person presses Export.
 */
import { arrayOf, fields, isBoolean, isString, nullable, oneOf, type Guard } from '../guards';
import { isDodReport, isDodTemplate, type DodReport, type DodTemplate } from './dod';
import { isPackagePath } from './package-layout';

/** A file the kernel built: text as is, binary (weights, model.onnx) as base64. */
export type StagedFile = { path: string; encoding: 'utf8' | 'base64'; content: string };

export const isStagedFile: Guard<StagedFile> = fields<StagedFile>({
  path: isPackagePath,
  encoding: oneOf({ utf8: true, base64: true }),
  content: isString,
});

/** What the kernel sends with `handoff.stage`. */
export type StageRequest = {
  /** The package's name (a folder name: letters, digits, `.`, `-`, `_`). */
  name: string;
  version: string;
  /** Every file but manifest.json, dod.json, DOD.md and serve/ (the host writes those). */
  files: StagedFile[];
  /** The checklist the items were evaluated from, and where it came from. */
  template: DodTemplate;
  templateSource: string;
  /** Every item as the kernel evaluated it (sign-offs given in the call already signed). */
  dod: DodReport;
};

export const isStageRequest: Guard<StageRequest> = fields<StageRequest>({
  name: (value): value is string =>
    typeof value === 'string' && /^[A-Za-z0-9._-]{1,100}$/.test(value),
  version: isString,
  files: arrayOf(isStagedFile),
  template: isDodTemplate,
  templateSource: isString,
  dod: isDodReport,
});

/** A sign-off a person gives in the wizard (or in `handoff.export({ signoffs })`). */
export type Signoff = { item: string; name: string };

export const isSignoff: Guard<Signoff> = fields<Signoff>({ item: isString, name: isString });

/** What `handoff.write` is asked. */
export type WriteRequest = {
  stageId: string;
  /** The folder to write, relative to the workspace; the .zip goes beside it as DIR.zip. */
  dir: string;
  signoffs: Signoff[];
  /** Export although required items are unmet: the reason and who gives it. */
  override: { reason: string; by: string } | null;
  /** Replace a folder that is already there. */
  replace: boolean;
};

export const isWriteRequest: Guard<WriteRequest> = fields<WriteRequest>({
  stageId: isString,
  dir: isString,
  signoffs: arrayOf(isSignoff),
  override: nullable(fields<{ reason: string; by: string }>({ reason: isString, by: isString })),
  replace: isBoolean,
});

export type WriteResult =
  | { kind: 'written'; dir: string; zip: string; dod: DodReport; files: number; bytes: number }
  /** Required items unmet and no override: nothing was written. */
  | { kind: 'refused'; dod: DodReport; unmet: string[] };

/** The staged package as the wizard shows it: `handoff.stage`'s answer. */
export type StagedPackage = {
  stageId: string;
  name: string;
  version: string;
  dod: DodReport;
  /** Every path the package will hold, manifest.json included. */
  paths: string[];
};

export const isStagedPackage: Guard<StagedPackage> = fields<StagedPackage>({
  stageId: isString,
  name: isString,
  version: isString,
  dod: isDodReport,
  paths: arrayOf(isString),
});

/** The MIME type of the export wizard's output (what `handoff.wizard` displays). */
export const HANDOFF_WIZARD_MIME = 'application/vnd.quarry.handoff+json';

/** The wizard output's payload: the staged package and where it proposes to write it. */
export type HandoffWizardPayload = { staged: StagedPackage; dir: string };

export const isHandoffWizardPayload: Guard<HandoffWizardPayload> = fields<HandoffWizardPayload>({
  staged: isStagedPackage,
  dir: isString,
});

/**
 * What the kernel calls to stage and write a package (`KernelPlatform.handoff`): in Node
 * (`quarry run`, tests) host/handoff directly; in the app's worker the page's relay to the host
 * operations `handoff.stage` and `handoff.write`. The host completes lineage.json's `notebook`
 * (it holds the notebook: its path, sha256 and the executed copy, PACKAGE_PATHS.notebook).
 */
export interface HandoffService {
  stage(request: StageRequest): Promise<StagedPackage>;
  write(request: WriteRequest): Promise<WriteResult>;
}
