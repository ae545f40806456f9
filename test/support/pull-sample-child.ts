/**
 * Runs one pullSample in a process of its own and prints what it cost, for the sampler's memory
 * test (test/sampler-files.test.ts): argv[2] is `{ request, options }` as JSON; the last line
 * of stdout is `{ maxRssBytes, ms, rows, sha256 }`.
 */
import { pullSample, type PullOptions } from '../../host/sampler/pull-sample';
import type { SampleRequest } from '../../core/sample/request';

const { request, options } = JSON.parse(process.argv[2]) as {
  request: SampleRequest;
  options: Omit<PullOptions, 'signal' | 'onProgress' | 'env'>;
};
const started = Date.now();
const manifest = await pullSample(request, {
  ...options,
  env: process.env,
  signal: new AbortController().signal,
  onProgress: () => undefined,
});
// maxRSS is in kilobytes.
const maxRssBytes = process.resourceUsage().maxRSS * 1024;
console.log(
  JSON.stringify({
    maxRssBytes,
    ms: Date.now() - started,
    rows: manifest.rows.actual,
    sha256: manifest.sha256,
  }),
);
