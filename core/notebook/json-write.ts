/**
 * JSON text exactly as nbformat writes notebooks, which is what JupyterLab saves through the
 * Jupyter server: Python's `json.dumps(nb, sort_keys=True, indent=1, separators=(",", ": "),
 * ensure_ascii=False)`. JSON.stringify cannot do this: it orders integer-like keys ("10", "9")
 * numerically before the others and formats small floats differently.
 */

/** A value JSON cannot hold; `pointer` is where it sits (RFC 6901). */
export class JsonWriteError extends Error {
  constructor(
    readonly pointer: string,
    readonly detail: string,
  ) {
    super(`${pointer || '/'} ${detail}`);
  }
}

export function stringifyLikeNbformat(value: unknown): string {
  const out: string[] = [];
  const path: string[] = [];
  const ancestors = new Set<object>();

  const fail = (detail: string): never => {
    throw new JsonWriteError(path.map((key) => '/' + escapePointer(key)).join(''), detail);
  };

  const write = (item: unknown, depth: number): void => {
    switch (typeof item) {
      case 'string':
        // Escapes the same characters as Python with ensure_ascii=False, lowercase \u00xx.
        out.push(JSON.stringify(item));
        return;
      case 'number':
        if (!Number.isFinite(item)) fail(`holds ${item}, which JSON cannot store`);
        out.push(formatNumber(item));
        return;
      case 'boolean':
        out.push(item ? 'true' : 'false');
        return;
      case 'object':
        if (item === null) return void out.push('null');
        if (ancestors.has(item)) fail('refers back to itself (a cycle)');
        ancestors.add(item);
        if (Array.isArray(item)) writeList(item, depth);
        else writeObject(item, depth);
        ancestors.delete(item);
        return;
      case 'bigint':
      case 'function':
      case 'symbol':
      case 'undefined':
        fail(`holds ${typeof item === 'undefined' ? 'undefined' : `a ${typeof item}`}, not JSON`);
    }
  };

  const writeList = (list: unknown[], depth: number): void => {
    if (list.length === 0) return void out.push('[]');
    const inner = '\n' + ' '.repeat(depth + 1);
    out.push('[');
    list.forEach((item, index) => {
      out.push(index === 0 ? inner : ',' + inner);
      path.push(String(index));
      write(item, depth + 1);
      path.pop();
    });
    out.push('\n' + ' '.repeat(depth) + ']');
  };

  const writeObject = (object: object, depth: number): void => {
    const proto: unknown = Object.getPrototypeOf(object);
    if (proto !== Object.prototype && proto !== null) {
      fail(`holds a ${Object.prototype.toString.call(object).slice(8, -1)}, not JSON`);
    }
    const record = object as Record<string, unknown>;
    // Like JSON.stringify, a property set to undefined is left out rather than refused.
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort(compareCodePoints);
    if (keys.length === 0) return void out.push('{}');
    const inner = '\n' + ' '.repeat(depth + 1);
    out.push('{');
    keys.forEach((key, index) => {
      out.push((index === 0 ? inner : ',' + inner) + JSON.stringify(key) + ': ');
      path.push(key);
      write(record[key], depth + 1);
      path.pop();
    });
    out.push('\n' + ' '.repeat(depth) + '}');
  };

  write(value, 0);
  return out.join('');
}

/**
 * A number as it reaches the file from JupyterLab: the browser sends JSON.stringify's text, the
 * server's Python reads it (an int when it has no "." or "e", else a float) and writes its repr.
 * The two differ only for floats below 1e-4, which Python writes with an exponent ("1e-05").
 */
export function formatNumber(value: number): string {
  const js = String(value);
  if (!/[.e]/.test(js) || Math.abs(value) >= 1e-4) return js;
  const [mantissa, exponent] = value.toExponential().split('e') as [string, string];
  const power = Number(exponent);
  return `${mantissa}e${power < 0 ? '-' : '+'}${String(Math.abs(power)).padStart(2, '0')}`;
}

/**
 * Python sorts keys by code point; JavaScript's default sort compares UTF-16 units, which
 * differs only between astral characters (surrogate pairs) and U+E000..U+FFFF.
 */
export function compareCodePoints(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointOrder(x) - codePointOrder(y);
  }
  return a.length - b.length;
}

/** Moves surrogates above U+E000..U+FFFF so that unit order becomes code point order. */
function codePointOrder(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdfff) return unit + 0x2000;
  if (unit >= 0xe000) return unit - 0x800;
  return unit;
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
