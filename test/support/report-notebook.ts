/**
 * A notebook for the HTML report's tests (host/replay/html-report.test.ts, the e2e test): one
 * output of every kind, written the way the kernel writes them (tables by the kernel's own
 * tableBundle), and hostile text in every place a notebook can put text. A hostile vector that
 * runs records its name in `window.__hostile`.
 */
import { MIME, type Output } from '../../core/outputs';
import { withRunRecord } from '../../core/notebook/run-record';
import {
  createCodeCell,
  createMarkdownCell,
  createNotebook,
  type Cell,
  type Notebook,
} from '../../core/notebook/model';
import type { Field } from '../../kernels/frames/arrow-columns';
import { tableBundle } from '../../kernels/display/table-bundle';

export const ran = (name: string) => `(window.__hostile = window.__hostile || []).push('${name}')`;

/** Text that ends a script, opens an element with a handler, and opens a comment. */
export const HOSTILE_TEXT = `</script><img src=x onerror="${ran('text')}"><!-- & "quotes" 'too'`;

export const HOSTILE_HTML = [
  '<p id="harmless">Harmless paragraph with <b>bold</b> text.</p>',
  `<script>${ran('script')}</script>`,
  `<img src="data:," alt="broken" onerror="${ran('onerror')}">`,
  `<a id="js-link" href="javascript:${ran('javascript-url')}">a javascript: link</a>`,
  `<iframe srcdoc="<script>parent.${ran('srcdoc')}</script>"></iframe>`,
  `<svg width="20" height="20" onload="${ran('svg-onload')}"><script>${ran('inline-svg')}</script></svg>`,
  `<form action="javascript:${ran('form-action')}"><button id="send">Send</button></form>`,
  '<img src="https://example.com/tracker.png" alt="remote image">',
  '<link rel="stylesheet" href="https://example.com/style.css">',
  '<meta http-equiv="refresh" content="0;url=https://example.com/">',
  `<details open ontoggle="${ran('ontoggle')}"><summary>More</summary>hidden</details>`,
  '<table><tr><td id="cell">kept cell</td></tr></table>',
].join('\n');

/** A 1×1 PNG. */
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

export const TABLE_ROWS = 10_000;

function bigTable(): Output {
  const fields: Field[] = [
    { name: 'id', type: 'integer', sourceType: 'Int32' },
    { name: 'label', type: 'string', sourceType: 'Utf8' },
    { name: 'score', type: 'number', sourceType: 'Float64' },
  ];
  const row = (i: number) => ({
    id: i + 1,
    label: i === 0 ? HOSTILE_TEXT : i === 1 ? null : `row ${i + 1}`,
    score: Math.round(((i * 7919) % 1000) * 10) / 1000,
  });
  const bundle = tableBundle({
    fields,
    numRows: TABLE_ROWS,
    bytes: 0,
    rows: (indices) => Array.from(indices, row),
    column: () => [],
  });
  return { output_type: 'execute_result', data: bundle, metadata: {}, execution_count: 3 };
}

function code(source: string, count: number, outputs: Output[]): Cell {
  return { ...createCodeCell(source), executionCount: count, outputs };
}

export function reportNotebook(): Notebook {
  const cells: Cell[] = [
    createMarkdownCell(
      `# Churn report\n\nPlain markdown with **bold**, a \`${HOSTILE_TEXT}\` code span, ` +
        `[a javascript: link](javascript:alert%28%27markdown-link%27%29) and ` +
        `![remote](https://example.com/remote.png).`,
    ),
    createMarkdownCell(
      `Raw HTML in markdown: <img src="data:," onerror="${ran('markdown-onerror')}">`,
    ),
    code(`console.log(${JSON.stringify(HOSTILE_TEXT)})`, 1, [
      { output_type: 'stream', name: 'stdout', text: `\u001b[31mred\u001b[0m ${HOSTILE_TEXT}\n` },
    ]),
    code('%%sql scores\nselect * from scores', 2, [bigTable()]),
    code("chart.bar(scores, { x: 'label', y: 'score' })", 4, [
      {
        output_type: 'execute_result',
        data: {
          [MIME.plotly]: {
            data: [{ type: 'bar', x: ['a', 'b', 'c'], y: [3, 1, 2], name: HOSTILE_TEXT }],
            layout: { title: { text: 'Scores by label' } },
          },
          [MIME.text]: 'Chart: Scores by label',
        },
        metadata: {},
        execution_count: 4,
      },
    ]),
    code('display.html(untrusted)', 5, [
      { output_type: 'display_data', data: { [MIME.html]: HOSTILE_HTML }, metadata: {} },
    ]),
    code('display.png(plot)', 6, [
      { output_type: 'display_data', data: { [MIME.png]: PNG }, metadata: {} },
    ]),
    code('throw new Error(message)', 7, [
      {
        output_type: 'error',
        ename: 'Error',
        evalue: HOSTILE_TEXT,
        traceback: [`\u001b[31mError\u001b[0m: ${HOSTILE_TEXT}`, '    at Cell 8:1:7'],
      },
    ]),
  ];
  const notebook = createNotebook(cells);
  notebook.metadata = withRunRecord(notebook.metadata, {
    lastRun: {
      status: 'error',
      duration_ms: 12_345,
      finished: '2026-12-01T09:30:00.000Z',
      clean: true,
      runner: 'quarry run',
    },
    parameters: { region: 'EU', [HOSTILE_TEXT]: HOSTILE_TEXT, limit: 25 },
  });
  return notebook;
}
