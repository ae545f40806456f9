/**
 * Which tables and views a piece of SQL reads and which it changes, from its tokens (not a
 * parser), for the app's stale cells (core/protocol.ts `CellDependencies`). Names are lower-cased:
 * DuckDB compares identifiers case-insensitively, quoted or not; of a qualified `schema.name`
 * only the last part counts.
 *
 * - reads: the names after FROM and JOIN (each of a comma list), `describe`/`summarize`/`table`
 *   NAME, and the targets of statements that change a table (an insert's rows join the table's
 *   others, so the statement depends on whoever made it);
 * - defines: `create [or replace] [temp] table|view NAME`, and `insert into`, `update`,
 *   `delete from`, `drop`, `alter`, `truncate` and `copy NAME from` of NAME, which change it;
 * - not names: CTEs (`with t as (…)`), table functions (`read_csv('…')`), files (`from 'x.csv'`),
 *   and FROM inside an expression's parentheses (`extract(year from d)`).
 */
import { parseSqlCell } from '../../core/notebook/sql-cell';
import type { CellDependencies } from '../../core/protocol';
import { isPunct, significantTokens } from './file-reference-spans';
import type { SqlToken } from './sql-tokens';

export type SqlDependencies = { defines: string[]; reads: string[] };

/** Words that start a subquery when they follow `(`: inside, FROM is a clause again. */
const QUERY_STARTS = new Set(['select', 'with', 'from', 'values', 'table', 'pivot', 'unpivot']);

/** Words that may follow a table name but are not its alias. */
const AFTER_TABLE = new Set(
  (
    'where join on using group order limit offset having window qualify union except intersect ' +
    'left right inner outer full cross natural positional asof anti semi lateral select set ' +
    'returning sample tablesample pivot unpivot values default by'
  ).split(' '),
);

/**
 * What a `%%sql [NAME]` cell defines and reads: its statements' tables and views, and its
 * binding NAME as written (TypeScript cells read it by that name). Null for a TypeScript cell,
 * whose names need the compiler (kernels/compile/cell-dependencies.ts).
 */
export function sqlCellDependencies(code: string): CellDependencies | null {
  let sqlCell;
  try {
    sqlCell = parseSqlCell(code);
  } catch {
    // A malformed `%%sql` line: the cell fails before it runs anything.
    return { defines: [], reads: [] };
  }
  if (!sqlCell) return null;
  const sql = sqlDependencies(sqlCell.query);
  const defines = sqlCell.bindTo ? [...sql.defines, sqlCell.bindTo] : sql.defines;
  return { defines: [...new Set(defines)], reads: sql.reads };
}

export function sqlDependencies(query: string): SqlDependencies {
  const tokens = significantTokens(query);
  const defines = new Set<string>();
  const reads = new Set<string>();
  const ctes = new Set<string>();
  /** For each open parenthesis (and the statement itself): whether FROM there is a clause. */
  const inQuery: boolean[] = [true];
  let statementStart = 0;

  const word = (i: number) => (tokens[i]?.kind === 'word' ? tokens[i].value.toLowerCase() : null);
  const isName = (t: SqlToken | undefined) => t?.kind === 'word' || t?.kind === 'identifier';
  /** The (last part of the) name starting at `i`, and the index after it; null when none. */
  const nameAt = (i: number): { name: string; next: number } | null => {
    if (!isName(tokens[i])) return null;
    let at = i;
    while (isPunct(tokens[at + 1], '.') && isName(tokens[at + 2])) at += 2;
    return { name: tokens[at].value.toLowerCase(), next: at + 1 };
  };
  /** Skips `if [not] exists`, `or replace`, and similar words between a verb and its name. */
  const skipWords = (i: number, words: ReadonlySet<string>) => {
    let at = i;
    while (words.has(word(at) ?? '')) at++;
    return at;
  };
  /** Reads the comma list of tables after FROM or JOIN at `i`. */
  const tableList = (i: number) => {
    let at = i;
    for (;;) {
      const table = nameAt(at);
      if (!table || isPunct(tokens[table.next], '(')) return;
      reads.add(table.name);
      at = table.next;
      if (word(at) === 'as') at++;
      if (isName(tokens[at]) && !AFTER_TABLE.has(word(at) ?? '')) at++;
      if (!isPunct(tokens[at], ',')) return;
      at++;
    }
  };
  const target = (i: number, how: 'changes' | 'reads and changes') => {
    const table = nameAt(i);
    if (!table) return;
    defines.add(table.name);
    if (how === 'reads and changes') reads.add(table.name);
  };

  tokens.forEach((token, i) => {
    if (isPunct(token, '(')) inQuery.push(QUERY_STARTS.has(word(i + 1) ?? ''));
    else if (isPunct(token, ')')) {
      if (inQuery.length > 1) inQuery.pop();
    } else if (isPunct(token, ';')) statementStart = i + 1;
    const verb = word(i);
    if (verb === null || !inQuery[inQuery.length - 1]) return;
    const first = i === statementStart;
    switch (verb) {
      case 'from':
      case 'join':
        return tableList(i + 1);
      case 'with': {
        const cte = nameAt(skipWords(i + 1, RECURSIVE));
        if (cte) ctes.add(cte.name);
        return;
      }
      case 'as': {
        // `, name as (` after a CTE: the next CTE of the list.
        const before = tokens[i - 2];
        const name = tokens[i - 1];
        if (isPunct(before, ',') && isName(name) && isPunct(tokens[i + 1], '('))
          ctes.add(name.value.toLowerCase());
        return;
      }
      case 'create': {
        const at = skipWords(i + 1, CREATE_WORDS);
        if (word(at) === 'table' || word(at) === 'view')
          target(skipWords(at + 1, IF_EXISTS), 'changes');
        return;
      }
      case 'into':
        return target(i + 1, 'reads and changes');
      case 'update':
        if (first) target(i + 1, 'reads and changes');
        return;
      case 'delete':
        if (first && word(i + 1) === 'from') target(i + 2, 'changes');
        return;
      case 'drop':
      case 'alter':
      case 'truncate': {
        const kind = word(i + 1);
        const isTable = kind === 'table' || kind === 'view';
        if (!first || (!isTable && verb !== 'truncate')) return;
        const at = skipWords(isTable ? i + 2 : i + 1, IF_EXISTS);
        return target(at, verb === 'alter' ? 'reads and changes' : 'changes');
      }
      case 'copy': {
        const table = nameAt(i + 1);
        if (!first || !table) return;
        if (word(table.next) === 'from' || isPunct(tokens[table.next], '('))
          defines.add(table.name);
        else reads.add(table.name);
        return;
      }
      case 'describe':
      case 'summarize':
      case 'table':
        if (first && !QUERY_STARTS.has(word(i + 1) ?? '')) tableList(i + 1);
        return;
    }
  });
  return {
    defines: [...defines],
    reads: [...reads].filter((name) => !ctes.has(name)),
  };
}

const RECURSIVE = new Set(['recursive']);
const CREATE_WORDS = new Set(['or', 'replace', 'temp', 'temporary', 'persistent']);
const IF_EXISTS = new Set(['if', 'not', 'exists']);
