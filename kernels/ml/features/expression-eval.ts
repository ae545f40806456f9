/**
 * Evaluates a portable expression (core/features/expression-ast.ts) over a frame's columns, with
 * the meaning that module and core/features/expression-functions.ts pin down and every SQL
 * dialect prints: SQL's three-valued logic, null through arithmetic, null for division by 0 and
 * for functions outside their domain, `round` half away from zero, text ordered by code point.
 * Column-at-a-time (one typed array per node) rather than a tree walk per row: 100k rows × a few
 * nodes stays a few milliseconds. Types are checked first by core's `expressionType`, so the
 * evaluator never meets `'a' + 1`.
 */
import type { Expr } from '../../../core/features/expression-ast';
import { EXP_OVERFLOW, EXP_UNDERFLOW } from '../../../core/features/expression-functions';
import {
  expressionType,
  type ColumnTypes,
  type ExpressionType,
} from '../../../core/features/expression-types';
import { roundHalfAway } from './round';

/** A boolean vector's null. */
export const NULL_BOOLEAN = 2;

/** One node's values for every row; numbers NaN for null, booleans 0 / 1 / NULL_BOOLEAN. */
export type Vector =
  | { type: 'number'; values: Float64Array }
  | { type: 'boolean'; values: Uint8Array }
  | { type: 'string'; values: readonly (string | null)[] }
  | { type: 'null' };

/** A column an expression may read: numbers (NaN for null) or text. */
export type ExpressionColumn =
  { type: 'number'; values: Float64Array } | { type: 'string'; values: readonly (string | null)[] };

/** The column of a name; throws (saying why) where there is none an expression may read. */
export type ExpressionColumns = (name: string) => ExpressionColumn;

type Cell = number | string | boolean | null;

function cell(vector: Vector, row: number): Cell {
  switch (vector.type) {
    case 'number': {
      const value = vector.values[row];
      return Number.isNaN(value) ? null : value;
    }
    case 'boolean': {
      const value = vector.values[row];
      return value === NULL_BOOLEAN ? null : value === 1;
    }
    case 'string':
      return vector.values[row];
    case 'null':
      return null;
  }
}

function numbers(vector: Vector, rows: number): Float64Array {
  if (vector.type === 'number') return vector.values;
  if (vector.type === 'null') return new Float64Array(rows).fill(NaN);
  throw new Error(`internal: expected numbers, got ${vector.type}`);
}

function booleans(vector: Vector, rows: number): Uint8Array {
  if (vector.type === 'boolean') return vector.values;
  if (vector.type === 'null') return new Uint8Array(rows).fill(NULL_BOOLEAN);
  throw new Error(`internal: expected booleans, got ${vector.type}`);
}

const toBoolean = (value: boolean | null): number =>
  value === null ? NULL_BOOLEAN : value ? 1 : 0;

/** A vector of `type` from per-row cells (the generic path: CASE, COALESCE, text). */
function fromCells(type: ExpressionType, rows: number, at: (row: number) => Cell): Vector {
  switch (type) {
    case 'number': {
      const values = new Float64Array(rows);
      for (let row = 0; row < rows; row++) values[row] = (at(row) as number | null) ?? NaN;
      return { type, values };
    }
    case 'boolean': {
      const values = new Uint8Array(rows);
      for (let row = 0; row < rows; row++) values[row] = toBoolean(at(row) as boolean | null);
      return { type, values };
    }
    case 'string': {
      const values = new Array<string | null>(rows);
      for (let row = 0; row < rows; row++) values[row] = at(row) as string | null;
      return { type, values };
    }
    case 'null':
      return { type };
  }
}

function mapNumbers(vector: Vector, rows: number, apply: (value: number) => number): Vector {
  const input = numbers(vector, rows);
  const values = new Float64Array(rows);
  // NaN (null) passes through every function used here as NaN.
  for (let row = 0; row < rows; row++) values[row] = apply(input[row]);
  return { type: 'number', values };
}

function zipNumbers(
  left: Vector,
  right: Vector,
  rows: number,
  apply: (a: number, b: number) => number,
): Vector {
  const a = numbers(left, rows);
  const b = numbers(right, rows);
  const values = new Float64Array(rows);
  for (let row = 0; row < rows; row++) values[row] = apply(a[row], b[row]);
  return { type: 'number', values };
}

/** a^b, null where the subset leaves it undefined: 0 to a negative, a negative to a fraction. */
export function guardedPower(a: number, b: number): number {
  if ((a === 0 && b < 0) || (a < 0 && !Number.isInteger(b))) return NaN;
  return Math.pow(a, b);
}

/** e^x, null past the overflow bound and 0 below the underflow bound (expression-functions.ts). */
export function guardedExp(x: number): number {
  if (x >= EXP_OVERFLOW) return NaN;
  return x < EXP_UNDERFLOW ? 0 : Math.exp(x);
}

const UNARY_FUNCTIONS = {
  abs: Math.abs,
  ln: (x: number) => (x > 0 ? Math.log(x) : NaN),
  exp: guardedExp,
  sqrt: (x: number) => (x >= 0 ? Math.sqrt(x) : NaN),
  floor: Math.floor,
  ceil: Math.ceil,
  sign: Math.sign,
} as const;

/**
 * Code-point order (as PostgreSQL's "C" collation and DuckDB's binary order), which JavaScript's
 * `<` (UTF-16 code units) breaks only where a surrogate meets U+E000–U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xSurrogate = x >= 0xd800 && x <= 0xdfff;
    const ySurrogate = y >= 0xd800 && y <= 0xdfff;
    if (xSurrogate !== ySurrogate) return xSurrogate ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/** The order of two non-null cells of one orderable type (numbers or text). */
function order(a: number | string, b: number | string): number {
  if (typeof a === 'string' && typeof b === 'string') return compareCodePoints(a, b);
  return (a as number) - (b as number);
}

type Ordering = '<' | '<=' | '>' | '>=';

function holds(difference: number, op: Ordering): boolean {
  switch (op) {
    case '<':
      return difference < 0;
    case '<=':
      return difference <= 0;
    case '>':
      return difference > 0;
    case '>=':
      return difference >= 0;
  }
}

/** SQL's comparison of two cells: null when either is null. */
function compare(a: Cell, b: Cell, op: Ordering): boolean | null {
  if (a === null || b === null) return null;
  return holds(order(a as number | string, b as number | string), op);
}

/** SQL equality of two cells: null when either is null. */
function equals(a: Cell, b: Cell): boolean | null {
  return a === null || b === null ? null : a === b;
}

function not(value: boolean | null): boolean | null {
  return value === null ? null : !value;
}

function and(a: boolean | null, b: boolean | null): boolean | null {
  if (a === false || b === false) return false;
  return a === null || b === null ? null : true;
}

function or(a: boolean | null, b: boolean | null): boolean | null {
  if (a === true || b === true) return true;
  return a === null || b === null ? null : false;
}

class Evaluator {
  constructor(
    private readonly rows: number,
    private readonly columns: ExpressionColumns,
    private readonly columnTypes: ColumnTypes,
  ) {}

  private typeOf(expr: Expr): ExpressionType {
    return expressionType(expr, this.columnTypes);
  }

  evaluate(expr: Expr): Vector {
    const rows = this.rows;
    switch (expr.kind) {
      case 'number':
        return { type: 'number', values: new Float64Array(rows).fill(expr.value) };
      case 'string':
        return { type: 'string', values: new Array<string>(rows).fill(expr.value) };
      case 'boolean':
        return { type: 'boolean', values: new Uint8Array(rows).fill(expr.value ? 1 : 0) };
      case 'null':
        return { type: 'null' };
      case 'column':
        return this.columns(expr.name);
      case 'unary': {
        const operand = this.evaluate(expr.operand);
        if (expr.op === '-') return mapNumbers(operand, rows, (x) => -x);
        return fromCells('boolean', rows, (row) => not(cell(operand, row) as boolean | null));
      }
      case 'binary':
        return this.binary(expr);
      case 'isNull': {
        const operand = this.evaluate(expr.operand);
        return fromCells('boolean', rows, (row) => (cell(operand, row) === null) !== expr.negated);
      }
      case 'in':
        return this.in(expr);
      case 'between': {
        const x = this.evaluate(expr.operand);
        const low = this.evaluate(expr.low);
        const high = this.evaluate(expr.high);
        return fromCells('boolean', rows, (row) => {
          const value = cell(x, row);
          const inside = and(
            compare(cell(low, row), value, '<='),
            compare(value, cell(high, row), '<='),
          );
          return expr.negated ? not(inside) : inside;
        });
      }
      case 'case':
        return this.case(expr);
      case 'call':
        return this.call(expr);
    }
  }

  private binary(expr: Extract<Expr, { kind: 'binary' }>): Vector {
    const rows = this.rows;
    const left = this.evaluate(expr.left);
    const right = this.evaluate(expr.right);
    switch (expr.op) {
      case '+':
        return zipNumbers(left, right, rows, (a, b) => a + b);
      case '-':
        return zipNumbers(left, right, rows, (a, b) => a - b);
      case '*':
        return zipNumbers(left, right, rows, (a, b) => a * b);
      case '/':
        return zipNumbers(left, right, rows, (a, b) => (b === 0 ? NaN : a / b));
      case '=':
      case '<>': {
        const negate = expr.op === '<>';
        return fromCells('boolean', rows, (row) => {
          const same = equals(cell(left, row), cell(right, row));
          return same === null ? null : same !== negate;
        });
      }
      case '<':
      case '<=':
      case '>':
      case '>=': {
        const op = expr.op;
        return fromCells('boolean', rows, (row) => compare(cell(left, row), cell(right, row), op));
      }
      case 'and':
      case 'or': {
        const combine = expr.op === 'and' ? and : or;
        return fromCells('boolean', rows, (row) =>
          combine(cell(left, row) as boolean | null, cell(right, row) as boolean | null),
        );
      }
    }
  }

  private in(expr: Extract<Expr, { kind: 'in' }>): Vector {
    const operand = this.evaluate(expr.operand);
    const candidates = expr.values.map((value) => this.evaluate(value));
    return fromCells('boolean', this.rows, (row) => {
      // x IN (a, b): true on a match; else null if x or any candidate is null; else false.
      const x = cell(operand, row);
      let result: boolean | null = false;
      for (const candidate of candidates) {
        const same = equals(x, cell(candidate, row));
        if (same === true) {
          result = true;
          break;
        }
        if (same === null) result = null;
      }
      return expr.negated ? not(result) : result;
    });
  }

  private case(expr: Extract<Expr, { kind: 'case' }>): Vector {
    const whens = expr.whens.map(({ when, then }) => ({
      when: booleans(this.evaluate(when), this.rows),
      then: this.evaluate(then),
    }));
    const otherwise = expr.otherwise === null ? null : this.evaluate(expr.otherwise);
    return fromCells(this.typeOf(expr), this.rows, (row) => {
      for (const { when, then } of whens) if (when[row] === 1) return cell(then, row);
      return otherwise === null ? null : cell(otherwise, row);
    });
  }

  private call(expr: Extract<Expr, { kind: 'call' }>): Vector {
    const rows = this.rows;
    const args = expr.args.map((arg) => this.evaluate(arg));
    switch (expr.name) {
      case 'abs':
      case 'ln':
      case 'exp':
      case 'sqrt':
      case 'floor':
      case 'ceil':
      case 'sign':
        return mapNumbers(args[0], rows, UNARY_FUNCTIONS[expr.name]);
      case 'round':
        return args.length === 1
          ? mapNumbers(args[0], rows, (x) => roundHalfAway(x, 0))
          : zipNumbers(args[0], args[1], rows, roundHalfAway);
      case 'power':
        return zipNumbers(args[0], args[1], rows, guardedPower);
      case 'least':
      case 'greatest': {
        // As in both databases: nulls are skipped; null only when every argument is.
        const wanted: Ordering = expr.name === 'least' ? '<' : '>';
        return fromCells(this.typeOf(expr), rows, (row) => {
          let result: Cell = null;
          for (const arg of args) {
            const value = cell(arg, row);
            if (value !== null && (result === null || compare(value, result, wanted) === true))
              result = value;
          }
          return result;
        });
      }
      case 'coalesce':
        return fromCells(this.typeOf(expr), rows, (row) => {
          for (const arg of args) {
            const value = cell(arg, row);
            if (value !== null) return value;
          }
          return null;
        });
      case 'nullif':
        return fromCells(this.typeOf(expr), rows, (row) => {
          const value = cell(args[0], row);
          return equals(value, cell(args[1], row)) === true ? null : value;
        });
    }
  }
}

/**
 * `expr` over `rows` rows of `columns`. Type-checks it first (core/features/expression-types.ts),
 * so a mistyped expression fails with a message naming the operator and operand at fault.
 */
export function evaluateExpression(expr: Expr, rows: number, columns: ExpressionColumns): Vector {
  const columnTypes: ColumnTypes = (name) => columns(name).type;
  expressionType(expr, columnTypes);
  return new Evaluator(rows, columns, columnTypes).evaluate(expr);
}

/** A vector as a feature column: numbers as they are, booleans 1/0, null NaN; text is refused. */
export function featureValues(vector: Vector, rows: number): Float64Array {
  switch (vector.type) {
    case 'number':
      return vector.values;
    case 'boolean': {
      const values = new Float64Array(rows);
      for (let row = 0; row < rows; row++)
        values[row] = vector.values[row] === NULL_BOOLEAN ? NaN : vector.values[row];
      return values;
    }
    case 'null':
      return new Float64Array(rows).fill(NaN);
    case 'string':
      throw new Error(
        "it yields text, and a feature is a number: compare the text instead (e.g. plan = 'premium' gives 1 or 0)",
      );
  }
}
