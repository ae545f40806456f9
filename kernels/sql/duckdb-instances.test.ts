import { describe, expect, it } from 'vitest';
import { createNodeKernelPlatform } from '../../host/kernel/node-kernel-platform';

describe('DuckDB-WASM instances', () => {
  it('a closed database’s instance opens the next one, fresh and with the kernel’s settings', async () => {
    const platform = createNodeKernelPlatform({ notebookDir: process.cwd() });
    let started = performance.now();
    const first = await platform.openDatabase();
    const firstMs = performance.now() - started;
    first.query('create table kept as select 1 as x');
    first.close();
    started = performance.now();
    const second = await platform.openDatabase();
    // Reusing the instance skips instantiating DuckDB-WASM: a tenth of the first open's time.
    expect(performance.now() - started).toBeLessThan(firstMs / 2);
    expect(() => second.query('select * from kept')).toThrow(/kept/);
    const setting = second.query("select current_setting('enable_external_access') as v");
    expect(setting.get(0)?.toJSON().v).toBe(false);
    second.close();
    await platform.close?.();
  });
});
