import { describe, expect, it } from 'vitest';
import { splitMath } from './split-math';

const text = (t: string) => ({ kind: 'text', text: t });
const inline = (tex: string) => ({ kind: 'math', tex, display: false });
const display = (tex: string) => ({ kind: 'math', tex, display: true });

describe('splitMath', () => {
  it('cuts out inline and display math', () => {
    expect(splitMath('Area $\\pi r^2$ and\n\n$$\n\\sum_{i=1}^n a_i\n$$\nend')).toEqual([
      text('Area '),
      inline('\\pi r^2'),
      text(' and\n\n'),
      display('\\sum_{i=1}^n a_i'),
      text('\nend'),
    ]);
  });

  it('keeps markdown emphasis characters inside math', () => {
    expect(splitMath('$a_1 * b_2$')).toEqual([inline('a_1 * b_2')]);
  });

  it('leaves prices, escaped dollars and unclosed dollars as text', () => {
    expect(splitMath('costs $5 and $10 today')).toEqual([text('costs $5 and $10 today')]);
    expect(splitMath('a \\$x\\$ b')).toEqual([text('a \\$x\\$ b')]);
    expect(splitMath('one $ alone')).toEqual([text('one $ alone')]);
    expect(splitMath('$x $')).toEqual([text('$x $')]);
    expect(splitMath('$$ unclosed')).toEqual([text('$$ unclosed')]);
  });

  it('does not span a blank line with inline math', () => {
    expect(splitMath('$a\n\nb$')).toEqual([text('$a\n\nb$')]);
    expect(splitMath('$a\nb$')).toEqual([inline('a\nb')]);
  });

  it('ignores dollars in code spans and fenced blocks', () => {
    expect(splitMath('run `echo $HOME $PATH` and $x$')).toEqual([
      text('run `echo $HOME $PATH` and '),
      inline('x'),
    ]);
    const fenced = '```sh\necho $a$\n```\n$y$';
    expect(splitMath(fenced)).toEqual([text('```sh\necho $a$\n```\n'), inline('y')]);
    expect(splitMath('~~~\n$a$')).toEqual([text('~~~\n$a$')]);
    expect(splitMath('`` a ` $b$ ``')).toEqual([text('`` a ` $b$ ``')]);
    expect(splitMath('`unclosed $c$')).toEqual([text('`unclosed '), inline('c')]);
  });

  it('allows an escaped dollar inside math', () => {
    expect(splitMath('$\\$5$')).toEqual([inline('\\$5')]);
  });
});
