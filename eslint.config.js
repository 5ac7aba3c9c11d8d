import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Beyond style, this file keeps the process borders: the folder a file is in says what it may import.
 */
const noElectron = { name: 'electron', message: 'Only main/app/ (and the preload entry) may import electron.' };
const mainPaths = [noElectron, { name: 'electron-store', message: 'electron-store loads electron: use it from main/app/ only.' }];

/** main/<folder> → the other main/ folders it may import from (see architecture.md). */
const MAIN_BORDERS = {
  durable: [],
  tse: [],
  vault: ['durable'],
  fiskaly: ['tse'],
  sandbox: ['tse', 'durable'],
  provisioning: ['fiskaly', 'vault', 'tse', 'durable'],
  receipt: ['tse'],
};

const nodeBuiltins = { group: ['node:*', 'fs', 'path', 'child_process', 'os', 'crypto'], message: 'The renderer has no Node: ask main through window.companion.' };

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
  // Inside main/, each folder imports only what architecture.md lets it (errors.ts is everyone's base).
  // A relative import climbs to main/ with one '../' per folder level, so each depth gets its own pattern.
  ...Object.entries(MAIN_BORDERS).flatMap(([folder, allowed]) =>
    [1, 2, 3].map((depth) => ({
      files: [`main/${folder}/${'*/'.repeat(depth - 1)}*.ts`],
      rules: {
        '@typescript-eslint/no-restricted-imports': ['error', {
          paths: mainPaths,
          patterns: [{
            regex: `^${'\\.\\./'.repeat(depth)}(?!(${[...allowed, 'errors'].join('|')})(/|$)|\\.\\./preload/contract(/|$))`,
            message: `main/${folder}/ may import only ${allowed.length ? allowed.map((a) => `main/${a}/`).join(', ') : 'nothing else in main/'} (and main/errors, preload/contract).`,
          }],
        }],
      },
    })),
  ),
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
  {
    files: ['preload/contract/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ regex: '^(?!zod$|\\./)', message: 'The contract imports nothing but types and zod.', allowTypeImports: true }],
      }],
    },
  },
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
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [noElectron, { name: 'zod', message: 'Schemas are checked in main; keep zod out of the renderer bundle.', allowTypeImports: true }],
        patterns: [
          { group: ['**/main/**', '**/main'], message: 'The renderer never imports from main/: use window.companion.' },
          { group: ['**/preload/index', '**/preload/bridge', '**/preload/browser-entry'], message: 'The renderer uses window.companion, not the preload itself.' },
          nodeBuiltins,
        ],
      }],
    },
  },
);
