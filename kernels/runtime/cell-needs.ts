/**
 * What a cell needs started before it runs (docs/kernel.md, "Start-up"): the kernel opens its
 * database and loads danfo.js and TF.js in the background or on first use, and a cell whose code
 * names one of them waits for it. Read from the code's words, not its syntax tree: a word in a
 * comment or a string only loads a library early, and the check costs microseconds where
 * parsing would need TypeScript, itself one of the things loading.
 */
import type { LazyLibrary } from './kernel-libraries';

export type CellNeeds = {
  /** The kernel's DuckDB-WASM: SQL cells, and code naming `sql`, `register` or `sample`. */
  database: boolean;
  /** The TypeScript compiler: every TypeScript cell. */
  compiler: boolean;
  libraries: LazyLibrary[];
};

const NAMES_DATABASE = /\b(sql|register|sample)\b/;
/** `toDataFrame()` of a query result makes a danfo frame without naming `dfd`. */
const NAMES_DANFO = /\b(dfd|toDataFrame|danfojs)\b/;
/** `ml` trains and predicts on TF.js, so a cell naming it waits for TF.js as one naming `tf`. */
const NAMES_TF = /(?<![\w$.])(tf|ml)\b|@tensorflow\/tfjs\b/;

export function cellNeeds(code: string, kind: 'sql' | 'typescript'): CellNeeds {
  // A query's result shows as a table without danfo.js or TF.js.
  if (kind === 'sql') return { database: true, compiler: false, libraries: [] };
  const libraries: LazyLibrary[] = [];
  if (NAMES_DANFO.test(code)) libraries.push('dfd');
  if (NAMES_TF.test(code)) libraries.push('tf');
  return { database: NAMES_DATABASE.test(code), compiler: true, libraries };
}
