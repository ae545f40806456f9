/**
 * `manifest.json`: every other file of the package with its sha256 and size, so `quarry verify`
 * finds a changed, missing or extra file before it reads any of them.
 */
import { arrayOf, fields, isCount, isString, literal, refine, type Guard } from '../guards';
import { isPackagePath } from './package-layout';

export type ManifestEntry = { path: string; sha256: string; size: number };

export type HandoffManifest = {
  format: 1;
  /** The model's name and version (model_card.json says the same). */
  name: string;
  version: string;
  /** ISO time the package was written. */
  created: string;
  /** The Quarry version that wrote it. */
  quarry: string;
  /** Sorted by path; manifest.json itself is not listed. */
  files: ManifestEntry[];
};

const SHA256 = /^[0-9a-f]{64}$/;

export const isManifestEntry: Guard<ManifestEntry> = fields<ManifestEntry>({
  path: isPackagePath,
  sha256: (value): value is string => typeof value === 'string' && SHA256.test(value),
  size: isCount,
});

export const isHandoffManifest: Guard<HandoffManifest> = refine(
  fields<HandoffManifest>({
    format: literal(1),
    name: isString,
    version: isString,
    created: isString,
    quarry: isString,
    files: arrayOf(isManifestEntry),
  }),
  (manifest) => new Set(manifest.files.map((file) => file.path)).size === manifest.files.length,
);
