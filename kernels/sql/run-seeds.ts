/**
 * The seeds one cell run used through SQL (core/notebook/run-record.ts, `SeedUse`), for the
 * kernel's `done` event and from there the notebook's `metadata.quarry.seeds`:
 *
 * - `sql`: each seed a statement sets (sql-seeds.ts), named after the cell;
 * - `sample`: each pulled sample the run read (a view in SQL or `sample()`), with the seed its
 *   manifest records (`samples/NAME.manifest.json`, core/sample/manifest.ts). A sample without a
 *   readable manifest has no seed to record.
 *
 * The kernel does not know cell numbers (the host does), so `cell` is left null here.
 */
import type { SeedUse } from '../../core/notebook/run-record';
import { manifestPathOf, parseSampleManifest } from '../../core/sample/manifest';
import type { DataFileVersion } from '../platform';
import type { BoundParameter } from './sql-parameters';
import { sqlSeedsIn } from './sql-seeds';

/** Reads a workspace file's text (through the host); rejects when it cannot. */
export type ReadText = (path: string) => Promise<string>;

type RunSeed = { use: 'sql'; seed: number } | { use: 'sample'; name: string; seed: number };

export class RunSeeds {
  private used: RunSeed[] = [];
  /** Each sample file's seed by `name@version`: a manifest is read once per version of it. */
  private readonly manifestSeeds = new Map<string, Promise<number | null>>();

  constructor(private readonly readText: ReadText) {}

  /** A cell run starts. */
  startRun(): void {
    this.used = [];
  }

  /** A statement runs: the seeds it sets. */
  statement(text: string, params: readonly BoundParameter[] | null): void {
    for (const seed of sqlSeedsIn(text, params)) this.add({ use: 'sql', seed });
  }

  /** Sample `name`, stored in `file`, is read; resolves once its seed is known (never rejects). */
  async sample(name: string, file: DataFileVersion): Promise<void> {
    const seed = await this.seedOf(file);
    if (seed !== null) this.add({ use: 'sample', name, seed });
  }

  /** What the run since `startRun` used, SQL seeds named `cellName`, in the order first used. */
  seedsOfRun(cellName: string): SeedUse[] {
    return this.used.map((used) =>
      used.use === 'sql'
        ? { use: 'sql', name: cellName, seed: used.seed, cell: null }
        : { use: 'sample', name: used.name, seed: used.seed, cell: null },
    );
  }

  private add(seed: RunSeed): void {
    const same = (other: RunSeed) =>
      other.use === seed.use &&
      other.seed === seed.seed &&
      (other.use === 'sql' || (seed.use === 'sample' && other.name === seed.name));
    if (!this.used.some(same)) this.used.push(seed);
  }

  private seedOf(file: DataFileVersion): Promise<number | null> {
    const key = `${file.name}@${file.version}`;
    let seed = this.manifestSeeds.get(key);
    if (!seed) {
      seed = this.readText(manifestPathOf(file.name)).then(
        (text) => parseSampleManifest(parseJson(text))?.seed ?? null,
        () => null,
      );
      this.manifestSeeds.set(key, seed);
    }
    return seed;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
