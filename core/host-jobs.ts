/**
 * Jobs the host runs for the UI (DESIGN.md: long work runs as a job): `sample.start` starts one
 * and answers its id; the UI then asks `job.poll` for the events after the last it saw (the
 * host waits briefly for one, so a poll loop is cheap) and `job.cancel` stops it. Polling works
 * alike over Electron IPC and browser mode's HTTP, with no second transport.
 */
import type { JobEvent } from './jobs';
import type { SampleManifest } from './sample/manifest';

/** What a finished job left, by kind of job. */
export type HostJobResult = {
  kind: 'sample';
  name: string;
  file: string;
  manifest: SampleManifest;
};

export type HostJobPoll = {
  /** The job's events after the `after` of the request, in order. */
  events: JobEvent[];
  /** The `after` of the next poll. */
  next: number;
  /** Set once the job finished well; a failed or cancelled job says so in its `finished` event. */
  result: HostJobResult | null;
};
