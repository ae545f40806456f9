// Collects the type declarations the cell editor needs (Quarry's kernel globals, danfo.js,
// TF.js, Apache Arrow, and what they import) into renderer/generated/typings.json, so Monaco's
// TypeScript worker can complete `dfd.`, `tf.` and query results with real types, offline.
// Run before `vite build` (npm run build); the output is generated, not committed.
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const out = path.join(root, 'renderer/generated/typings.json');
const files = new Map();

const IMPORT =
  /(?:from\s+|import\s*\(\s*|require\s*\(\s*|import\s+)['"]([^'"]+)['"]|\/\/\/\s*<reference\s+path=['"]([^'"]+)['"]/g;

function packageRoot(name) {
  const dir = path.join(root, 'node_modules', name);
  return existsSync(path.join(dir, 'package.json')) ? dir : null;
}

function packageTypes(dir) {
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  // danfo declares its types only under `exports`.
  const types =
    manifest.types ?? manifest.typings ?? manifest.exports?.['.']?.types ?? 'index.d.ts';
  // What Monaco's resolver reads: a package.json with its name and types entry.
  files.set(
    relative(path.join(dir, 'package.json')),
    JSON.stringify({ name: manifest.name, types }),
  );
  return path.join(dir, types);
}

function resolveFile(from, specifier) {
  if (specifier.startsWith('.')) {
    const base = path.resolve(path.dirname(from), specifier.replace(/\.js$/, ''));
    for (const candidate of [`${base}.d.ts`, path.join(base, 'index.d.ts'), base]) {
      if (candidate.endsWith('.d.ts') && existsSync(candidate)) return candidate;
    }
    return null;
  }
  const parts = specifier.split('/');
  const name = specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
  const dir = packageRoot(name);
  if (!dir) return null;
  const subpath = parts.slice(specifier.startsWith('@') ? 2 : 1).join('/');
  return subpath ? resolveFile(path.join(dir, 'index.ts'), `./${subpath}`) : packageTypes(dir);
}

function relative(file) {
  return path.relative(root, file).split(path.sep).join('/');
}

function collect(file) {
  const key = relative(file);
  if (files.has(key) || !existsSync(file) || !statSync(file).isFile()) return;
  const text = readFileSync(file, 'utf8');
  files.set(key, text);
  for (const match of text.matchAll(IMPORT)) {
    const resolved = resolveFile(file, match[1] ?? match[2]);
    if (resolved) collect(resolved);
  }
}

for (const name of ['danfojs', '@tensorflow/tfjs', 'apache-arrow'])
  collect(packageTypes(packageRoot(name)));
const globals = readFileSync(path.join(root, 'kernels/typings/quarry-globals.d.ts'), 'utf8');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify({ globals, files: Object.fromEntries(files) }));
console.log(`collect-typings: ${files.size} declaration files → ${relative(out)}`);
