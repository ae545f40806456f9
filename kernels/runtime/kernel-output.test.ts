import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Output, StreamOutput } from '../../core/outputs';
import { plainText, startTestKernel, streams, type TestKernel } from '../../test/kernel-harness';

let k: TestKernel;
beforeAll(async () => {
  k = await startTestKernel();
});
afterAll(() => k.dispose());

describe('console', () => {
  it('log/info/debug go to stdout, warn/error to stderr, merged per consecutive stream', async () => {
    const reply = await k.run(
      [
        "console.log('one')",
        "console.info('two')",
        "console.debug('three')",
        "console.warn('careful')",
        "console.error('broken')",
        "console.log('four')",
      ].join('\n'),
    );
    expect(reply.status).toBe('done');
    expect(streams(reply)).toEqual([
      { output_type: 'stream', name: 'stdout', text: 'one\ntwo\nthree\n' },
      { output_type: 'stream', name: 'stderr', text: 'careful\nbroken\n' },
      { output_type: 'stream', name: 'stdout', text: 'four\n' },
    ]);
  });

  it('streams each piece through onOutput while the cell is still running', async () => {
    const seen: { output: Output; finished: boolean }[] = [];
    let finished = false;
    const running = k.run(
      "console.log('before')\nawait new Promise((r) => setTimeout(r, 50))\nconsole.log('after')\n'value'",
      (output) => seen.push({ output, finished }),
    );
    const reply = await running.then((r) => {
      finished = true;
      return r;
    });
    expect(seen.map((s) => s.output.output_type)).toEqual(['stream', 'stream', 'execute_result']);
    expect(seen[0]).toMatchObject({ output: { text: 'before\n' }, finished: false });
    expect(seen[1]).toMatchObject({ output: { text: 'after\n' }, finished: false });
    // The stored outputs merge the two pieces.
    expect(streams(reply)).toEqual([
      { output_type: 'stream', name: 'stdout', text: 'before\nafter\n' },
    ]);
  });

  it('a callback that logs after its cell ended still reports to that cell', async () => {
    const late: Output[] = [];
    await k.run("setTimeout(() => console.log('late'), 10);", (o) => late.push(o));
    await new Promise((resolve) => setTimeout(resolve, 40));
    expect(late).toEqual([{ output_type: 'stream', name: 'stdout', text: 'late\n' }]);
  });

  it('formats arguments like Node: specifiers, objects, several values', async () => {
    const reply = await k.run(
      [
        "console.log('%s is %d years, %i whole, %f float, %o and %O', 'Bob', 42, 4.7, '1.5', { a: [1] }, { b: 2 })",
        "console.log('100%% sure %j', { j: 1 })",
        "console.log('unused %s %s', 'one')",
        "console.log('extra', 'args', 3, { x: 'y' }, [1, 2], null, undefined)",
        "console.log('%s', { nested: { deep: 1 } }, 'rest')",
        'console.log(5n, Symbol("s"), () => 1)',
      ].join('\n'),
    );
    expect(streams(reply)[0].text.split('\n')).toEqual([
      'Bob is 42 years, 4 whole, 1.5 float, { a: [ 1 ] } and { b: 2 }',
      '100% sure {"j":1}',
      'unused one %s',
      "extra args 3 { x: 'y' } [ 1, 2 ] null undefined",
      '{ nested: { deep: 1 } } rest',
      '5n Symbol(s) [Function: (anonymous)]',
      '',
    ]);
  });

  it('table, dir, assert, trace, time and timeEnd', async () => {
    const reply = await k.run(
      [
        'console.table([{ a: 1 }])',
        'console.dir({ d: 1 })',
        'console.assert(1 === 1, "not shown")',
        'console.assert(false, "shown", 2)',
        'console.trace("here")',
        'console.time("t")',
        'console.timeEnd("t")',
        'console.timeEnd("missing")',
      ].join('\n'),
    );
    const out = streams(reply);
    const stdout = out
      .filter((s) => s.name === 'stdout')
      .map((s) => s.text)
      .join('');
    const stderr = out
      .filter((s) => s.name === 'stderr')
      .map((s) => s.text)
      .join('');
    expect(stdout).toMatch(/^\[ \{ a: 1 \} \]\n\{ d: 1 \}\nt: \d+\.\d{3} ms\n$/);
    expect(stderr).toBe("Assertion failed: shown 2\nTrace: here\nTimer 'missing' does not exist\n");
  });

  it('a million printed lines keep head, note and tail, in bounded memory', async () => {
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let pieces = 0;
    const reply = await k.run(
      'for (let i = 0; i < 1_000_000; i++) console.log("line " + i)',
      () => pieces++,
    );
    const heapAfter = process.memoryUsage().heapUsed;
    expect(reply.status).toBe('done');
    const size = JSON.stringify(reply.outputs).length;
    expect(size).toBeLessThan(2_000_000);
    const out = streams(reply);
    expect(out).toHaveLength(1);
    const lines = out[0].text.split('\n');
    expect(lines[0]).toBe('line 0');
    expect(out[0].text).toMatch(/… output truncated: [\d,]+ lines \([\d.]+ MB\) not shown/);
    expect(lines.at(-2)).toBe('line 999999');
    expect(lines.at(-3)).toBe('line 999998');
    // Only the kept head went through onOutput, plus the final note with the tail.
    expect(pieces).toBeLessThan(10_000);
    expect(heapAfter - heapBefore).toBeLessThan(200 * 1024 * 1024);
  });
});

/** Each display carries its handle's id (runtime only); these tests compare the rest. */
const withoutIds = (outputs: Output[]) =>
  outputs.map((o) => {
    if (o.output_type !== 'display_data') return o;
    expect(o.transient?.display_id).toMatch(/^display-/);
    const rest = { ...o };
    delete rest.transient;
    return rest;
  });

describe('display()', () => {
  it('shows strings unquoted, other values inspected, in order with logs', async () => {
    const reply = await k.run(
      [
        "display('plain text')",
        "console.log('between')",
        'display(42)',
        "display({ k: [1, 2], s: 'q' })",
        'display(null)',
        '1;',
      ].join('\n'),
    );
    expect(withoutIds(reply.outputs)).toEqual([
      { output_type: 'display_data', data: { 'text/plain': 'plain text' }, metadata: {} },
      { output_type: 'stream', name: 'stdout', text: 'between\n' },
      { output_type: 'display_data', data: { 'text/plain': '42' }, metadata: {} },
      {
        output_type: 'display_data',
        data: { 'text/plain': "{ k: [ 1, 2 ], s: 'q' }" },
        metadata: {},
      },
      { output_type: 'display_data', data: { 'text/plain': 'null' }, metadata: {} },
    ]);
  });

  it('shows query results, Arrow tables and danfo frames as tables', async () => {
    const reply = await k.run(
      [
        "display(await sql`select 1 as a, 'x' as b`)",
        'display(arrow.tableFromArrays({ z: Float64Array.from([1, 2, 3]) }))',
        'display(new dfd.DataFrame({ c: [1, 2] }))',
      ].join('\n'),
    );
    const shown = reply.outputs.filter((o) => o.output_type === 'display_data');
    expect(shown).toHaveLength(3);
    for (const output of shown) {
      if (output.output_type !== 'display_data') continue;
      expect(Object.keys(output.data).sort()).toEqual([
        'application/vnd.dataresource+json',
        'text/html',
        'text/plain',
      ]);
    }
    const [sqlTable, arrowTable, frame] = shown.map((o) =>
      o.output_type === 'display_data' ? plainText(o.data) : '',
    );
    expect(sqlTable).toBe('a  b\n1  x\n[1 row × 2 columns]');
    expect(arrowTable).toBe('z\n1\n2\n3\n[3 rows × 1 column]');
    expect(frame).toBe('c\n1\n2\n[2 rows × 1 column]');
  });

  it('an object with Symbol.for("quarry.display") shows its own bundle', async () => {
    const reply = await k.run(
      "display({ [Symbol.for('quarry.display')]: () => ({ 'text/markdown': '**hi**', 'text/plain': 'hi' }) })",
    );
    expect(withoutIds(reply.outputs)).toEqual([
      {
        output_type: 'display_data',
        data: { 'text/markdown': '**hi**', 'text/plain': 'hi' },
        metadata: {},
      },
    ]);
  });

  it('the final value uses the same display protocol as an execute_result', async () => {
    const reply = await k.run(
      "class Badge { [Symbol.for('quarry.display')]() { return { 'text/html': '<b>ok</b>' } } }\nnew Badge()",
    );
    expect(reply.outputs).toEqual([
      {
        output_type: 'execute_result',
        data: { 'text/html': '<b>ok</b>' },
        metadata: {},
        execution_count: k.executionCount,
      },
    ]);
  });

  it('display in a loop is capped per cell with a note', async () => {
    const reply = await k.run('for (let i = 0; i < 510; i++) display(i)');
    expect(reply.outputs.filter((o) => o.output_type === 'display_data')).toHaveLength(500);
    const last = reply.outputs.at(-1) as StreamOutput;
    expect(last).toMatchObject({ output_type: 'stream', name: 'stderr' });
    expect(last.text).toContain('10 more displayed outputs not shown');
  });
});
