/**
 * Monaco, bundled locally with its workers (DESIGN.md: nothing from a CDN), set up for notebook
 * cells: TypeScript cells share one program (so a cell sees the declarations of the others, as
 * the kernel's shared scope does) with the kernel globals' typings and danfo.js / TF.js / Arrow
 * declarations loaded from the app; `%%sql` cells are highlighted as SQL.
 */
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import typingsUrl from '../generated/typings.json?url';

export { monaco };

type Typings = { globals: string; files: Record<string, string> };

/**
 * Diagnostics that are wrong for notebook cells: each cell is its own script in one program, so
 * re-declaring `const x` in another cell (which the kernel allows) and top-level `await` (which
 * the kernel supports) must not be flagged.
 */
const IGNORED_DIAGNOSTICS = [2451, 2300, 2393, 1375, 1378, 1108, 2528];

let started: Promise<void> | undefined;

export function setUpMonaco(): Promise<void> {
  started ??= (async () => {
    self.MonacoEnvironment = {
      getWorker: (_id: string, label: string) =>
        label === 'typescript' || label === 'javascript'
          ? new TypeScriptWorker()
          : new EditorWorker(),
    };
    const ts = monaco.typescript;
    ts.typescriptDefaults.setCompilerOptions({
      target: ts.ScriptTarget.ESNext,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.NodeJs,
      lib: ['es2022', 'webworker'],
      strict: true,
      noImplicitAny: false,
      allowNonTsExtensions: true,
      skipLibCheck: true,
      esModuleInterop: true,
    });
    ts.typescriptDefaults.setDiagnosticsOptions({ diagnosticCodesToIgnore: IGNORED_DIAGNOSTICS });
    ts.typescriptDefaults.setEagerModelSync(true);
    const typings = (await (await fetch(typingsUrl)).json()) as Typings;
    ts.typescriptDefaults.setExtraLibs([
      { content: typings.globals, filePath: 'file:///quarry-globals.d.ts' },
      ...Object.entries(typings.files).map(([file, content]) => ({
        content,
        filePath: `file:///${file}`,
      })),
    ]);
  })();
  return started;
}

/** `%%sql NAME` cells bind NAME in the kernel: declare those names for the TypeScript cells. */
export function declareSqlBindings(names: string[]): void {
  const text = names.map((name) => `declare const ${name}: QuarrySqlResult;`).join('\n');
  sqlBindings?.dispose();
  sqlBindings = monaco.typescript.typescriptDefaults.addExtraLib(
    text,
    'file:///quarry-sql-bindings.d.ts',
  );
}

let sqlBindings: monaco.IDisposable | undefined;

const EXTENSIONS = { typescript: 'ts', sql: 'sql', markdown: 'md' } as const;

export function cellModelUri(cellId: string, language: keyof typeof EXTENSIONS): monaco.Uri {
  return monaco.Uri.parse(`file:///cells/${cellId}.${EXTENSIONS[language]}`);
}
