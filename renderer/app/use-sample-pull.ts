/**
 * A sample pull as the dialog follows it: `sample.start` starts a host job (core/host-jobs.ts),
 * then `job.poll` is asked for the events after the last one seen until the job's `finished`
 * event (the host holds each poll up to a second while nothing happens, so the loop is cheap).
 * An existing sample comes back as a conflict the dialog offers to overwrite.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HostClient } from '../../core/host-contract';
import type { HostJobResult } from '../../core/host-jobs';
import type { JobEvent } from '../../core/jobs';
import type { SampleRequest } from '../../core/sample/request';
import { HostCallError } from '../host-client/host-bridge';
import type { RunningJob } from '../state/notebook-state';

export type PullState =
  | { kind: 'idle' }
  | { kind: 'starting' }
  | { kind: 'running'; job: RunningJob; cancelling: boolean }
  | { kind: 'done'; result: HostJobResult }
  /** `overwrite`: the sample exists; starting again with `force` replaces it. */
  | { kind: 'failed'; message: string; overwrite: boolean }
  | { kind: 'cancelled' };

export function useSamplePull(host: HostClient, onPulled: (result: HostJobResult) => void) {
  const [state, setState] = useState<PullState>({ kind: 'idle' });
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  const onPulledRef = useRef(onPulled);
  onPulledRef.current = onPulled;

  const follow = useCallback(
    async (jobId: string, name: string) => {
      let job: RunningJob = {
        jobId,
        title: `Pulling ${name}`,
        action: 'cancel',
        progress: { done: 0, total: null, unit: 'rows', message: null },
        startedAtMs: Date.now(),
      };
      for (let after = 0; alive.current;) {
        let answer;
        try {
          answer = await host.call('job.poll', { jobId, after });
        } catch (error) {
          return setState({
            kind: 'failed',
            message: `Lost track of the pull: ${messageOf(error)}`,
            overwrite: false,
          });
        }
        if (!alive.current) return;
        after = answer.next;
        const finished = answer.events.find(
          (e): e is Extract<JobEvent, { kind: 'finished' }> => e.kind === 'finished',
        );
        for (const event of answer.events) job = applied(job, event);
        if (finished === undefined) {
          // Keep a Cancel already asked for: the state may have been set by `cancel` meanwhile.
          const shown = job;
          setState((current) => ({
            kind: 'running',
            job: shown,
            cancelling: current.kind === 'running' && current.cancelling,
          }));
          continue;
        }
        const { outcome } = finished;
        switch (outcome.kind) {
          // A pull is a Cancel job; were it stopped, it would have ended with what it had.
          case 'done':
          case 'stopped':
            if (answer.result === null)
              return setState({
                kind: 'failed',
                message: 'The pull ended without a result',
                overwrite: false,
              });
            setState({ kind: 'done', result: answer.result });
            return onPulledRef.current(answer.result);
          case 'error':
            return setState({ kind: 'failed', message: outcome.message, overwrite: false });
          case 'cancelled':
            return setState({ kind: 'cancelled' });
        }
      }
    },
    [host],
  );

  const start = useCallback(
    async (request: SampleRequest, name: string, force: boolean) => {
      setState({ kind: 'starting' });
      let jobId: string;
      try {
        ({ jobId } = await host.call('sample.start', { request, name, force }));
      } catch (error) {
        const overwrite = !force && error instanceof HostCallError && error.kind === 'conflict';
        return setState({ kind: 'failed', message: messageOf(error), overwrite });
      }
      await follow(jobId, name);
    },
    [host, follow],
  );

  const cancel = useCallback(() => {
    setState((current) =>
      current.kind === 'running' ? { ...current, cancelling: true } : current,
    );
    if (state.kind !== 'running') return;
    host.call('job.cancel', { jobId: state.job.jobId }).catch((error: unknown) =>
      setState({
        kind: 'failed',
        message: `Could not cancel: ${messageOf(error)}`,
        overwrite: false,
      }),
    );
  }, [host, state]);

  return { state, start, cancel };
}

function applied(job: RunningJob, event: JobEvent): RunningJob {
  switch (event.kind) {
    case 'started':
      return { ...job, title: event.title, action: event.action, progress: event.progress };
    case 'progress':
      return { ...job, progress: event.progress };
    case 'finished':
      return job;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
