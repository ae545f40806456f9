#!/usr/bin/env node
// The `quarry` command: loads the CLI built by `npm run build` (esbuild bundle of cli/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = fileURLToPath(new URL('../dist/cli/quarry.js', import.meta.url));
if (!existsSync(built)) {
  process.stderr.write(
    'quarry: the CLI is not built yet; run "npm run build" in the Quarry folder\n',
  );
  process.exit(2);
}
await import(built);
