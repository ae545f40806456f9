import { describe, expect, it } from 'vitest';
import { DEFAULT_TOLERANCE, diffNotebooks } from '../../core/notebook/diff';
import { createCodeCell, type CodeCell, type Notebook } from '../../core/notebook/model';
import { withRunRecord } from '../../core/notebook/run-record';
import { reportNotebook } from '../../test/support/report-notebook';
import { renderHtmlReport } from './html-report';

/** The fixture after a replay: the stream printed another line, a cell was added at the end. */
function replayed(baseline: Notebook): Notebook {
  const current = structuredClone(baseline);
  const stream = current.cells[2] as CodeCell;
  stream.outputs = [{ output_type: 'stream', name: 'stdout', text: 'another line\n' }];
  current.cells.push({ ...createCodeCell('1 + 1'), executionCount: 9, outputs: [] });
  current.metadata = withRunRecord(current.metadata, { parameters: { region: 'APAC' } });
  return current;
}

describe('the report of a comparison', () => {
  const baseline = reportNotebook();
  const current = replayed(baseline);
  const diff = diffNotebooks(baseline, current, DEFAULT_TOLERANCE);
  const options = { title: 'Replay', includeCode: true, diff };

  it('badges each cell that changed, with what changed', async () => {
    const html = await renderHtmlReport(current, options);
    const cell3 = /<section [^>]*aria-label="Cell 3">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(cell3).toContain('<span class="qr-badge qr-badge-changed">changed</span>');
    expect(cell3).toContain('stdout: 1 line changed');
    expect(cell3).toContain('+ another line');
    const cell9 = /<section [^>]*aria-label="Cell 9">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(cell9).toContain('<span class="qr-badge qr-badge-added">new</span>');
    const cell4 = /<section [^>]*aria-label="Cell 4">([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    expect(cell4).not.toContain('qr-badge');
  });

  it('sums up at the top: how many cells differ, which, and the parameters that changed', async () => {
    const html = await renderHtmlReport(current, options);
    const summary = /<section class="qr-summary"[\s\S]*?<\/section>/.exec(html)?.[0] ?? '';
    expect(summary).toContain(`${diff.cellsDiffering} of ${diff.cellsCompared} cells differ`);
    expect(summary).toContain('<a href="#cell-3">Cell 3</a>');
    expect(summary).toContain('<a href="#cell-9">Cell 9</a>');
    expect(summary).toContain('Parameter <code>region</code>: &quot;EU&quot; → &quot;APAC&quot;');
  });

  it('says so when nothing differs', async () => {
    const same = diffNotebooks(baseline, baseline, DEFAULT_TOLERANCE);
    const html = await renderHtmlReport(baseline, { ...options, diff: same });
    expect(html).toContain('No differences from the baseline');
    expect(html).not.toMatch(/<span class="qr-badge/);
  });
});
