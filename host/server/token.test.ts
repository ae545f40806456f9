import { describe, expect, it } from 'vitest';
import { createSecret, loggableTarget, secretMatches } from './token';

describe('browser-mode secrets', () => {
  it('makes 256-bit URL-safe secrets and compares them exactly', () => {
    const secret = createSecret();
    expect(secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(secretMatches(secret, secret)).toBe(true);
    expect(secretMatches(secret, `${secret}x`)).toBe(false);
    expect(secretMatches(secret, '')).toBe(false);
  });

  it('logs a request target without its query or session key', () => {
    const token = createSecret();
    const key = createSecret();
    for (const [target, logged] of [
      [`/?token=${token}`, '/?…'],
      [`/api/notebook.save?token=${token}`, '/api/notebook.save?…'],
      [`/s/${key}/files/data/x.csv`, '/s/<key>/files/data/x.csv'],
      [`/s/${key}`, '/s/<key>'],
      ['/favicon.svg', '/favicon.svg'],
    ]) {
      expect(loggableTarget(target)).toBe(logged);
      expect(loggableTarget(target)).not.toContain(token);
      expect(loggableTarget(target)).not.toContain(key);
    }
  });
});
