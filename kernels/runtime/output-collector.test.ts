import { describe, expect, it } from 'vitest';
import type { Output, StreamOutput } from '../../core/outputs';
import { OUTPUT_LIMITS, OutputCollector } from './output-collector';

function collector(): { outputs: Output[]; emitted: Output[]; c: OutputCollector } {
  const emitted: Output[] = [];
  const c = new OutputCollector((o) => emitted.push(structuredClone(o)));
  return { outputs: c.outputs, emitted, c };
}

const text = (o: Output | undefined) => (o as StreamOutput).text;

describe('OutputCollector', () => {
  it('merges consecutive pieces of one stream but emits each piece', () => {
    const { c, outputs, emitted } = collector();
    c.stream('stdout', 'a\n');
    c.stream('stdout', 'b\n');
    c.stream('stderr', 'e\n');
    c.stream('stdout', 'c\n');
    c.finish();
    expect(outputs).toEqual([
      { output_type: 'stream', name: 'stdout', text: 'a\nb\n' },
      { output_type: 'stream', name: 'stderr', text: 'e\n' },
      { output_type: 'stream', name: 'stdout', text: 'c\n' },
    ]);
    expect(emitted.map(text)).toEqual(['a\n', 'b\n', 'e\n', 'c\n']);
  });

  it('does not merge streams across a rich output', () => {
    const { c, outputs } = collector();
    c.stream('stdout', 'a\n');
    c.display({ 'text/plain': 'x' });
    c.stream('stdout', 'b\n');
    expect(outputs.map((o) => o.output_type)).toEqual(['stream', 'display_data', 'stream']);
  });

  it('keeps the head and tail of a long stream with a note between them', () => {
    const { c, outputs } = collector();
    const total = OUTPUT_LIMITS.headLines + 10_000;
    for (let i = 0; i < total; i++) c.stream('stdout', `line ${i}\n`);
    c.finish();
    expect(outputs).toHaveLength(1);
    const lines = text(outputs[0]).split('\n');
    expect(lines[0]).toBe('line 0');
    expect(lines[OUTPUT_LIMITS.headLines - 1]).toBe(`line ${OUTPUT_LIMITS.headLines - 1}`);
    const hidden = 10_000 - OUTPUT_LIMITS.tailLines;
    expect(text(outputs[0])).toContain(
      `… output truncated: ${hidden.toLocaleString('en-US')} lines`,
    );
    expect(text(outputs[0])).toContain(`the last ${OUTPUT_LIMITS.tailLines} follow`);
    expect(lines.at(-2)).toBe(`line ${total - 1}`);
    expect(lines.at(-1)).toBe('');
  });

  it('bounds a stream of a few enormous lines, head and tail', () => {
    const { c, outputs } = collector();
    c.stream('stdout', `${'x'.repeat(5_000_000)}\n`);
    for (let i = 0; i < 50; i++) c.stream('stdout', `${String(i).padEnd(100_000, 'y')}\n`);
    c.finish();
    const kept = text(outputs[0]);
    expect(kept.length).toBeLessThan(OUTPUT_LIMITS.headChars + OUTPUT_LIMITS.tailChars + 1_000);
    expect(kept.startsWith('x'.repeat(1000))).toBe(true);
    expect(kept.endsWith('y\n')).toBe(true);
    expect(kept).toContain('output truncated');
  });

  it('limits each stream on its own', () => {
    const { c, outputs } = collector();
    for (let i = 0; i < OUTPUT_LIMITS.headLines + 5; i++) c.stream('stderr', `e${i}\n`);
    c.stream('stdout', 'still shown\n');
    c.finish();
    const stdout = outputs.filter((o) => o.output_type === 'stream' && o.name === 'stdout');
    expect(stdout.map(text).join('')).toBe('still shown\n');
    const stderr = outputs
      .filter((o) => o.output_type === 'stream' && o.name === 'stderr')
      .map(text)
      .join('');
    expect(stderr).toContain('output truncated: 0 lines');
    expect(stderr.trimEnd().endsWith(`e${OUTPUT_LIMITS.headLines + 4}`)).toBe(true);
  });

  it('caps rich outputs per execution and says how many were left out', () => {
    const { c, outputs } = collector();
    for (let i = 0; i < OUTPUT_LIMITS.richOutputs + 7; i++) c.display({ 'text/plain': `${i}` });
    c.finish();
    expect(outputs.filter((o) => o.output_type === 'display_data')).toHaveLength(
      OUTPUT_LIMITS.richOutputs,
    );
    expect(text(outputs.at(-1))).toBe(
      `… 7 more displayed outputs not shown (limit ${OUTPUT_LIMITS.richOutputs})\n`,
    );
  });

  it('forwards output that arrives after finish, and past the limits one note', () => {
    const { c, emitted } = collector();
    for (let i = 0; i < OUTPUT_LIMITS.headLines - 1; i++) c.stream('stdout', `${i}\n`);
    c.finish();
    const before = emitted.length;
    c.stream('stdout', 'late\n');
    c.stream('stdout', 'later\n');
    c.stream('stderr', 'still room on stderr\n');
    for (let i = 0; i < OUTPUT_LIMITS.richOutputs + 2; i++) c.display({ 'text/plain': `${i}` });
    expect(emitted.slice(before, before + 3).map(text)).toEqual([
      'late\n',
      '… later output of this execution not shown (over its limits)\n',
      'still room on stderr\n',
    ]);
    expect(emitted.slice(before + 3)).toHaveLength(OUTPUT_LIMITS.richOutputs);
  });

  it('records results and errors as nbformat outputs', () => {
    const { c, outputs } = collector();
    c.result({ 'text/plain': '1' }, 3);
    c.error('TypeError', 'bad', ['TypeError: bad']);
    expect(outputs).toEqual([
      {
        output_type: 'execute_result',
        data: { 'text/plain': '1' },
        metadata: {},
        execution_count: 3,
      },
      { output_type: 'error', ename: 'TypeError', evalue: 'bad', traceback: ['TypeError: bad'] },
    ]);
  });
});
