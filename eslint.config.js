import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Beyond style, this file keeps the process borders: the folder a file is in says what it may import.
 */
const noElectron = { name: 'electron', message: 'Only main/app/ (and the preload entry) may import electron.' };
const mainPaths = [noElectron, { name: 'electron-store', message: 'electron-store loads electron: use it from main/app/ only.' }];

/**
 * The house (architecture.md, README "Architecture"): one neutral core, the vault and printing on top of it,
 * one wing per fiskaly product; the shells (app, cli, browser-shell) and services.ts compose them.
 * Zone → the places outside itself that it may import (paths from the repository root).
 */
const CONTRACT = 'preload/contract';
const ZONES = {
  'main/core': [CONTRACT],
  'main/vault': ['main/core', CONTRACT],
  'main/printing': ['main/core', CONTRACT],
  // '*' is every wing: each may use the core, the vault and printing, never another wing.
  'main/products/*': ['main/core', 'main/vault', 'main/printing', CONTRACT],
};

/** From the folder `from` to `to`, as a relative import spells it. */
function relativePath(from, to) {
  const a = from.split('/');
  const b = to.split('/');
  let common = 0;
  while (common < a.length && a[common] === b[common]) common++;
  return [...Array(a.length - common).fill('..'), ...b.slice(common)].join('/');
}
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A relative import leaves a zone by climbing one '..' more than its file sits deep in it; from there it must
 * land on an allowed place (the parent folder itself, '..', is outside too). One pattern per depth, as a glob cannot count folders. `paths` and `patterns` are
 * the zone's other restrictions (the rule takes one option set per file, so they are repeated here).
 * Where zones nest, the inner one must come later: for one rule, the last matching config wins.
 */
function zoneRules(zone, allowed, { paths = mainPaths, patterns = [] } = {}) {
  const parent = zone.split('/').slice(0, -1).join('/');
  // A place ending in /index is that folder's index file only (a registry), spelled with or without it.
  const targets = allowed.map((place) =>
    place.endsWith('/index')
      ? `${escapeRegex(relativePath(parent, place.slice(0, -'/index'.length)))}(/index)?$`
      : `${escapeRegex(relativePath(parent, place))}(/|$)`,
  );
  const leaving = targets.length ? `(?!(${targets.join('|')}))` : '';
  const message = targets.length
    ? `${zone}/ may import only ${allowed.map((place) => (place.endsWith('/index') ? `${place}.ts` : `${place}/`)).join(', ')} besides itself.`
    : `${zone}/ imports nothing outside itself.`;
  return [0, 1, 2, 3, 4].map((depth) => ({
    files: [`${zone}/${'*/'.repeat(depth)}*.{ts,tsx}`],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths,
        patterns: [...patterns, { regex: `^(\\.\\./){${depth}}\\.\\.(/${leaving}|$)`, message }],
      }],
    },
  }));
}

/**
 * The renderer's zones: neutral parts (shared UI, the bridge helpers, i18n, the store's base) import no
 * product wing and not the shell; a wing (products/*) builds on the neutral parts and the contract, never on
 * another wing or the shell; the shell reaches the wings only through their registry, products/index.ts.
 */
const RENDERER = 'renderer/src';
const RENDERER_NEUTRAL = ['ui', 'bridge', 'i18n', 'state'].map((folder) => `${RENDERER}/${folder}`);
const RENDERER_ZONES = {
  ...Object.fromEntries(RENDERER_NEUTRAL.map((zone) => [zone, [...RENDERER_NEUTRAL, CONTRACT]])),
  [`${RENDERER}/products/*`]: [...RENDERER_NEUTRAL, CONTRACT],
  [`${RENDERER}/shell`]: [...RENDERER_NEUTRAL, CONTRACT, `${RENDERER}/products/index`],
};

/** The contract's zones, outer first: a product's part ('*') may build on the core, the core on nothing. */
const CONTRACT_ZONES = {
  [CONTRACT]: [],
  [`${CONTRACT}/*`]: [`${CONTRACT}/core`],
  [`${CONTRACT}/core`]: [],
};

const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'child_process', 'os', 'crypto'], message: 'The renderer has no Node: ask main through window.companion.' };
/** What nothing in the renderer imports, wherever it is. */
const rendererPaths = [noElectron, { name: 'zod', message: 'Schemas are checked in main; keep zod out of the renderer bundle.', allowTypeImports: true }];
const rendererPatterns = [
  { group: ['**/main/**', '**/main'], message: 'The renderer never imports from main/: use window.companion.' },
  { group: ['**/preload/index', '**/preload/bridge', '**/preload/browser-entry'], message: 'The renderer uses window.companion, not the preload itself.' },
  nodeBuiltins,
];

export default tseslint.config(
  { ignores: ['out/**', 'release/**', 'node_modules/**', 'test-results/**', 'reports/**', 'test/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/app/**', 'main/dev/**'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { paths: mainPaths }],
    },
  },
  ...Object.entries(ZONES).flatMap(([zone, allowed]) => zoneRules(zone, allowed)),
  {
    files: ['main/app/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', {
        selector: "MemberExpression[object.name='ipcMain'][property.name=/^(handle|on|once|handleOnce)$/]",
        message: 'Register IPC handlers only through registerIpcHandlers (main/app/ipc.ts).',
      }],
    },
  },
  {
    files: ['main/app/ipc.ts'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  // The contract is pure: zod and itself, not even a type from main/ (both sides build on it). Its core
  // imports no product's part; a product's part builds on the core only; the top composes them.
  ...Object.entries(CONTRACT_ZONES).flatMap(([zone, allowed]) =>
    zoneRules(zone, allowed, { paths: [], patterns: [{ regex: '^(?!zod$|\\.)', message: 'The contract imports nothing but zod and itself.' }] }),
  ),
  {
    files: ['preload/**/*.ts'],
    ignores: ['preload/contract/**', 'preload/index.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [noElectron],
        patterns: [{ group: ['**/main/**', '**/renderer/**'], message: 'The preload builds on its contract only.' }],
      }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', { paths: rendererPaths, patterns: rendererPatterns }],
    },
  },
  ...Object.entries(RENDERER_ZONES).flatMap(([zone, allowed]) => zoneRules(zone, allowed, { paths: rendererPaths, patterns: rendererPatterns })),
);
