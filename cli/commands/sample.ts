/**
 * `quarry sample --from SOURCE … --out FILE.parquet` (DESIGN.md, "CLI"): pulls a sample through
 * host/sampler (pullSample), with a progress line on stderr and a one-line summary on stdout.
 * Exit 0 written; 2 bad usage or bad input (one line on stderr, nothing written); 130 cancelled
 * by Ctrl+C (nothing written); 1 an internal error. Every line it prints passes through
 * `redact`, so a password in the source never shows, whatever produced the text.
 */
import type { JobEvent, JobProgress } from '../../core/jobs';
import type { SampleManifest } from '../../core/sample/manifest';
import type { SampleSource } from '../../core/sample/request';
import { pullSample } from '../../host/sampler/pull-sample';
import { SampleError } from '../../host/sampler/sample-error';
import { JobProgressPrinter, type ProgressTerminal } from '../job-progress';
import { EXIT } from '../usage-error';
import { displayPath } from './run-output';
import type { Terminal } from './run';
import { parseSampleArgs } from './sample-args';
import { checkSampleOutput } from './sample-output';
import { redact, sourceSecrets } from './sample-secrets';
import { SAMPLE_USAGE } from './sample-usage';

/** What the command reads from its process; the bench passes its own. */
export type SampleCommandContext = {
  cwd: string;
  env: NodeJS.ProcessEnv;
  progress: ProgressTerminal;
};

export function processContext(): SampleCommandContext {
  return {
    cwd: process.cwd(),
    env: process.env,
    progress: {
      write: (text) => process.stderr.write(text),
      tty: process.stderr.isTTY === true,
      columns: process.stderr.columns,
      now: () => Date.now(),
    },
  };
}

const JOB_ID = 'sample';
const INTERRUPT_SIGNALS = ['SIGINT', 'SIGTERM'] as const;

export async function sampleCommand(
  argv: string[],
  terminal: Terminal,
  context: SampleCommandContext = processContext(),
): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    terminal.out(SAMPLE_USAGE);
    return EXIT.ok;
  }
  const args = parseSampleArgs(argv, context.cwd);
  await checkSampleOutput(args.out, args.force);
  const secrets = sourceSecrets(args.request.source, context.env);
  const say = (line: string) => terminal.err(redact(line, secrets));
  const printer = new JobProgressPrinter({
    ...context.progress,
    write: (text) => context.progress.write(redact(text, secrets)),
  });
  const showProgress = (event: JobEvent) => !args.quiet && printer.onJobEvent(JOB_ID, event);
  let started = false;
  const onProgress = (progress: JobProgress) => {
    // The line starts with the first progress, so that a pull refused at once prints one line.
    showProgress(
      started
        ? { kind: 'progress', jobId: JOB_ID, progress }
        : {
            kind: 'started',
            jobId: JOB_ID,
            title: jobTitle(args.request.source),
            action: 'cancel',
            progress,
          },
    );
    started = true;
  };

  const cancel = new AbortController();
  const onInterrupt = () => {
    printer.endLine();
    // Quitting before the sampler has removed its temporary files would leave them behind.
    if (cancel.signal.aborted) return say('Interrupt: still cancelling; nothing will be written');
    say('Interrupt: cancelling the sample; nothing will be written');
    cancel.abort();
  };
  for (const signal of INTERRUPT_SIGNALS) process.on(signal, onInterrupt);
  const startedAt = performance.now();
  try {
    const manifest = await pullSample(args.request, {
      baseDir: context.cwd,
      allowedRoot: null,
      env: context.env,
      out: args.out,
      force: args.force,
      signal: cancel.signal,
      onProgress,
    });
    if (started) showProgress({ kind: 'finished', jobId: JOB_ID, outcome: { kind: 'done' } });
    terminal.out(redact(summaryLine(manifest, args.out, performance.now() - startedAt), secrets));
    return EXIT.ok;
  } catch (error) {
    // The error line says how it ended; the progress line only stops.
    printer.endLine();
    if (!(error instanceof SampleError)) {
      say(
        `quarry: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      return EXIT.failed;
    }
    switch (error.kind) {
      case 'cancelled':
        say('quarry: sample cancelled; nothing written');
        return EXIT.interrupted;
      case 'bad-request':
      case 'source':
      case 'exists':
        say(`quarry: ${error.message}`);
        return EXIT.usage;
      default:
        return error.kind satisfies never;
    }
  } finally {
    for (const signal of INTERRUPT_SIGNALS) process.off(signal, onInterrupt);
  }
}

function jobTitle(source: SampleSource): string {
  switch (source.kind) {
    case 'files':
      return `Sampling ${source.path}`;
    case 'postgres':
      return source.table === null ? 'Sampling a PostgreSQL query' : `Sampling ${source.table}`;
  }
}

/** `Sampled 10,000 of 9,876,543 rows into s.parquet (sha256 3f2a9c1b04de…) in 1.24 s`. */
function summaryLine(manifest: SampleManifest, out: string, ms: number): string {
  const { actual, source, sourceExact, skipped } = manifest.rows;
  const count = (n: number) => n.toLocaleString('en-US');
  const of = source === null ? '' : ` of ${sourceExact ? '' : '~'}${count(source)}`;
  const skippedText =
    skipped > 0 ? `; skipped ${count(skipped)} malformed row${skipped === 1 ? '' : 's'}` : '';
  const time = ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
  return `Sampled ${count(actual)}${of} rows into ${displayPath(out)} (sha256 ${manifest.sha256.slice(0, 12)}…) in ${time}${skippedText}`;
}
