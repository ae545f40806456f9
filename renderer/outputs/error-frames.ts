/**
 * Cell frames in a traceback: the kernel writes them as `In[N]:line:column` (N the execution
 * count), so the output can offer each frame of the failing cell as a link to its line.
 */

export type FrameRef = { text: string; executionCount: number; line: number; column: number };

const FRAME = /In\[(\d+)\]:(\d+):(\d+)/g;

/** `text` cut into plain pieces and frame references, in order. */
export function splitFrames(text: string): (string | FrameRef)[] {
  const parts: (string | FrameRef)[] = [];
  let last = 0;
  for (const match of text.matchAll(FRAME)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    parts.push({
      text: match[0],
      executionCount: Number(match[1]),
      line: Number(match[2]),
      column: Number(match[3]),
    });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}

/**
 * The execution count of the cell that failed. The error output does not carry it, but the cell
 * that ran is always the most recently executed one, so its count is the largest in the trace;
 * frames with smaller counts are in other cells and must not move this cell's cursor.
 */
export function failingExecutionCount(traceback: readonly string[]): number | null {
  let max: number | null = null;
  for (const line of traceback) {
    for (const part of splitFrames(line)) {
      if (typeof part !== 'string' && (max === null || part.executionCount > max))
        max = part.executionCount;
    }
  }
  return max;
}
