/**
 * Finding rows of one frame in another (the duplicate-rows leakage check): a 32-bit hash of
 * each row's values indexes the training rows, and a candidate is confirmed by comparing the
 * values themselves, so a hash collision never reports a false duplicate.
 */
import type { MlColumn } from './ml-types';

export type RowIndex = {
  /** The first indexed row equal to `row` of `columns` (as `equal` confirms), or null. */
  find(columns: MlColumn[], row: number, equal: (candidate: number) => boolean): number | null;
};

export function rowIndex(columns: MlColumn[], rows: number): RowIndex {
  const byHash = new Map<number, number[]>();
  for (let row = 0; row < rows; row++) {
    const hash = rowHash(columns, row);
    const bucket = byHash.get(hash);
    if (bucket) bucket.push(row);
    else byHash.set(hash, [row]);
  }
  return {
    find(lookup, row, equal) {
      const bucket = byHash.get(rowHash(lookup, row));
      if (!bucket) return null;
      for (const candidate of bucket) if (equal(candidate)) return candidate;
      return null;
    },
  };
}

/** Whether row `a` of `left` equals row `b` of `right`, nulls equal to nulls. */
export function sameRow(left: MlColumn[], a: number, right: MlColumn[], b: number): boolean {
  for (let c = 0; c < left.length; c++) {
    const x = left[c].values[a];
    const y = right[c].values[b];
    if (x === y) continue;
    // Two nulls of a number column are both NaN.
    if (typeof x === 'number' && typeof y === 'number' && Number.isNaN(x) && Number.isNaN(y)) {
      continue;
    }
    return false;
  }
  return true;
}

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

/** FNV-1a over the row's values: doubles by their bits (+0 for −0, one NaN), text by code unit. */
function rowHash(columns: MlColumn[], row: number): number {
  let hash = 0x811c9dc5;
  const mix = (word: number) => {
    hash = Math.imul(hash ^ word, 0x01000193);
  };
  for (const column of columns) {
    switch (column.kind) {
      case 'number':
      case 'date': {
        const value = column.values[row];
        bits[0] = Number.isNaN(value) ? Number.NaN : value + 0;
        mix(words[0]);
        mix(words[1]);
        break;
      }
      case 'string': {
        const value = column.values[row];
        if (value === null) mix(0x9e3779b9);
        else for (let i = 0; i < value.length; i++) mix(value.charCodeAt(i));
        // A separator, so "ab" + "c" and "a" + "bc" differ.
        mix(0xff);
        break;
      }
    }
  }
  return hash >>> 0;
}
