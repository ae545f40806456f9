/**
 * A compact, Node-`util.inspect`-like rendering of any value for `text/plain` and `console.log`.
 * The kernel may not import Node, and browsers have no equivalent, hence this small version:
 * bounded in depth, items and length so that printing a huge object cannot exhaust memory.
 */
const MAX_DEPTH = 2;
const MAX_ITEMS = 100;
const MAX_STRING = 10_000;

export function inspect(value: unknown, depth = 0, seen: Set<object> = new Set()): string {
  switch (typeof value) {
    case 'string':
      return depth === 0 ? quote(value) : quote(truncate(value, 200));
    case 'number':
      return Object.is(value, -0) ? '-0' : String(value);
    case 'bigint':
      return `${value}n`;
    case 'boolean':
    case 'undefined':
      return String(value);
    case 'symbol':
      return value.toString();
    case 'function':
      return isClass(value)
        ? `[class ${value.name || '(anonymous)'}]`
        : `[Function: ${value.name || '(anonymous)'}]`;
    case 'object':
      return value === null ? 'null' : inspectObject(value, depth, seen);
  }
}

/** `console.log` semantics: strings as they are, other values inspected. */
export function formatLogArguments(args: unknown[]): string {
  if (typeof args[0] === 'string' && /%[sdifoOjc%]/.test(args[0]))
    return formatWithSpecifiers(args[0], args.slice(1));
  return args.map((a) => (typeof a === 'string' ? a : inspect(a))).join(' ');
}

function formatWithSpecifiers(format: string, rest: unknown[]): string {
  let index = 0;
  const text = format.replace(/%([sdifoOjc%])/g, (match, spec: string) => {
    if (spec === '%') return '%';
    if (index >= rest.length) return match;
    const arg = rest[index++];
    switch (spec) {
      case 's':
        return typeof arg === 'string' ? arg : inspect(arg, 1);
      case 'd':
      case 'i':
        return typeof arg === 'bigint'
          ? `${arg}n`
          : String(spec === 'i' ? Math.trunc(Number(arg)) : Number(arg));
      case 'f':
        return String(Number(arg));
      case 'j':
        return JSON.stringify(arg) ?? 'undefined';
      case 'c':
        return '';
      default:
        return inspect(arg);
    }
  });
  return [text, ...rest.slice(index).map((a) => (typeof a === 'string' ? a : inspect(a)))].join(
    ' ',
  );
}

function inspectObject(value: object, depth: number, seen: Set<object>): string {
  if (seen.has(value)) return '[Circular]';
  if (value instanceof Date)
    return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof RegExp) return value.toString();
  if (value instanceof Error) return value.stack ?? `${value.name}: ${value.message}`;
  if (value instanceof Promise) return 'Promise { … }';
  if (depth > MAX_DEPTH)
    return Array.isArray(value) ? '[Array]' : `[${constructorName(value) ?? 'Object'}]`;
  seen.add(value);
  try {
    if (Array.isArray(value))
      return list(
        '[',
        ']',
        value.length,
        value.slice(0, MAX_ITEMS).map((v) => inspect(v, depth + 1, seen)),
        '',
      );
    if (ArrayBuffer.isView(value) && !(value instanceof DataView)) {
      const items = Array.from(value as unknown as ArrayLike<number | bigint>).slice(0, MAX_ITEMS);
      return list(
        '[',
        ']',
        (value as unknown as ArrayLike<unknown>).length,
        items.map((v) => inspect(v, depth + 1, seen)),
        `${constructorName(value)}(${(value as unknown as ArrayLike<unknown>).length}) `,
      );
    }
    if (value instanceof Map) {
      const items = [...value]
        .slice(0, MAX_ITEMS)
        .map(([k, v]) => `${inspect(k, depth + 1, seen)} => ${inspect(v, depth + 1, seen)}`);
      return list('{', '}', value.size, items, `Map(${value.size}) `);
    }
    if (value instanceof Set) {
      return list(
        '{',
        '}',
        value.size,
        [...value].slice(0, MAX_ITEMS).map((v) => inspect(v, depth + 1, seen)),
        `Set(${value.size}) `,
      );
    }
    const keys = Object.keys(value);
    const items = keys
      .slice(0, MAX_ITEMS)
      .map(
        (k) =>
          `${propertyKey(k)}: ${inspect((value as Record<string, unknown>)[k], depth + 1, seen)}`,
      );
    const name = constructorName(value);
    return list('{', '}', keys.length, items, name && name !== 'Object' ? `${name} ` : '');
  } finally {
    seen.delete(value);
  }
}

function list(open: string, close: string, total: number, items: string[], prefix: string): string {
  if (total > items.length) items.push(`… ${total - items.length} more`);
  if (items.length === 0) return `${prefix}${open}${close}`;
  const oneLine = `${prefix}${open} ${items.join(', ')} ${close}`;
  if (oneLine.length <= 72 && !oneLine.includes('\n')) return oneLine;
  return `${prefix}${open}\n${items.map((i) => `  ${i.replaceAll('\n', '\n  ')}`).join(',\n')}\n${close}`;
}

export function constructorName(value: object): string | undefined {
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return '[Object: null prototype]';
  const ctor = (proto as { constructor?: { name?: unknown } }).constructor;
  return typeof ctor?.name === 'string' ? ctor.name : undefined;
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : quote(key);
}

function quote(text: string): string {
  return `'${truncate(text, MAX_STRING).replaceAll('\\', '\\\\').replaceAll("'", "\\'").replaceAll('\n', '\\n')}'`;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length - max} more characters)` : text;
}

export function isClass(fn: object): boolean {
  return Function.prototype.toString.call(fn).startsWith('class');
}
