/**
 * Monaco, bundled locally with its workers (DESIGN.md: nothing from a CDN), set up for notebook
 * cells: TypeScript cells share one program (so a cell sees the declarations of the others, as
 * the kernel's shared scope does) with the kernel globals' typings and danfo.js / TF.js / Arrow
 * declarations loaded from the app, and the names `%%sql NAME` cells bind; `%%sql` cells are
 * highlighted as SQL.
 */
import * as monaco from 'monaco-editor';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import TypeScriptWorker from 'monaco-editor/language/typescript/ts.worker?worker';
import typingsUrl from '../generated/typings.json?url';
import { sqlBindingDeclarations } from './sql-binding-declarations';

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
    declareSqlBindings();
  })();
  return started;
}

/**
 * `%%sql NAME` cells bind NAME in the kernel's scope, so the TypeScript cells get an extra lib
 * declaring every such name, recomputed from the SQL cells' models when one is created, edited
 * or disposed (a cell deleted, or turned back into TypeScript, disposes its SQL model). Only
 * first lines are read; Monaco ignores a lib whose text did not change.
 */
function declareSqlBindings(): void {
  const update = (leaving?: monaco.editor.ITextModel) => {
    const text = sqlBindingDeclarations(
      monaco.editor
        .getModels()
        .filter((model) => model !== leaving && isSqlCellModel(model))
        .map((model) => model.getLineContent(1)),
    );
    // Monaco opens an extra lib as a model to link to it ("'x' is declared here", go to
    // definition), and from then on its TypeScript worker reads that model instead of the lib:
    // keep the model current too, or the cells would be checked against the first names forever.
    const opened = monaco.editor.getModel(SQL_BINDINGS_LIB);
    if (opened && opened.getValue() !== text) opened.setValue(text);
    monaco.typescript.typescriptDefaults.addExtraLib(text, SQL_BINDINGS_LIB.toString());
  };
  const watch = (model: monaco.editor.ITextModel) => {
    if (!isSqlCellModel(model)) return;
    model.onDidChangeContent(() => update());
    update();
  };
  monaco.editor.getModels().forEach(watch);
  monaco.editor.onDidCreateModel(watch);
  monaco.editor.onWillDisposeModel((model) => {
    if (isSqlCellModel(model)) update(model);
  });
}

const SQL_BINDINGS_LIB = monaco.Uri.parse('file:///quarry-sql-bindings.d.ts');

const EXTENSIONS = { typescript: 'ts', sql: 'sql', markdown: 'md', plaintext: 'txt' } as const;

export function cellModelUri(cellId: string, language: keyof typeof EXTENSIONS): monaco.Uri {
  return monaco.Uri.parse(`file:///cells/${cellId}.${EXTENSIONS[language]}`);
}

function isSqlCellModel(model: monaco.editor.ITextModel): boolean {
  const { scheme, path } = model.uri;
  return scheme === 'file' && path.startsWith('/cells/') && path.endsWith(`.${EXTENSIONS.sql}`);
}
