/**
 * The samples a notebook records in its metadata, `metadata.quarry.samples`: what the app's
 * "Pull sample" dialog pulled for it (name, file, content sha256, rows), so the notebook says
 * which data it was written against and a reader can check the file is still that sample. The
 * rest of `metadata.quarry` and of the metadata round-trips untouched.
 */
import { fields, isCount, isString } from '../guards';
import { isJsonObject, type JsonObject } from '../json';

export type NotebookSample = {
  /** The sample's name: a SQL identifier, the view a SQL cell reads. */
  name: string;
  /** Workspace-relative: `samples/NAME.parquet`. */
  file: string;
  /** The manifest's content hash (core/sample/manifest.ts). */
  sha256: string;
  rows: number;
};

const isNotebookSample = fields<NotebookSample>({
  name: isString,
  file: isString,
  sha256: isString,
  rows: isCount,
});

/** The samples the notebook records; a damaged entry is left out (and kept in the file). */
export function notebookSamples(metadata: JsonObject): NotebookSample[] {
  const quarry = metadata.quarry;
  if (!isJsonObject(quarry) || !Array.isArray(quarry.samples)) return [];
  return quarry.samples.filter(isNotebookSample);
}

/** `metadata` with `sample` recorded: it replaces an entry of the same name, else it is added. */
export function withNotebookSample(metadata: JsonObject, sample: NotebookSample): JsonObject {
  const quarry = isJsonObject(metadata.quarry) ? metadata.quarry : {};
  const before = Array.isArray(quarry.samples) ? quarry.samples : [];
  const others = before.filter((entry) => !(isJsonObject(entry) && entry.name === sample.name));
  return { ...metadata, quarry: { ...quarry, samples: [...others, { ...sample }] } };
}
