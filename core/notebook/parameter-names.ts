/**
 * Which names a parameter may have: the injected cell declares `const NAME = …`, so NAME must be
 * a TypeScript identifier that a `const` may bind.
 */

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;

/**
 * Reserved words (also in strict mode and in modules, where the kernel's code runs), and the
 * names strict mode or the global object keep: `const undefined = …` cannot mean anything useful.
 */
const NOT_BINDABLE = new Set([
  ...['break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete'],
  ...['do', 'else', 'enum', 'export', 'extends', 'false', 'finally', 'for', 'function', 'if'],
  ...['import', 'in', 'instanceof', 'new', 'null', 'return', 'super', 'switch', 'this', 'throw'],
  ...['true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'await', 'let', 'static'],
  ...['implements', 'interface', 'package', 'private', 'protected', 'public'],
  ...['arguments', 'eval', 'undefined', 'NaN', 'Infinity'],
]);

/** Why `name` cannot be a parameter's name, or null when it can. */
export function parameterNameProblem(name: string): string | null {
  if (name === '') return 'the name is empty';
  if (!IDENTIFIER.test(name)) {
    return `${JSON.stringify(name)} is not a TypeScript name (letters, digits, _ and $, not starting with a digit)`;
  }
  if (NOT_BINDABLE.has(name)) return `${JSON.stringify(name)} is a reserved word in TypeScript`;
  return null;
}
