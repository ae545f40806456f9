/**
 * The cell `quarry run -p` injects (core/notebook/parameter-injection.ts) runs in the real
 * kernel after the parameters cell and replaces its defaults, with every value exact.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestKernel, type TestKernel } from '../../test/kernel-harness';
import { createCodeCell, createNotebook } from '../../core/notebook/model';
import { injectParameters, parseParameterArgument } from '../../core/notebook/parameters';

describe('an injected-parameters cell in the kernel', () => {
  let k: TestKernel;
  beforeAll(async () => {
    k = await startTestKernel();
  });
  afterAll(() => k.dispose());

  it('re-declares the defaults with the given values, big integers as BigInt', async () => {
    const parameters = createCodeCell(
      'const rate: number = 0.05\nconst label = "default"\nconst id = 1n\nconst cfg = { a: [1] }',
    );
    parameters.metadata = { tags: ['parameters'] };
    const text = 'quotes \' " ` ${x} \\ \n\u2028 😀 日本 עברית \ud800';
    const { notebook, injectedIndex } = injectParameters(createNotebook([parameters]), [
      parseParameterArgument('rate=0.5', 'json'),
      { name: 'label', value: { kind: 'string', value: text } },
      parseParameterArgument('id=-123456789012345678901234567890', 'json'),
      parseParameterArgument('cfg={"a": [12345678901234567890, {"b": null}]}', 'json'),
    ]);
    for (const cell of notebook.cells.slice(0, injectedIndex + 1)) {
      expect((await k.run(cell.source)).status).toBe('done');
    }
    expect(
      await k.json(
        '[rate, label, typeof id, String(id), typeof cfg.a[0], String(cfg.a[0]), cfg.a[1]]',
      ),
    ).toEqual([
      0.5,
      text,
      'bigint',
      '-123456789012345678901234567890',
      'bigint',
      '12345678901234567890',
      { b: null },
    ]);
  });
});
