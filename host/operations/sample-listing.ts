/**
 * `samples.list`: the Parquet files of the workspace's `samples/` folder (SAMPLES_FOLDER), each
 * with the manifest beside it (core/sample/manifest.ts), by name in a human order. A file whose
 * manifest is missing, not JSON, or not a manifest this version reads is listed as 'unreadable'
 * with the reason, so one damaged sample never hides the others. No folder yet: no samples.
 * Every path goes through the workspace guard; an entry that leads out of it is not listed.
 */
import { readdir, readFile } from 'node:fs/promises';
import { manifestPathOf, parseSampleManifest } from '../../core/sample/manifest';
import { SAMPLES_FOLDER, type SampleListing } from '../../core/sample/preview';
import { errorCode, ForbiddenPathError, resolveInWorkspace } from '../workspace/workspace';
import { toHostError } from './host-error';

const byName = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

export async function listSamples(root: string): Promise<SampleListing[]> {
  let names: string[];
  try {
    const folder = await resolveInWorkspace(root, SAMPLES_FOLDER);
    names = (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => !entry.isDirectory() && /\.parquet$/i.test(entry.name))
      .map((entry) => entry.name);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw toHostError(error, undefined, SAMPLES_FOLDER);
  }
  const listings = await Promise.all(names.sort(byName.compare).map((n) => describe(root, n)));
  return listings.filter((listing) => listing !== null);
}

async function describe(root: string, fileName: string): Promise<SampleListing | null> {
  const file = `${SAMPLES_FOLDER}/${fileName}`;
  const name = fileName.replace(/\.parquet$/i, '');
  const unreadable = (problem: string): SampleListing => ({
    kind: 'unreadable',
    name,
    file,
    problem,
  });
  try {
    await resolveInWorkspace(root, file);
  } catch (error) {
    if (error instanceof ForbiddenPathError) return null; // a link out of the workspace
    throw error;
  }
  const manifestFile = manifestPathOf(file);
  let text: string;
  try {
    text = await readFile(await resolveInWorkspace(root, manifestFile), 'utf8');
  } catch (error) {
    if (error instanceof ForbiddenPathError)
      return unreadable(`its manifest ${manifestFile} leads outside the workspace`);
    if (errorCode(error) === 'ENOENT') return unreadable(`its manifest ${manifestFile} is missing`);
    return unreadable(`its manifest ${manifestFile} cannot be read`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return unreadable(`its manifest ${manifestFile} is not valid JSON`);
  }
  const manifest = parseSampleManifest(value);
  if (manifest === null)
    return unreadable(
      `its manifest ${manifestFile} is not a sample manifest this version reads (damaged, or from another version)`,
    );
  return { kind: 'sample', name, file, manifest };
}
