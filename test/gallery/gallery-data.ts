/**
 * Sample outputs for the gallery (gallery.tsx): one of every kind the kernel writes, plus hostile input a
 * notebook from someone else could carry (script in HTML and SVG, broken bundles).
 */
import type { Output } from '../../core/outputs';

const ESC = '\x1b';
const BT = '`';

export function bigTable(rowCount: number): Output {
  const names = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta item 10', 'zeta item 9'];
  const start = Date.UTC(2024, 0, 1);
  const data = Array.from({ length: rowCount }, (_, i) => ({
    id: i + 1,
    name: `${names[i % names.length]} ${i % 97}`,
    price: i % 13 === 0 ? null : Math.sin(i) * 1000 + i / 7,
    in_stock: i % 3 === 0,
    created: new Date(start + i * 3_600_000).toISOString(),
    note: i % 5 === 0 ? null : `row ${i} — a longer note that will be cut by the column width`,
  }));
  return result({
    'application/vnd.dataresource+json': {
      schema: {
        fields: [
          { name: 'id', type: 'integer' },
          { name: 'name', type: 'string' },
          { name: 'price', type: 'number' },
          { name: 'in_stock', type: 'boolean' },
          { name: 'created', type: 'datetime' },
          { name: 'note', type: 'string' },
        ],
      },
      data,
      quarry: {
        total_rows: 2_500_000,
        source_types: ['Int64', 'Utf8', 'Float64', 'Bool', 'Timestamp<MILLISECOND>', 'Utf8'],
      },
    },
    'text/plain': `[2,500,000 rows × 6 columns (first ${rowCount} shown)]`,
  });
}

export const streams: Output[] = [
  { output_type: 'stream', name: 'stdout', text: 'Loaded 1,204 rows from data/churn.parquet\n' },
  {
    output_type: 'stream',
    name: 'stdout',
    text: `epoch 1 ${ESC}[32mloss 0.4132${ESC}[0m  ${ESC}[1mval 0.4410${ESC}[0m\nepoch 2 ${ESC}[32mloss 0.3511${ESC}[0m  ${ESC}[1;31mval 0.4622 (worse)${ESC}[0m${ESC}[2K\n`,
  },
  {
    output_type: 'stream',
    name: 'stderr',
    text: 'warning: 12 rows had a NULL label and were dropped\n',
  },
];

export const smallTable: Output = result({
  'application/vnd.dataresource+json': {
    schema: {
      fields: [
        { name: 'segment', type: 'string' },
        { name: 'users', type: 'integer' },
        { name: 'churn_rate', type: 'number' },
      ],
    },
    data: [
      { segment: 'free', users: 10422, churn_rate: 0.183333333 },
      { segment: 'pro', users: 2210, churn_rate: 0.0412 },
      { segment: 'team', users: 318, churn_rate: null },
    ],
    quarry: { total_rows: 3, source_types: ['VARCHAR', 'BIGINT', 'DOUBLE'] },
  },
  'text/html': '<table><tr><td>fallback html must not show</td></tr></table>',
});

export const chart: Output = result({
  'application/vnd.plotly.v1+json': {
    data: [
      {
        type: 'scatter',
        mode: 'lines',
        name: 'train',
        x: [1, 2, 3, 4, 5, 6],
        y: [0.52, 0.41, 0.35, 0.31, 0.29, 0.28],
      },
      {
        type: 'scatter',
        mode: 'lines',
        name: 'validation',
        x: [1, 2, 3, 4, 5, 6],
        y: [0.55, 0.46, 0.44, 0.45, 0.47, 0.5],
      },
    ],
    layout: {
      title: { text: 'Loss by epoch' },
      xaxis: { title: { text: 'epoch' } },
      yaxis: { title: { text: 'loss' } },
      height: 320,
    },
  },
  'text/plain': '<Figure "Loss by epoch": 2 traces>',
});

export const maliciousHtml: Output = result({
  'text/html': [
    '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=2;alert(2)</script>',
    '<p>A <b>pandas-style</b> table, a <a href="javascript:alert(3)">javascript link</a>, a <a href="https://example.com" target="_self">normal link</a> and <span style="color:#b00">inline style</span>.</p>',
    '<iframe src="https://example.com"></iframe><form action="https://example.com"><input name=q><button>Send</button></form>',
    '<object data="x.swf"></object><svg><a xlink:href="javascript:alert(4)"><text y="15">svg link</text></a></svg>',
    '<style>body { background: red !important; }</style><div style="position:fixed;inset:0;background:rgba(255,0,0,.2)" onclick="alert(5)">fixed overlay</div>',
    '<table><thead><tr><th></th><th>a</th><th>b</th></tr></thead><tbody><tr><th>0</th><td>1.5</td><td>x</td></tr><tr><th>1</th><td>2.25</td><td>y</td></tr></tbody></table>',
  ].join('\n'),
});

export const maliciousSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="160" height="80" onload="window.__pwned=3;alert(6)"><script>alert(7)</script><rect width="160" height="80" rx="8" fill="#e8f0fe"/><circle cx="40" cy="40" r="24" fill="#1a73e8"/><text x="76" y="46" font-family="sans-serif" font-size="14" fill="#174ea6">SVG output</text></svg>`;

export const markdown = String.raw`## Markdown output

Churn is **high** in the _free_ tier. The logistic model is $p = \sigma(w^\top x + b)$ and
the loss (costs $5 and $10 are not math):

$$
\mathcal{L} = -\frac{1}{n}\sum_{i=1}^{n} y_i \log p_i + (1 - y_i)\log(1 - p_i)
$$

| tier | users |
| :--- | ---: |
| free | 10,422 |
| pro | 2,210 |

${BT}code with $dollars$${BT}, a [link](https://example.com), and <img src=x onerror="window.__pwned=4;alert(8)">.
`;

export const error: Output = {
  output_type: 'error',
  ename: 'TypeError',
  evalue: "Cannot read properties of undefined (reading 'mean')",
  traceback: [
    "TypeError: Cannot read properties of undefined (reading 'mean')",
    '    at summarize (In[2]:4:18)',
    '    at In[3]:2:9',
    "  2 | const s = summarize(df['price']);",
    '    |         ^',
  ],
};

export const pythonError: Output = {
  output_type: 'error',
  ename: 'ValueError',
  evalue: 'could not convert string to float',
  traceback: [
    `${ESC}[0;31m---------------------------------------------------------------------------${ESC}[0m`,
    `${ESC}[0;31mValueError${ESC}[0m                                Traceback (most recent call last)`,
    `Cell ${ESC}[0;32mIn[5], line 1${ESC}[0m\n${ESC}[0;32m----> 1${ESC}[0m ${ESC}[38;5;28mfloat${ESC}[39m(${ESC}[33m"x"${ESC}[39m)`,
    `${ESC}[0;31mValueError${ESC}[0m: could not convert string to float: 'x'`,
  ],
};

export const fallbacks: Output[] = [
  result({ 'text/plain': "{ rows: 1204, columns: [ 'id', 'plan', 'churned' ] }" }),
  result({
    'application/vnd.dataresource+json': { data: 'broken' },
    'text/plain': 'broken table → plain text fallback',
  }),
  result({ 'application/x-unknown': { a: 1 } }),
];

export function result(data: Record<string, unknown>, metadata = {}): Output {
  return { output_type: 'execute_result', data, metadata, execution_count: 1 };
}
