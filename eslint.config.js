// Lint, including the layer rules of DESIGN.md: each folder imports only from the layers
// listed before it, and core/ and kernels/ never reach Node, the DOM or Electron directly.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'module',
  'net',
  'os',
  'path',
  'process',
  'stream',
  'url',
  'util',
  'vm',
  'worker_threads',
  'zlib',
];
const node = {
  group: ['node:*', ...nodeBuiltins],
  message: 'Node is reached only through host/ or an injected platform adapter.',
};
const layer = (name) => ({
  group: [`**/${name}/*`, `**/${name}`],
  message: `DESIGN.md layering: this folder may not import ${name}/.`,
});
const electron = { group: ['electron', 'electron/*'], message: 'Only electron/ imports Electron.' };
const restrict = (...patterns) => ({
  'no-restricted-imports': ['error', { patterns }],
});

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'test/fixtures/', 'samples/data/', '.bench/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': [
        'error',
        { selector: 'TSEnumDeclaration', message: 'Use a union of string literals.' },
      ],
    },
  },
  // Every switch over a union names each member (or the union grew and this one was missed):
  // a rule that needs the types, so it runs on the files the type-checked projects hold.
  {
    files: ['**/*.ts', 'renderer/**/*.tsx', 'test/gallery/**/*.tsx'],
    ignores: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx', '**/*.d.ts'],
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.renderer.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: { '@typescript-eslint/switch-exhaustiveness-check': 'error' },
  },
  {
    files: ['core/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      node,
      electron,
      layer('kernels'),
      layer('host'),
      layer('cli'),
      layer('renderer'),
      layer('electron'),
    ),
  },
  {
    files: ['kernels/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      node,
      electron,
      layer('host'),
      layer('cli'),
      layer('renderer'),
      layer('electron'),
    ),
  },
  // The renderer, and the outputs gallery that renders its outputs on a dev page of its own.
  {
    files: ['renderer/**/*.{ts,tsx}', 'test/gallery/**/*.{ts,tsx}'],
    ignores: ['**/*.test.ts'],
    rules: restrict(
      node,
      electron,
      layer('kernels'),
      layer('host'),
      layer('cli'),
      layer('electron'),
    ),
    languageOptions: { globals: globals.browser },
  },
  {
    files: ['kernels/worker/**/*.ts'],
    languageOptions: { globals: globals.worker },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['**/*.test.ts', 'electron/test/**'],
    rules: restrict(layer('kernels'), layer('cli'), layer('renderer')),
    languageOptions: { globals: globals.node },
  },
  // The sandboxed preload, and what it bundles: only 'electron' and core/.
  {
    files: ['electron/preload/**/*.ts', 'electron/shared/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(node, layer('kernels'), layer('host'), layer('cli'), layer('renderer')),
  },
  {
    files: ['electron/*.mjs', 'build/*.mjs', 'renderer/build/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['host/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(electron, layer('cli'), layer('renderer'), layer('electron')),
    languageOptions: { globals: globals.node },
  },
  {
    files: ['cli/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: restrict(electron, layer('renderer'), layer('electron')),
    languageOptions: { globals: globals.node },
  },
  {
    files: [
      'test/**/*.{ts,mjs}',
      'bench/**/*.ts',
      '**/*.test.ts',
      'samples/**/*.ts',
      '*.{js,mjs}',
      '*.ts',
      'bin/*.js',
    ],
    languageOptions: { globals: globals.node },
  },
);
