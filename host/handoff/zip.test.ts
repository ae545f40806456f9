import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readZip, writeZip } from './zip';

const text = (value: string) => new TextEncoder().encode(value);

describe('zip', () => {
  const files = new Map<string, Uint8Array>([
    ['manifest.json', text('{"format":1}')],
    ['model/weights.bin', new Uint8Array([0, 1, 2, 3, 255])],
    ['golden/inputs.jsonl', text('{"a":1}\n'.repeat(500))],
    ['MODEL_CARD.md', text('# Modèle – ünïcode\n')],
  ]);

  it('reads back what it wrote, byte for byte, and writes the same bytes twice', () => {
    const zip = writeZip(files);
    expect(readZip(zip)).toEqual(files);
    expect(writeZip(files)).toEqual(zip);
  });

  it('is a zip other tools read: Python’s zipfile lists and tests it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'quarry-zip-'));
    const file = path.join(dir, 'package.zip');
    writeFileSync(file, writeZip(files));
    const listed = execFileSync('python3', [
      '-c',
      'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(sorted(z.namelist())))',
      file,
    ]).toString();
    expect(listed.trim().split('\n')).toEqual([...files.keys()].sort());
    // And a zip Python wrote reads here.
    const other = path.join(dir, 'other.zip');
    execFileSync('python3', [
      '-c',
      'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED); z.writestr("dod.json", "{}" * 100); z.writestr("model/", ""); z.close()',
      other,
    ]);
    expect([...readZip(readFileSync(other)).keys()]).toEqual(['dod.json']);
  });

  it('refuses what is not a zip, a damaged entry, and a path that leaves the package', () => {
    expect(() => readZip(text('not a zip at all, not even close'))).toThrow('not a zip file');
    const zip = writeZip(new Map([['a.txt', text('hello hello hello hello hello')]]));
    const damaged = zip.slice();
    damaged[40] ^= 0xff;
    expect(() => readZip(damaged)).toThrow(/a\.txt/);
    const escaping = writeZip(new Map([['../evil.txt', text('x')]]));
    expect(() => readZip(escaping)).toThrow('not a path inside the package');
  });
});
