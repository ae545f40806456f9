/**
 * What the host answers about a sample before and after pulling it: the preview the "Pull sample"
 * dialog shows (the first rows and the schema, and the query the engine would receive), and the
 * listing of the Samples panel.
 */
import type { JsonPrimitive } from '../json';
import type { SampleColumn, SampleManifest } from './manifest';

export type SamplePreview = {
  columns: SampleColumn[];
  /** The source's first rows (not the sample's), one array of values per row, in column order. */
  rows: JsonPrimitive[][];
  /** The source's row count when the engine knows it cheaply, else its estimate, else null. */
  sourceRows: { count: number; exact: boolean } | null;
  /** The query the engine would receive for the sample. */
  query: string;
};

/** A pulled sample in the workspace's `samples/` folder. */
export type SampleListing =
  | { kind: 'sample'; name: string; file: string; manifest: SampleManifest }
  /** A Parquet file whose manifest is missing or unreadable: `problem` says which. */
  | { kind: 'unreadable'; name: string; file: string; problem: string };

/** The folder, relative to the workspace, where the app writes the samples it pulls. */
export const SAMPLES_FOLDER = 'samples';
