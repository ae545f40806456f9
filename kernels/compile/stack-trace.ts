/**
 * Maps V8 stack traces of compiled cells back to the cells' TypeScript, so an error says
 * `at f (In[3]:2:9)` with the cell's own line and column, and drops the kernel's own frames.
 */
import { TraceMap, originalPositionFor } from '@jridgewell/trace-mapping';
import type { CellLocation } from '../../core/protocol';
import type { CompiledCell } from './compile-cell';

type ScriptRecord = { fileName: string; map: TraceMap; headerLines: number; sourceLines: string[] };

export type MappedFrame = {
  functionName: string | null;
  fileName: string;
  /** The compiled script the frame is in: unique per execution, unlike `fileName`. */
  scriptUrl: string;
  location: CellLocation;
};

export type MappedStack = {
  /** Frames in cells, innermost first. */
  cellFrames: MappedFrame[];
  /** The trace as the user should read it: cell frames mapped, library frames kept short. */
  lines: string[];
};

const FRAME = /^\s*at (?:(.*?) \()?(.*?):(\d+):(\d+)\)?$/;
const MAX_LIBRARY_FRAMES = 3;

export class StackMapper {
  private readonly scripts = new Map<string, ScriptRecord>();

  register(compiled: CompiledCell, source: string): void {
    this.scripts.set(compiled.scriptUrl, {
      fileName: compiled.fileName,
      map: new TraceMap(compiled.sourceMap),
      headerLines: compiled.headerLines,
      sourceLines: source.split('\n'),
    });
  }

  /** The source line of a cell frame, for the excerpt under the error. */
  sourceLine(frame: MappedFrame): string | undefined {
    // By script, not by `In[N]`: a cell run twice under the same count must show its latest text.
    return this.scripts.get(frame.scriptUrl)?.sourceLines[frame.location.line - 1];
  }

  map(stack: string | undefined): MappedStack {
    const cellFrames: MappedFrame[] = [];
    const lines: string[] = [];
    let libraryFrames = 0;
    let sawCell = false;
    for (const line of (stack ?? '').split('\n')) {
      const match = FRAME.exec(line);
      if (!match) continue;
      const [, fn, file, lineText, columnText] = match;
      const record = this.scripts.get(file);
      if (record) {
        const frame = this.toCellFrame(
          file,
          record,
          fn ?? null,
          Number(lineText),
          Number(columnText),
        );
        if (!frame) continue;
        sawCell = true;
        cellFrames.push(frame);
        const where = `${frame.fileName}:${frame.location.line}:${frame.location.column}`;
        lines.push(
          frame.functionName ? `    at ${frame.functionName} (${where})` : `    at ${where}`,
        );
      } else if (!sawCell && libraryFrames < MAX_LIBRARY_FRAMES && !isKernelFrame(file)) {
        // Frames above the first cell frame are where the error was thrown (a library); the
        // ones below it are the kernel calling the cell and say nothing to the user.
        libraryFrames++;
        lines.push(line.replace(/^\s*/, '    '));
      }
    }
    return { cellFrames, lines };
  }

  private toCellFrame(
    scriptUrl: string,
    record: ScriptRecord,
    fn: string | null,
    line: number,
    column: number,
  ): MappedFrame | null {
    const generatedLine = line - record.headerLines;
    if (generatedLine < 1) return null;
    const original = originalPositionFor(record.map, { line: generatedLine, column: column - 1 });
    if (original.line === null) return null;
    return {
      functionName: cleanFunctionName(fn),
      fileName: record.fileName,
      scriptUrl,
      location: { line: original.line, column: original.column + 1 },
    };
  }
}

function cleanFunctionName(fn: string | null): string | null {
  const name = fn?.replace(/^async /, '').replace(/^Object\./, '') ?? null;
  // The cell body itself runs as an anonymous arrow in an eval'd wrapper: V8 calls it `eval`.
  return name === null || name === 'eval' || name === '<anonymous>' ? null : name;
}

/** The kernel's own code: its sources, the CLI bundle, or the app's worker bundle. */
function isKernelFrame(file: string): boolean {
  return (
    /\/kernels\/|node:internal|quarry[^/]*\.js$|\/kernel-worker-[^/]*\.js$/.test(file) &&
    !/node_modules/.test(file)
  );
}
