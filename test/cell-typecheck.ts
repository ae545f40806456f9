/**
 * Type-checks a cell as the editor checks it: against the kernel globals' typings
 * (kernels/typings/quarry-globals.d.ts) and any further declaration scripts the editor adds
 * (the `%%sql NAME` bindings), strict, as a module so that top-level `await` is allowed.
 */
import path from 'node:path';
import ts from 'typescript';

const ROOT = path.resolve(import.meta.dirname, '..');
const GLOBALS = path.join(ROOT, 'kernels/typings/quarry-globals.d.ts');
/** Parsed once per test file: TypeScript's libs and danfo.js / TF.js / Arrow take seconds to parse. */
const libraryFiles = new Map<string, ts.SourceFile>();

/** The messages of the errors TypeScript finds in `code`; `libs` are extra global scripts. */
export function cellDiagnostics(code: string, libs: string[] = []): string[] {
  const cellFile = path.join(ROOT, '__cell.ts');
  const sources = new Map([
    [cellFile, `${code}\nexport {};\n`],
    ...libs.map((text, i): [string, string] => [path.join(ROOT, `__lib${i}.d.ts`), text]),
  ]);
  const options: ts.CompilerOptions = {
    strict: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    noEmit: true,
    skipLibCheck: true,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  const fileExists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => sources.get(file) ?? readFile(file);
  host.fileExists = (file) => sources.has(file) || fileExists(file);
  host.getSourceFile = (file, ...rest) => {
    if (sources.has(file)) return getSourceFile(file, ...rest);
    const parsed = libraryFiles.get(file) ?? getSourceFile(file, ...rest);
    if (parsed) libraryFiles.set(file, parsed);
    return parsed;
  };
  const program = ts.createProgram([GLOBALS, ...sources.keys()], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || sources.has(d.file.fileName))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}
