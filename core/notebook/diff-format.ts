/**
 * The readable summary of a NotebookDiff (what `quarry diff` and `quarry run --compare` print):
 * a header, the parameters that changed, one line per differing cell (by the number `quarry
 * run` prints and its id) with the details indented under it, notes for edited sources, and a
 * last line `N of M cells differ` or `no differences`.
 */
import { excerpt } from '../excerpt';
import type { JsonObject, JsonValue } from '../json';
import type {
  CellDiff,
  ChartChange,
  ChartDifference,
  NotebookDiff,
  OutputChange,
  OutputKind,
  TableChange,
  TextChange,
  ValueExample,
  ValueStats,
} from './diff-types';
import { VALUE_EXAMPLES } from './diff-values';
import type { CellKind } from './model';

/** Ids longer than this (a UUID: 36) are shortened to their first 8 characters (the JSON has them whole). */
const ID_SHOWN = 24;
const INDENT = '    ';

export function formatNotebookDiff(
  diff: NotebookDiff,
  names: { baseline: string; current: string },
): string {
  const lines = [
    `Compared ${names.current} with ${names.baseline} (rtol ${diff.tolerance.rtol}, atol ${diff.tolerance.atol})`,
  ];
  if (diff.parameters.changed.length > 0) lines.push(parametersLine(diff));
  for (const cell of diff.cells) lines.push(...cellLines(cell));
  lines.push(
    diff.same ? 'no differences' : `${diff.cellsDiffering} of ${diff.cellsCompared} cells differ`,
  );
  return lines.join('\n');
}

function parametersLine(diff: NotebookDiff): string {
  const shown = (values: JsonObject | null, name: string) =>
    values !== null && name in values ? value(values[name]) : '(not set)';
  const changes = diff.parameters.changed.map(
    (name) =>
      `${name} ${shown(diff.parameters.baseline, name)} → ${shown(diff.parameters.current, name)}`,
  );
  return `parameters: ${changes.join(', ')}`;
}

function shortId(id: string): string {
  return id.length > ID_SHOWN ? `${id.slice(0, 8)}…` : id;
}

function cellTitle(cell: CellDiff): string {
  const ids =
    cell.baselineId !== null && cell.baselineId !== cell.id
      ? `id ${shortId(cell.id)}, baseline id ${shortId(cell.baselineId)}`
      : `id ${shortId(cell.id)}`;
  return cell.number === null
    ? `baseline cell ${cell.baselineNumber} (${ids})`
    : `cell ${cell.number} (${ids})`;
}

const KIND_NAMES: Record<CellKind, string> = {
  typescript: 'TypeScript cell',
  sql: 'SQL cell',
  markdown: 'markdown cell',
  raw: 'raw cell',
};

function cellLines(cell: CellDiff): string[] {
  const { title, summary, details } = formatCellDiff(cell);
  return [`${title}: ${summary}`, ...details];
}

/**
 * One cell's part of the summary: its title (`cell 7 (id …)`), what changed on one line, and
 * the indented details (examples, hunks), for a reader that shows cells apart (the HTML report).
 */
export function formatCellDiff(cell: CellDiff): {
  title: string;
  summary: string;
  details: string[];
} {
  const title = cellTitle(cell);
  const note = cell.differs ? '' : ' (note)';
  switch (cell.status) {
    case 'added':
      return { title, summary: `added ${KIND_NAMES[cell.kind]}${note}`, details: [] };
    case 'removed':
      return { title, summary: `removed ${KIND_NAMES[cell.kind]}${note}`, details: [] };
    case 'edited':
      return { title, summary: 'source edited, outputs the same (note)', details: [] };
    case 'changed': {
      const heads = cell.outputs.map(changeHead);
      const edited = cell.sourceChanged ? ' (source edited)' : '';
      // With several changes in one cell, each one's details say which output they are about.
      const details = cell.outputs.flatMap((change) => {
        const lines = changeDetails(change);
        return cell.outputs.length > 1 && lines.length > 0
          ? [`${INDENT.slice(2)}${changeLabel(change)}:`, ...lines]
          : lines;
      });
      return { title, summary: `${heads.join('; ')}${edited}`, details };
    }
  }
}

function changeLabel(change: OutputChange): string {
  if (change.output === null) return change.kind === 'text' ? change.what : change.kind;
  return `output ${change.output} (${change.kind})`;
}

function changeHead(change: OutputChange): string {
  switch (change.kind) {
    case 'text':
      return `${change.what}: ${change.linesChanged} ${change.linesChanged === 1 ? 'line' : 'lines'} changed`;
    case 'table':
      return `table: ${tableHead(change)}`;
    case 'chart':
      return `chart: ${chartHead(change)}`;
    case 'image':
      return `${change.mime} changed (${bytes(change.baselineBytes)} → ${bytes(change.currentBytes)})`;
    case 'data':
      return `${change.mime} changed`;
    case 'error': {
      const shown = (e: { ename: string; evalue: string } | null) =>
        e === null ? '(none)' : excerpt(`${e.ename}: ${e.evalue}`);
      return `error: ${shown(change.baseline)} → ${shown(change.current)}`;
    }
    case 'added':
    case 'removed':
      return `output ${change.output} ${change.kind} (${OUTPUT_KIND_NAMES[change.what]})`;
    case 'kind':
      return `output ${change.output} was ${OUTPUT_KIND_NAMES[change.baseline]}, now ${OUTPUT_KIND_NAMES[change.current]}`;
  }
}

const OUTPUT_KIND_NAMES: Record<OutputKind, string> = {
  table: 'a table',
  chart: 'a chart',
  image: 'an image',
  text: 'text',
  data: 'data',
};

function tableHead(change: TableChange): string {
  const parts: string[] = [];
  if (change.schema) {
    const { added, removed, retyped, reordered } = change.schema;
    const schema = [
      ...added.map((c) => `+${c}`),
      ...removed.map((c) => `−${c}`),
      ...retyped.map((r) => `${r.column} ${r.baseline} → ${r.current}`),
      ...(reordered ? ['columns reordered'] : []),
    ];
    parts.push(`schema ${schema.join(', ')}`);
  }
  if (change.rows.baseline !== change.rows.current)
    parts.push(`rows ${count(change.rows.baseline)} → ${count(change.rows.current)}`);
  if (change.values.changed > 0) parts.push(valuesHead(change.values));
  return parts.join(', ');
}

function valuesHead(values: ValueStats, where = ''): string {
  const size =
    values.maxAbs === null
      ? ''
      : `, max |Δ| ${number(values.maxAbs)}${values.maxRel === null ? '' : ` (rel ${percent(values.maxRel)})`}`;
  return `${count(values.changed)} of ${count(values.compared)} values changed${where}${size}`;
}

function chartHead(change: ChartChange): string {
  const parts: string[] = [];
  if (change.traces) parts.push(`traces ${change.traces.baseline} → ${change.traces.current}`);
  const arrays = valueDifferences(change);
  for (const d of arrays)
    if (d.lengths)
      parts.push(`trace ${d.trace} ${d.key} length ${d.lengths.baseline} → ${d.lengths.current}`);
  const changed = arrays.filter((d) => d.values.changed > 0);
  if (changed.length > 0) {
    const traces = new Set(changed.map((d) => d.trace)).size;
    const where =
      changed.length === 1
        ? ` in trace ${changed[0].trace} ${changed[0].key}`
        : ` in ${traces} ${traces === 1 ? 'trace' : 'traces'}`;
    parts.push(valuesHead(mergedStats(changed.map((d) => d.values)), where));
  }
  for (const d of change.differences)
    if (d.kind === 'setting')
      parts.push(
        `${d.trace === null ? d.key : `trace ${d.trace} ${d.key}`} ${value(d.baseline)} → ${value(d.current)}`,
      );
  return parts.join(', ');
}

type ValueDifference = Extract<ChartDifference, { kind: 'values' }>;

function valueDifferences(change: ChartChange): ValueDifference[] {
  return change.differences.filter((d): d is ValueDifference => d.kind === 'values');
}

/** The stats of several arrays as one: sums, the largest changes, the examples in order. */
function mergedStats(all: ValueStats[]): ValueStats {
  const largest = (values: (number | null)[]) =>
    values.reduce<number | null>((max, v) => (v === null ? max : Math.max(max ?? v, v)), null);
  return {
    compared: all.reduce((sum, v) => sum + v.compared, 0),
    changed: all.reduce((sum, v) => sum + v.changed, 0),
    maxAbs: largest(all.map((v) => v.maxAbs)),
    maxRel: largest(all.map((v) => v.maxRel)),
    examples: all.flatMap((v) => v.examples),
  };
}

function changeDetails(change: OutputChange): string[] {
  switch (change.kind) {
    case 'text':
      return textDetails(change);
    case 'table': {
      const held = Math.min(change.rowsHeld.baseline, change.rowsHeld.current);
      const cut =
        held < Math.max(change.rows.baseline, change.rows.current)
          ? [`${INDENT}values compared in the first ${count(held)} rows, which both outputs hold`]
          : [];
      const lines = change.values.examples.map((e) => exampleLine(e, 'row'));
      return [...cut, ...moreLines(lines, change.values.changed)];
    }
    case 'chart': {
      const arrays = valueDifferences(change);
      const lines = arrays.flatMap((d) =>
        d.values.examples.map((e) => exampleLine(e, `trace ${d.trace} point`)),
      );
      const changed = arrays.reduce((sum, d) => sum + d.values.changed, 0);
      return moreLines(lines.slice(0, VALUE_EXAMPLES), changed);
    }
    case 'image':
    case 'data':
    case 'error':
    case 'added':
    case 'removed':
    case 'kind':
      return [];
  }
}

function exampleLine(e: ValueExample, rowName: string): string {
  return `${INDENT}${rowName} ${e.row}, ${e.column}: ${value(e.baseline)} → ${value(e.current)}`;
}

/** `lines` (examples of `changed` changes) and a count of those not shown. */
function moreLines(lines: string[], changed: number): string[] {
  const more = changed - lines.length;
  return more > 0 ? [...lines, `${INDENT}… ${count(more)} more`] : lines;
}

function textDetails(change: TextChange): string[] {
  const lines: string[] = [];
  for (const hunk of change.hunks) {
    lines.push(`${INDENT}at line ${hunk.currentLine} (baseline line ${hunk.baselineLine}):`);
    lines.push(...hunk.removed.map((l) => `${INDENT}- ${l}`));
    if (hunk.removedMore > 0) lines.push(`${INDENT}- … ${hunk.removedMore} more lines`);
    lines.push(...hunk.added.map((l) => `${INDENT}+ ${l}`));
    if (hunk.addedMore > 0) lines.push(`${INDENT}+ … ${hunk.addedMore} more lines`);
  }
  const more = change.totalHunks - change.hunks.length;
  if (more > 0) lines.push(`${INDENT}… ${more} more ${more === 1 ? 'change' : 'changes'}`);
  return lines;
}

function value(v: JsonValue): string {
  return excerpt(JSON.stringify(v));
}

function number(n: number): string {
  return String(Number(n.toPrecision(3)));
}

function percent(ratio: number): string {
  return `${Number((ratio * 100).toPrecision(2))}%`;
}

/** 12,345: grouped by hand, since the first toLocaleString loads ICU's data (25 ms here). */
function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function bytes(n: number): string {
  return `${count(n)} bytes`;
}
