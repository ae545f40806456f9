import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { notebookFromArgv } from './command-line';

describe('the notebook on the command line', () => {
  it.each([
    ['development', ['/x/electron', 'dist/electron/main.cjs', 'samples/churn.ipynb']],
    ['packaged', ['/opt/Quarry/quarry', 'samples/churn.ipynb']],
    [
      'Playwright, with switches first',
      [
        '/x/electron',
        '--inspect=0',
        '--remote-debugging-port=0',
        'dist/electron/main.cjs',
        'samples/churn.ipynb',
      ],
    ],
    [
      'a second instance, switches after',
      ['/opt/Quarry/quarry', 'samples/churn.ipynb', '--no-sandbox'],
    ],
    ['any case of the extension', ['/opt/Quarry/quarry', 'samples/churn.IPYNB']],
  ])('%s', (_name, argv) => {
    const found = notebookFromArgv(argv, '/home/ana');
    expect(found?.toLowerCase()).toBe(
      path.resolve('/home/ana', 'samples/churn.ipynb').toLowerCase(),
    );
  });

  it('keeps an absolute path', () => {
    expect(notebookFromArgv(['quarry', '/data/a.ipynb'], '/home/ana')).toBe(
      path.resolve('/data/a.ipynb'),
    );
  });

  it('is null without one (the sample opens)', () => {
    expect(notebookFromArgv(['/x/electron', 'dist/electron/main.cjs'], '/home/ana')).toBeNull();
    expect(notebookFromArgv(['/x/electron', '--flag=a.ipynb', 'data.csv'], '/home/ana')).toBeNull();
  });

  it('never takes the executable itself', () => {
    expect(notebookFromArgv(['/tmp/odd.ipynb'], '/')).toBeNull();
  });
});
