import { mkdir, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempFolder } from '../../test/support/host-fixtures';
import { ForbiddenPathError, isInside, resolveInWorkspace, toWorkspacePath } from './workspace';

let root: string;
let outside: string;

beforeAll(async () => {
  root = await tempFolder('quarry-ws-');
  outside = await tempFolder('quarry-outside-');
  await mkdir(path.join(root, 'data', 'deep'), { recursive: true });
  await writeFile(path.join(root, 'data', 'x.csv'), 'a\n1\n');
  await writeFile(path.join(outside, 'secret.txt'), 'secret');
  await symlink('/etc', path.join(root, 'etc-link'));
  await symlink(path.join(outside, 'secret.txt'), path.join(root, 'secret-link.txt'));
  await symlink(outside, path.join(root, 'data', 'out-dir'));
  await symlink(path.join(root, 'data'), path.join(root, 'data-link'));
  await symlink(path.join(outside, 'not-yet.txt'), path.join(root, 'dangling.txt'));
});

describe('resolveInWorkspace', () => {
  it('resolves paths inside the workspace, existing or not', async () => {
    expect(await resolveInWorkspace(root, 'data/x.csv')).toBe(path.join(root, 'data', 'x.csv'));
    expect(await resolveInWorkspace(root, './data//x.csv')).toBe(path.join(root, 'data', 'x.csv'));
    expect(await resolveInWorkspace(root, '')).toBe(root);
    expect(await resolveInWorkspace(root, '.')).toBe(root);
    expect(await resolveInWorkspace(root, 'data/new/file.parquet')).toBe(
      path.join(root, 'data', 'new', 'file.parquet'),
    );
    expect(await resolveInWorkspace(root, '100%.csv')).toBe(path.join(root, '100%.csv'));
    expect(await resolveInWorkspace(root, 'a%20b.csv')).toBe(path.join(root, 'a%20b.csv'));
    expect(await resolveInWorkspace(root, 'data/*.csv')).toBe(path.join(root, 'data', '*.csv'));
  });

  it('follows links that stay inside', async () => {
    expect(await resolveInWorkspace(root, 'data-link/x.csv')).toBe(
      path.join(root, 'data-link', 'x.csv'),
    );
  });

  const forbidden: [string, string][] = [
    ['..', 'parent'],
    ['../secret.txt', 'parent file'],
    ['data/../../x', 'up twice'],
    ['data/../x.csv', 'up and back in'],
    ['/etc/passwd', 'absolute'],
    ['//server/share/x', 'UNC-like'],
    ['C:/Windows/win.ini', 'drive letter'],
    ['c:x', 'drive-relative'],
    ['data\\..\\..\\x', 'backslash traversal'],
    ['..\\x', 'backslash up'],
    ['\\etc\\passwd', 'backslash absolute'],
    ['data/x.csv\0.png', 'NUL byte'],
    ['%2e%2e/secret.txt', 'encoded dots'],
    ['%2E%2E%2Fsecret.txt', 'encoded dots and slash'],
    ['data/%2e%2e/%2e%2e/x', 'encoded dots deeper'],
    ['..%2fsecret.txt', 'encoded slash'],
    ['%2fetc%2fpasswd', 'encoded absolute'],
    ['..%5csecret.txt', 'encoded backslash'],
    ['x%00.csv', 'encoded NUL'],
    ['etc-link/passwd', 'link to /etc'],
    ['etc-link', 'the link itself'],
    ['secret-link.txt', 'link to a file outside'],
    ['data/out-dir/secret.txt', 'linked folder outside'],
    ['data/out-dir/new-file.txt', 'new file in a linked folder outside'],
    ['dangling.txt', 'broken link'],
  ];
  for (const [relative, what] of forbidden) {
    it(`refuses ${what}: ${JSON.stringify(relative)}`, async () => {
      const error = await resolveInWorkspace(root, relative).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ForbiddenPathError);
      // The message names the request, never an absolute path of the machine.
      expect((error as Error).message).not.toContain(outside);
      expect((error as Error).message).not.toContain(root);
    });
  }

  it('refuses everything when the root is gone', async () => {
    await expect(resolveInWorkspace(path.join(root, 'missing-root'), 'x')).rejects.toBeInstanceOf(
      ForbiddenPathError,
    );
  });
});

describe('helpers', () => {
  it('isInside and toWorkspacePath', () => {
    expect(isInside('/a/b', '/a/b')).toBe(true);
    expect(isInside('/a/b', '/a/b/c')).toBe(true);
    expect(isInside('/a/b', '/a/bc')).toBe(false);
    expect(isInside('/a/b', '/a')).toBe(false);
    expect(isInside('/a/b', '/a/b/..x')).toBe(true);
    expect(toWorkspacePath('/a/b', '/a/b/c/d.csv')).toBe('c/d.csv');
    expect(toWorkspacePath('/a/b', '/a/b')).toBe('');
  });
});
