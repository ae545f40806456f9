/**
 * The report's header: the title, how and when the outputs were made (the run record,
 * core/notebook/run-record.ts), the parameters the run used, and the change summary when the
 * report compares with a baseline. Times are the run's, in UTC, so the same notebook always
 * gives the same report.
 */
import type { JsonObject } from '../../core/json';
import type { Notebook } from '../../core/notebook/model';
import {
  lastRunOf,
  recordedParametersOf,
  type LastRun,
  type RunEnd,
} from '../../core/notebook/run-record';
import { escapeHtml } from './report-escape';

export function renderHeader(notebook: Notebook, title: string, summary: string): string {
  const run = lastRunOf(notebook.metadata);
  const parameters = recordedParametersOf(notebook.metadata);
  return (
    `<header class="qr-header"><h1>${escapeHtml(title)}</h1>` +
    `<p class="qr-run">${run ? describeRun(run) : 'The file records no run: its outputs may come from cells run in any order.'}</p>` +
    (parameters ? renderParameters(parameters) : '') +
    summary +
    `</header>`
  );
}

function describeRun(run: LastRun): string {
  const status = `<span class="qr-status qr-status-${run.status}">${endWords(run.status)}</span>`;
  const clean = run.clean
    ? '<span class="qr-clean">Clean run: every cell once, top to bottom, in a fresh kernel.</span>'
    : '<span class="qr-unclean">Not a clean run: cells were run out of order, again, or edited after they ran.</span>';
  return `${status} ${escapeHtml(`${formatTime(run.finished)}, after ${formatDuration(run.duration_ms)}, by ${runnerWords(run.runner)}.`)} ${clean}`;
}

function endWords(status: RunEnd): string {
  switch (status) {
    case 'done':
      return 'Ran to the end';
    case 'error':
      return 'Stopped at a failing cell';
    case 'interrupted':
      return 'Interrupted';
    case 'out-of-memory':
      return 'Ran out of memory';
  }
}

function runnerWords(runner: LastRun['runner']): string {
  switch (runner) {
    case 'quarry run':
      return 'quarry run';
    case 'app':
      return 'the Quarry app';
  }
}

/** `2026-12-02 00:43 UTC`; a value that is not a time shows as written. */
export function formatTime(iso: string): string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  return `${time.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

function renderParameters(parameters: JsonObject): string {
  const rows = Object.entries(parameters).map(
    ([name, value]) =>
      `<tr><th scope="row">${escapeHtml(name)}</th><td><code>${escapeHtml(JSON.stringify(value))}</code></td></tr>`,
  );
  if (rows.length === 0) return '';
  return `<table class="qr-params"><caption>Parameters</caption><tbody>${rows.join('')}</tbody></table>`;
}
