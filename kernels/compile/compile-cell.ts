/**
 * Compiles a TypeScript cell into a function that runs against the kernel's scope. Types are
 * stripped, not checked (running needs no type-check; the editor checks). The generated code
 * keeps a source map so errors can be reported in the cell's own lines and columns.
 */
import ts from 'typescript';
import {
  createScopeTransformer,
  WRAPPER_NAMES,
  type ScopeTransformResult,
} from './scope-transform';
import { CellSyntaxError } from './cell-syntax-error';

export { CellSyntaxError };
/** What a TypeScript cell defines and reads: loaded with the compiler, since it needs it. */
export { typeScriptDependencies } from './cell-dependencies';

export type CompiledCell = {
  /** The file name the cell's frames carry in stack traces, e.g. `In[3]`. */
  fileName: string;
  /** JavaScript evaluated by `instantiate`, with a `//# sourceURL` naming `scriptUrl`. */
  script: string;
  scriptUrl: string;
  /** Raw source map (v3) from the script's generated positions to the cell's TypeScript. */
  sourceMap: string;
  /** Lines the wrapper adds before the transpiled body. */
  headerLines: number;
  declared: Set<string>;
  returnsValue: boolean;
};

const COMPILER_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleDetection: ts.ModuleDetectionKind.Legacy,
  sourceMap: true,
  inlineSources: false,
  removeComments: false,
  useDefineForClassFields: true,
  experimentalDecorators: false,
  jsx: ts.JsxEmit.React,
  isolatedModules: true,
};

let scriptCounter = 0;

/**
 * @param source the cell's TypeScript.
 * @param fileName the name its frames get in stack traces (`In[3]`, like Jupyter's prompt).
 */
export function compileCell(source: string, fileName: string): CompiledCell {
  const result: ScopeTransformResult = { declared: new Set(), returnsValue: false };
  const output = ts.transpileModule(source, {
    compilerOptions: COMPILER_OPTIONS,
    fileName: `${fileName}.ts`,
    reportDiagnostics: true,
    transformers: { before: [createScopeTransformer(result)] },
  });
  const syntaxError = output.diagnostics?.find((d) => d.category === ts.DiagnosticCategory.Error);
  if (syntaxError) throw toSyntaxError(syntaxError, source, fileName);

  const body = output.outputText
    .replace(/\n\/\/# sourceMappingURL=.*\s*$/, '\n')
    .replace(/^export \{\};\s*$/m, '');
  const scriptUrl = `quarry-cell-${++scriptCounter}.js`;
  // Indirect eval of a parenthesised function keeps line numbers exact (unlike `new Function`,
  // whose header differs between engines). Sloppy mode is needed for `with`.
  const header = `(function (${WRAPPER_NAMES.scope}, ${WRAPPER_NAMES.importModule}, ${WRAPPER_NAMES.interop}, console, display, job) {\nwith (${WRAPPER_NAMES.scope}) { return (async () => {\n`;
  const script = `${header}${body}\n})(); }\n})\n//# sourceURL=${scriptUrl}`;
  return {
    fileName,
    script,
    scriptUrl,
    sourceMap: output.sourceMapText ?? '',
    headerLines: 2,
    declared: result.declared,
    returnsValue: result.returnsValue,
  };
}

function toSyntaxError(
  diagnostic: ts.Diagnostic,
  source: string,
  fileName: string,
): CellSyntaxError {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const file =
    diagnostic.file ?? ts.createSourceFile(`${fileName}.ts`, source, ts.ScriptTarget.ES2022);
  const { line, character } = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  return new CellSyntaxError(message, fileName, { line: line + 1, column: character + 1 });
}
