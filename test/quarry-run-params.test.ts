/**
 * `quarry run -p / -r / --params-file` (docs/replay.md): values that are hard to carry into
 * TypeScript source (quotes, backticks, `${`, newlines, unicode, integers past 2^53, nested
 * JSON, an empty string) reach the cells exactly, are printed at the start, and are recorded in
 * the output's metadata. The built CLI in a child process (arguments passed without a shell).
 */
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateNotebookJson } from './nbformat-schema';
import { notebookJson } from './notebook-json';
import { runQuarry } from './quarry-cli';

/** Each run starts a kernel (seconds; more on a loaded machine). */
const TIMEOUT_MS = 180_000;

type SavedCell = {
  metadata: { tags?: string[] };
  source: string[];
  outputs: { output_type: string; text?: string[] }[];
};
type Saved = { metadata: { quarry: { parameters: Record<string, unknown> } }; cells: SavedCell[] };

const PARAMETERS = [
  'const text = "default"',
  'const big = 1',
  'const nested = {}',
  'const empty = "x"',
  'const rate = 0.5',
].join('\n');

/** Prints what the cells see, bigints as `digits n` (JSON has no bigint). */
const SHOW = `console.log(JSON.stringify({ text, big, nested, empty, rate, bigType: typeof big }, (_, v) => (typeof v === 'bigint' ? \`\${v}n\` : v)))`;

const TRICKY = 'He said "hi", it\'s `tick` ${rate} \\ back\nline two\ttab ünïcødé 😀 \u2028 end';
const NESTED = {
  list: [1, 'two', { three: null, four: false }],
  deep: { quote: '"`${x}`"', huge: 12345678901234567890123n },
};
const NESTED_JSON =
  '{"list":[1,"two",{"three":null,"four":false}],"deep":{"quote":"\\"`${x}`\\"","huge":12345678901234567890123}}';

let work: string;
let input: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'quarry-run-params-'));
  input = path.join(work, 'params.ipynb');
  await writeFile(
    input,
    notebookJson([
      {
        cell_type: 'code',
        source: PARAMETERS,
        metadata: { tags: ['parameters'] },
        outputs: [],
        execution_count: null,
      },
      SHOW,
    ]),
  );
});

async function saved(out: string): Promise<Saved> {
  const json: unknown = JSON.parse(await readFile(out, 'utf8'));
  expect(validateNotebookJson(json)).toEqual([]);
  return json as Saved;
}

describe('quarry run with parameters', { timeout: TIMEOUT_MS }, () => {
  it('injects tricky values exactly, prints them, records them, warns of an undeclared one', async () => {
    const file = path.join(work, 'params.json');
    await writeFile(file, `{"nested": ${NESTED_JSON}, "rate": 1}`);
    const out = path.join(work, 'params.out.ipynb');
    const result = await runQuarry([
      'run',
      input,
      '-o',
      out,
      '-r',
      `text=${TRICKY}`,
      '-p',
      'big=123456789012345678901',
      '--params-file',
      file,
      '-p',
      'empty=',
      '-p',
      'rate=0.25',
      '-p',
      'unknown_one=1',
    ]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe(
      'quarry run: warning: parameter "unknown_one" not declared in the parameters cell (cell 1, which declares: text, big, nested, empty, rate); injected all the same\n',
    );
    expect(result.stdout).toContain(
      [
        'Parameters (injected as cell 2):',
        `  text = ${JSON.stringify(TRICKY).replace('\u2028', '\\u2028')}`,
        '  big = 123456789012345678901n',
        '  nested = { "list": [1, "two", { "three": null, "four": false }], "deep": { "quote": "\\"`${x}`\\"", "huge": 12345678901234567890123n } }',
        // rate keeps its first place (the file's) and its last value (-p's).
        '  rate = 0.25',
        '  empty = ""',
        '  unknown_one = 1',
      ].join('\n'),
    );
    const { cells, metadata } = await saved(out);
    expect(cells[1].metadata.tags).toEqual(['injected-parameters']);
    const printed = cells[2].outputs[0].text?.join('') ?? '';
    const seen = JSON.parse(printed) as Record<string, unknown>;
    expect(seen).toEqual({
      text: TRICKY,
      big: '123456789012345678901n',
      nested: { ...NESTED, deep: { ...NESTED.deep, huge: '12345678901234567890123n' } },
      empty: '',
      rate: 0.25,
      bigType: 'bigint',
    });
    expect(metadata.quarry.parameters).toEqual({
      text: TRICKY,
      big: '123456789012345678901',
      nested: { ...NESTED, deep: { ...NESTED.deep, huge: '12345678901234567890123' } },
      empty: '',
      rate: 0.25,
      unknown_one: 1,
    });
  });

  it('exits 2 with a one-line reason for a bad value or file, before running anything', async () => {
    const badJson = path.join(work, 'bad.json');
    await writeFile(badJson, '{"rate": 0.1,');
    const cases: [string[], RegExp][] = [
      [['-p', 'rate'], /^quarry: -p "rate": expected NAME=VALUE/],
      [['-p', '1x=2'], /^quarry: -p "1x=2": /],
      [['-p', 'x=1e999'], /^quarry: -p "x=1e999": .*-r /],
      [['--params-file', badJson], /^quarry: \S*bad\.json: invalid JSON/],
      [
        ['--params-file', path.join(work, 'none.json')],
        /^quarry: cannot read the parameters file \S*none\.json: no such file/,
      ],
      [['-p'], /^quarry: -p needs a value/],
    ];
    for (const [args, reason] of cases) {
      const out = path.join(work, 'never.out.ipynb');
      const result = await runQuarry(['run', input, '-o', out, ...args]);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout, args.join(' ')).toBe('');
      expect(result.stderr, args.join(' ')).toMatch(reason);
      expect(result.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
    }
  });
});
