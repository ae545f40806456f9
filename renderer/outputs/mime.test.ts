import { describe, expect, it } from 'vitest';
import { pickMime, textOf } from './mime';
import { figureHeight, figureTitle, parseFigure } from './plotly-figure';

const table = { schema: { fields: [{ name: 'a', type: 'integer' }] }, data: [{ a: 1 }] };

describe('pickMime', () => {
  it('prefers the richest type in the documented order', () => {
    const bundle = {
      'text/plain': 'x',
      'text/html': '<b>x</b>',
      'application/vnd.dataresource+json': table,
      'application/vnd.plotly.v1+json': { data: [{ x: [1] }], layout: {} },
    };
    expect(pickMime(bundle)).toBe('application/vnd.plotly.v1+json');
    delete (bundle as Record<string, unknown>)['application/vnd.plotly.v1+json'];
    expect(pickMime(bundle)).toBe('application/vnd.dataresource+json');
  });

  it('orders images, html, markdown and text', () => {
    expect(pickMime({ 'text/plain': 'a', 'image/jpeg': 'AAAA', 'image/png': 'AAAA' })).toBe(
      'image/png',
    );
    expect(pickMime({ 'text/html': 'a', 'image/svg+xml': '<svg/>' })).toBe('image/svg+xml');
    expect(pickMime({ 'text/markdown': '# a', 'text/html': 'a' })).toBe('text/html');
    expect(pickMime({ 'text/plain': 'a', 'text/markdown': '# a' })).toBe('text/markdown');
    expect(pickMime({ 'text/plain': 'a' })).toBe('text/plain');
  });

  it('skips malformed rich data and falls back to the next usable type', () => {
    expect(pickMime({ 'application/vnd.dataresource+json': { data: 3 }, 'text/plain': 't' })).toBe(
      'text/plain',
    );
    expect(pickMime({ 'application/vnd.plotly.v1+json': 'nope', 'text/html': '<p>' })).toBe(
      'text/html',
    );
    expect(pickMime({ 'image/png': 42, 'text/plain': 't' })).toBe('text/plain');
  });

  it('returns null when nothing is renderable', () => {
    expect(pickMime({})).toBeNull();
    expect(pickMime({ 'application/json': { a: 1 } })).toBeNull();
  });

  it('ignores inherited keys', () => {
    const bundle = Object.create({ 'text/html': '<p>' }) as Record<string, unknown>;
    bundle['text/plain'] = 'own';
    expect(pickMime(bundle)).toBe('text/plain');
  });
});

describe('textOf', () => {
  it('joins nbformat line arrays', () => {
    expect(textOf(['a\n', 'b'])).toBe('a\nb');
    expect(textOf('s')).toBe('s');
    expect(textOf(['a', 1])).toBeNull();
    expect(textOf(null)).toBeNull();
  });
});

describe('plotly figures', () => {
  it('parses data and layout, defaulting the layout', () => {
    expect(parseFigure({ data: [{ type: 'bar' }] })).toEqual({
      data: [{ type: 'bar' }],
      layout: {},
    });
    expect(parseFigure({ data: [1] })).toBeNull();
    expect(parseFigure({ data: [], layout: [] })).toBeNull();
  });

  it('knows the height and title', () => {
    expect(figureHeight({ data: [], layout: { height: 500 } })).toBe(500);
    expect(figureHeight({ data: [], layout: { height: 'big' } })).toBe(360);
    expect(figureTitle({ data: [], layout: { title: { text: 'T' } } })).toBe('T');
    expect(figureTitle({ data: [], layout: { title: 'S' } })).toBe('S');
    expect(figureTitle({ data: [], layout: {} })).toBeNull();
  });
});
