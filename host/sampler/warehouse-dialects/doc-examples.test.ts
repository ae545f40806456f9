import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { examplesSection, readableSql } from './doc-examples';

const PAGE = fileURLToPath(new URL('../../../docs/sampling.md', import.meta.url));
const BEGIN = '<!-- generated examples: begin -->\n';
const END = '\n<!-- generated examples: end -->';

/**
 * `UPDATE_DOC_EXAMPLES=1 npx vitest run host/sampler/warehouse-dialects/doc-examples.test.ts`
 * rewrites the page's examples after a change to the composer or a dialect.
 */
const update = process.env.UPDATE_DOC_EXAMPLES === '1';

describe('docs/sampling.md', () => {
  it('shows the statements the composer and the dialects generate', () => {
    const page = readFileSync(PAGE, 'utf8');
    const start = page.indexOf(BEGIN);
    const end = page.indexOf(END);
    expect(start, 'the page has the generated-examples markers').toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const shown = page.slice(start + BEGIN.length, end);
    const generated = `\n${examplesSection()}\n`;
    if (update && shown !== generated)
      writeFileSync(PAGE, page.slice(0, start + BEGIN.length) + generated + page.slice(end));
    else expect(shown, 'run with UPDATE_DOC_EXAMPLES=1 to rewrite the examples').toBe(generated);
  });
});

describe('readableSql', () => {
  it('breaks lines before clauses, indented by depth, and only where a space was', () => {
    const sql = 'SELECT a FROM (SELECT * FROM t WHERE b > 1) AS x ORDER BY a LIMIT 3';
    const readable = readableSql(sql);
    expect(readable).toBe(
      'SELECT a\nFROM (SELECT *\n  FROM t\n  WHERE b > 1) AS x\nORDER BY a\nLIMIT 3',
    );
    expect(readable.replace(/\s+/g, ' ')).toBe(sql);
  });
});
