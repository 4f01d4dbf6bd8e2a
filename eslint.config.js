import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'docs/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // Schemas are built with the configured zod (src/shared/zod.ts); types may come from zod itself.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/shared/zod.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: [{ name: 'zod', message: 'Import { z } from src/shared/zod: it is configured before any schema is built.', allowTypeImports: true }] },
      ],
    },
  },
  {
    // src/shared stays pure: no Node built-ins, nothing from main/renderer/hub.
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['node:*', 'fs', 'path', 'electron', '**/main/**', '**/renderer/**', '**/hub/**', 'better-sqlite3'] }],
    },
  },
  {
    // Only src/main/electron may import electron; everything else in main runs under plain Node.
    files: ['src/main/**/*.ts'],
    ignores: ['src/main/electron/**'],
    rules: { 'no-restricted-imports': ['error', { paths: ['electron'], patterns: ['**/renderer/**'] }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: ['**/main/**', 'electron', 'better-sqlite3', 'node:*'] }] },
  },
  {
    // Code the desk's main process runs (its store, mutators and checks). On Node 20's V8 (11.3) an
    // object made by a spread that then gets more properties — { ...a, b }, { ...a, ...b }, or
    // { ...a } followed by o.b = … — survives young-generation collections: every such object is
    // copied, then promoted, which made each scavenge copy ~230 KB and doubled its pause. Object.assign
    // builds the same object without that. Tests and the renderer (Chromium's V8) are exempt.
    files: ['src/main/**/*.ts', 'src/shared/**/*.ts'],
    ignores: ['**/*.test.ts', 'src/main/testing/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: ':function ObjectExpression > SpreadElement ~ *',
          message: 'A spread followed by more properties keeps the object alive through young-generation GCs on Node 20 (see eslint.config.js): use Object.assign({}, a, { b }), or withFields(a, { b }) (src/shared/objects.ts) where b replaces a field of a with another type.',
        },
      ],
    },
  },
);
