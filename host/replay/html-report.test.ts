import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCodeCell, createMarkdownCell, createNotebook } from '../../core/notebook/model';
import { HOSTILE_TEXT, reportNotebook } from '../../test/support/report-notebook';
import { renderHtmlReport, writeHtmlReport } from './html-report';

const options = { title: 'Churn report', includeCode: true, diff: null };

/** The page's executable scripts (not its JSON data blocks), as the browser hashes them. */
function executableScripts(html: string): string[] {
  return [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((match) => match[1]);
}

function policyOf(html: string): string {
  const match = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html);
  if (!match) throw new Error('no Content-Security-Policy meta tag');
  return match[1].replaceAll('&#39;', "'");
}

/** The page without plotly's own source, which names its documentation's URLs. */
function withoutPlotly(html: string): string {
  return executableScripts(html).reduce(
    (page, script) => (script.includes('plotly.js v') ? page.replace(script, '') : page),
    html,
  );
}

describe('renderHtmlReport', () => {
  it('holds hostile text as text: no element, script end or comment comes from it', async () => {
    const html = await renderHtmlReport(reportNotebook(), { ...options, title: HOSTILE_TEXT });
    const page = withoutPlotly(html);
    // Every opening script tag is the report's own or one of its JSON data blocks.
    const scriptTags = page.match(/<script\b[^>]*>/g) ?? [];
    for (const tag of scriptTags)
      expect(tag).toMatch(
        /^<script(?: type="application\/json" class="qr-(?:table|chart)-data")?>$/,
      );
    expect(page).not.toMatch(/<img[^>]*onerror/i);
    expect(page).not.toContain('<!--');
    expect(page).toContain('&lt;/script&gt;&lt;img src=x onerror=');
    // In a data block the same text is JSON with `<` escaped, so it cannot end the block.
    expect(page).toContain('\\u003c/script\\u003e\\u003cimg src=x onerror=');
  });

  it('keeps the ANSI-free text of streams and tracebacks', async () => {
    const html = withoutPlotly(await renderHtmlReport(reportNotebook(), options));
    expect(html).toContain('red &lt;/script&gt;');
    expect(html.includes('\u001b')).toBe(false);
  });

  it('has a strict policy that allows exactly its own inline scripts', async () => {
    const html = await renderHtmlReport(reportNotebook(), options);
    const policy = policyOf(html);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain('img-src data:');
    expect(policy).not.toContain('unsafe-eval');
    const scripts = executableScripts(html);
    expect(scripts).toHaveLength(2); // plotly and the report's own
    for (const script of scripts) {
      const hash = createHash('sha256').update(script, 'utf8').digest('base64');
      expect(policy).toContain(`'sha256-${hash}'`);
    }
    expect(policy.match(/'sha256-/g)).toHaveLength(2);
  });

  it('loads nothing: no URL outside the markdown text a reader wrote', async () => {
    const notebook = reportNotebook();
    notebook.cells = notebook.cells.filter((cell) => !cell.source.includes('https://'));
    const html = await renderHtmlReport(notebook, options);
    // HOSTILE_HTML names https URLs, but only inside the escaped srcdoc of its sandboxed frame.
    const frames = /<iframe [^>]*srcdoc="[^"]*"><\/iframe>/g;
    expect(withoutPlotly(html).replace(frames, '')).not.toMatch(/https?:|\bsrc="(?!data:)/);
  });

  it('shows untrusted HTML only in a sandboxed frame that cannot run script', async () => {
    const html = await renderHtmlReport(reportNotebook(), options);
    const frames = html.match(/<iframe [^>]*>/g) ?? [];
    expect(frames).toHaveLength(2); // the html output and the markdown cell with raw HTML
    for (const frame of frames) {
      expect(frame).toContain('sandbox="allow-same-origin"');
      expect(frame).not.toContain('allow-scripts');
    }
  });

  it('keeps markdown links to safe places only, and no remote image', async () => {
    const notebook = createNotebook([
      createMarkdownCell(
        '[web](https://example.com/a) [script](javascript:alert%281%29) [anchor](#cell-2) ' +
          '![remote](https://example.com/x.png)',
      ),
    ]);
    const html = await renderHtmlReport(notebook, options);
    expect(html).toContain('<a href="https://example.com/a" rel="noopener noreferrer">web</a>');
    expect(html).toContain('<a href="#cell-2" rel="noopener noreferrer">anchor</a>');
    expect(html).not.toContain('href="javascript:');
    expect(html).toContain('[image not included: remote]');
    expect(html).not.toContain('src="https://');
  });

  it('pages a long table: the first 25 rows in the markup, the rows it holds as data', async () => {
    const html = await renderHtmlReport(reportNotebook(), options);
    const table = /<figure class="qr-table"[\s\S]*?<\/figure>/.exec(html)?.[0] ?? '';
    expect(table).toContain('data-page-rows="25" data-total-rows="10000"');
    expect(table).toContain('Rows 1–25 of 10,000');
    expect(table).toContain('(the report holds the first 500)');
    const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(table)?.[1] ?? '';
    expect(body.match(/<tr>/g)).toHaveLength(25);
    expect(body).toContain('<td class="qr-null">NULL</td>');
    const data = /<script type="application\/json" class="qr-table-data">(.*?)<\/script>/.exec(
      table,
    )?.[1];
    const parsed = JSON.parse(data ?? 'null') as { rows: unknown[][]; numeric: boolean[] };
    expect(parsed.rows).toHaveLength(500);
    expect(parsed.rows[499]).toEqual(['500', 'row 500', expect.any(String)]);
    expect(parsed.numeric).toEqual([true, false, true]);
    expect(table).toContain('<button type="button" data-page="next">Next</button>');
  });

  it('gives a short table its row count, without a pager', async () => {
    const notebook = createNotebook([
      {
        ...createCodeCell('%%sql\nselect 1 as n'),
        outputs: [
          {
            output_type: 'execute_result',
            execution_count: 1,
            metadata: {},
            data: {
              'application/vnd.dataresource+json': {
                schema: { fields: [{ name: 'n', type: 'integer' }] },
                data: [{ n: 1 }],
              },
            },
          },
        ],
      },
    ]);
    const html = await renderHtmlReport(notebook, options);
    expect(html).toContain('<span class="qr-range" aria-live="polite">1 row</span> · 1 column');
    expect(html).not.toContain('class="qr-pager"');
    expect(html).not.toContain('class="qr-table-data"');
  });

  it('shows a JSON output as indented JSON, and names a type it cannot show', async () => {
    const cell = {
      ...createCodeCell('data'),
      outputs: [
        {
          output_type: 'display_data' as const,
          data: { 'application/json': { a: [1, '</script>'] } },
          metadata: {},
        },
        {
          output_type: 'display_data' as const,
          data: { 'application/x-unknown': 'x' },
          metadata: {},
        },
      ],
    };
    const html = await renderHtmlReport(createNotebook([cell]), options);
    expect(html).toContain(
      '<pre class="qr-text">{\n  &quot;a&quot;: [\n    1,\n    &quot;&lt;/script&gt;&quot;',
    );
    expect(html).toContain('An output the report cannot show (application/x-unknown).');
  });

  it('hides code with includeCode false, keeping outputs and markdown', async () => {
    const notebook = reportNotebook();
    const html = await renderHtmlReport(notebook, { ...options, includeCode: false });
    expect(html).not.toContain('class="qr-code"');
    expect(html).not.toContain('select * from scores');
    expect(html).toContain('class="qr-table"');
    expect(html).toContain('class="qr-chart"');
    expect(html).toContain('<h1>Churn report</h1>');
  });

  it('shows SQL cells as their query, labelled, with the name bound', async () => {
    const html = await renderHtmlReport(reportNotebook(), options);
    expect(html).toContain('Cell 4 · SQL → scores · run 2');
    expect(html).toContain('<code>select * from scores</code>');
    expect(html).not.toContain('%%sql');
  });

  it('says how the outputs were made and with which parameters', async () => {
    const html = await renderHtmlReport(reportNotebook(), options);
    expect(html).toContain('Stopped at a failing cell');
    expect(html).toContain('2026-12-01 09:30 UTC, after 12.3 s, by quarry run.');
    expect(html).toContain('Clean run');
    expect(html).toContain(
      '<tr><th scope="row">region</th><td><code>&quot;EU&quot;</code></td></tr>',
    );
  });

  it('says when the file records no run', async () => {
    const html = await renderHtmlReport(createNotebook([createCodeCell('1')]), options);
    expect(html).toContain('The file records no run');
  });

  it('carries plotly only when a cell drew a chart', async () => {
    const html = await renderHtmlReport(
      createNotebook([createMarkdownCell('# Just text')]),
      options,
    );
    expect(html.length).toBeLessThan(20_000);
    expect(executableScripts(html)).toHaveLength(1);
  });

  it('renders the same notebook to the same report', async () => {
    const notebook = reportNotebook();
    expect(await renderHtmlReport(notebook, options)).toBe(
      await renderHtmlReport(notebook, options),
    );
  });
});

describe('writeHtmlReport', () => {
  it('writes the report and leaves no temporary file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quarry-report-'));
    const file = path.join(dir, 'report.html');
    await writeHtmlReport(file, reportNotebook(), options);
    expect(readFileSync(file, 'utf8')).toMatch(/^<!doctype html>/);
    expect(readdirSync(dir)).toEqual(['report.html']);
  });
});
