/**
 * Collects one execution's outputs as they happen: merges consecutive stream text the way
 * Jupyter front ends do, forwards every piece at once (so logs stream), and bounds what is kept
 * so a cell printing a million lines keeps its head and tail plus a note instead of all of it.
 *
 * Outputs keep coming after `finish()` when a callback the cell left behind writes to it
 * (execution-context.ts); they are forwarded the same way, within the same limits. There is no
 * later end to show a tail at, so past the limits such output is left out with one note.
 */
import type { JsonObject } from '../../core/json';
import type { DisplayDataOutput, MimeBundle, Output, StreamOutput } from '../../core/outputs';

export const OUTPUT_LIMITS = {
  /** Stream text kept from the start of each stream. */
  headChars: 1_000_000,
  headLines: 5_000,
  /** Lines kept from the end once the head is full, and at most this much text. */
  tailLines: 200,
  tailChars: 100_000,
  /** Rich outputs (display calls) per execution. */
  richOutputs: 500,
} as const;

type StreamName = StreamOutput['name'];

class StreamBudget {
  chars = 0;
  lines = 0;
  droppedLines = 0;
  droppedChars = 0;
  tail: string[] = [];
  tailChars = 0;

  get full(): boolean {
    return this.chars >= OUTPUT_LIMITS.headChars || this.lines >= OUTPUT_LIMITS.headLines;
  }
}

export class OutputCollector {
  readonly outputs: Output[] = [];
  private readonly budgets: Record<StreamName, StreamBudget> = {
    stdout: new StreamBudget(),
    stderr: new StreamBudget(),
  };
  private droppedRich = 0;
  private finished = false;
  private lateDropNoted = false;

  constructor(private readonly emit: (output: Output) => void) {}

  stream(name: StreamName, text: string): void {
    const budget = this.budgets[name];
    if (budget.full) {
      this.dropToTail(budget, text);
      return;
    }
    const room = Math.min(
      OUTPUT_LIMITS.headChars - budget.chars,
      lineBoundary(text, OUTPUT_LIMITS.headLines - budget.lines),
    );
    const kept = text.slice(0, room);
    budget.chars += kept.length;
    budget.lines += countLines(kept);
    this.append(name, kept);
    if (kept.length < text.length) this.dropToTail(budget, text.slice(kept.length));
  }

  /** Shows a display; `displayId` lets `replaceDisplay` change it later. False when dropped. */
  display(data: MimeBundle, metadata: JsonObject = {}, displayId?: string): boolean {
    if (
      this.outputs.filter((o) => o.output_type !== 'stream').length >= OUTPUT_LIMITS.richOutputs
    ) {
      if (this.finished) this.noteLateDrop();
      else this.droppedRich++;
      return false;
    }
    const output: DisplayDataOutput = { output_type: 'display_data', data, metadata };
    if (displayId !== undefined) output.transient = { display_id: displayId };
    this.push(output);
    return true;
  }

  /**
   * Puts `output` in place of the display with its `transient.display_id`; false when this
   * execution has none. Not forwarded as an output: the kernel reports it as an update.
   */
  replaceDisplay(output: DisplayDataOutput): boolean {
    const id = output.transient?.display_id;
    const at = this.outputs.findIndex(
      (o) => o.output_type === 'display_data' && o.transient?.display_id === id,
    );
    if (id === undefined || at === -1) return false;
    this.outputs[at] = output;
    return true;
  }

  result(data: MimeBundle, executionCount: number): void {
    this.push({
      output_type: 'execute_result',
      data,
      metadata: {},
      execution_count: executionCount,
    });
  }

  error(ename: string, evalue: string, traceback: string[]): void {
    this.push({ output_type: 'error', ename, evalue, traceback });
  }

  /** Adds the notes about what was left out; call once, when the execution ends. */
  finish(): void {
    this.finished = true;
    for (const name of ['stdout', 'stderr'] as const) {
      const budget = this.budgets[name];
      if (budget.droppedLines === 0 && budget.droppedChars === 0) continue;
      const hidden = budget.droppedLines - budget.tail.length;
      const note = `\n… output truncated: ${hidden.toLocaleString('en-US')} lines (${formatSize(budget.droppedChars - budget.tailChars)}) not shown; the last ${budget.tail.length} follow …\n`;
      this.append(name, note + budget.tail.join(''));
    }
    if (this.droppedRich > 0)
      this.append(
        'stderr',
        `… ${this.droppedRich} more displayed outputs not shown (limit ${OUTPUT_LIMITS.richOutputs})\n`,
      );
  }

  private dropToTail(budget: StreamBudget, text: string): void {
    if (this.finished) return this.noteLateDrop();
    budget.droppedChars += text.length;
    const lines = text.split(/(?<=\n)/);
    budget.droppedLines += countLines(text) || (text.length > 0 ? 1 : 0);
    for (const line of lines.slice(-OUTPUT_LIMITS.tailLines)) {
      budget.tail.push(line);
      budget.tailChars += line.length;
    }
    // Bounded in lines and in size: a few huge lines must not bring back what the head left out.
    while (
      budget.tail.length > OUTPUT_LIMITS.tailLines ||
      (budget.tail.length > 1 && budget.tailChars > OUTPUT_LIMITS.tailChars)
    ) {
      budget.tailChars -= (budget.tail.shift() as string).length;
    }
    if (budget.tailChars > OUTPUT_LIMITS.tailChars) {
      budget.tail[0] = `…${budget.tail[0].slice(-OUTPUT_LIMITS.tailChars)}`;
      budget.tailChars = budget.tail[0].length;
    }
  }

  private noteLateDrop(): void {
    if (this.lateDropNoted) return;
    this.lateDropNoted = true;
    this.append('stderr', '… later output of this execution not shown (over its limits)\n');
  }

  private append(name: StreamName, text: string): void {
    if (text.length === 0) return;
    const last = this.outputs[this.outputs.length - 1];
    if (last?.output_type === 'stream' && last.name === name) last.text += text;
    else this.outputs.push({ output_type: 'stream', name, text });
    this.emit({ output_type: 'stream', name, text });
  }

  private push(output: Output): void {
    this.outputs.push(output);
    this.emit(output);
  }
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** The length of the prefix of `text` holding at most `lines` complete lines. */
function lineBoundary(text: string, lines: number): number {
  let at = -1;
  for (let i = 0; i < lines; i++) {
    at = text.indexOf('\n', at + 1);
    if (at === -1) return text.length;
  }
  return at + 1;
}

function formatSize(chars: number): string {
  return chars >= 1_048_576
    ? `${(chars / 1_048_576).toFixed(1)} MB`
    : `${Math.ceil(chars / 1024)} KB`;
}
