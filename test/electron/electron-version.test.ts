/**
 * Electron supports only its latest three majors (docs/decisions.md, "Electron: the newest
 * stable major"): the shell pins one major, the one installed, and never an older one than the
 * newest we moved to.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const NEWEST_MAJOR_ADOPTED = 45;

function major(version: string): number {
  return Number(/(\d+)\./.exec(version)?.[1]);
}

describe('Electron version', () => {
  it('pins one major, at least the newest adopted, and that is the one installed', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as {
      devDependencies: Record<string, string>;
    };
    const range = manifest.devDependencies.electron;
    expect(range).toMatch(/^\^\d+\.\d+\.\d+$/);
    expect(major(range)).toBeGreaterThanOrEqual(NEWEST_MAJOR_ADOPTED);
    const installed = (require('electron/package.json') as { version: string }).version;
    expect(major(installed)).toBe(major(range));
  });
});
