import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import boundaries from 'eslint-plugin-boundaries'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'

/** What no renderer file imports; blocks that set no-restricted-imports for some renderer files repeat these. */
const rendererBans = [
  { group: ['dexie', 'dexie-*'], message: 'Only src/renderer/src/db imports Dexie.' },
  { group: ['electron', 'electron/*', 'node:*'], message: 'The renderer never imports Electron or Node.' },
]

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'dist-web/**', 'test-results/**', 'playwright-report/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': ['error', { selector: "CallExpression[callee.name='eval']", message: 'No eval.' }],
    },
  },
  {
    // The process boundaries: shared is pure; the renderer never reaches into main or preload; main never into the renderer.
    files: ['src/**/*.{ts,tsx}'],
    plugins: { boundaries },
    settings: {
      'boundaries/include': ['src/**/*'],
      'boundaries/elements': [
        { type: 'shared', pattern: 'src/shared/**' },
        { type: 'main', pattern: 'src/main/**' },
        { type: 'preload', pattern: 'src/preload/**' },
        { type: 'renderer', pattern: 'src/renderer/**' },
      ],
      'import/resolver': { node: { extensions: ['.ts', '.tsx'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            { from: { element: { type: 'shared' } }, allow: { to: { element: { type: 'shared' } } } },
            { from: { element: { type: 'main' } }, allow: { to: { element: { types: { anyOf: ['main', 'shared'] } } } } },
            { from: { element: { type: 'preload' } }, allow: { to: { element: { types: { anyOf: ['preload', 'shared'] } } } } },
            { from: { element: { type: 'renderer' } }, allow: { to: { element: { types: { anyOf: ['renderer', 'shared'] } } } } },
          ],
        },
      ],
    },
  },
  {
    // shared stays free of Electron, Node, React, Dexie and the DOM.
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['electron', 'electron/*'], message: 'src/shared must not import Electron.' },
            { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'crypto', 'stream', 'url', 'worker_threads'], message: 'src/shared must not import Node modules.' },
            { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'src/shared must not import React.' },
            { group: ['dexie', 'dexie-*'], message: 'src/shared must not import Dexie.' },
            { group: ['exceljs'], message: 'src/shared must not import exceljs; main and the web platform write workbooks.' },
          ],
        },
      ],
    },
  },
  {
    // Only the db module touches Dexie; the renderer never imports Electron.
    files: ['src/renderer/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererBans,
          ],
        },
      ],
    },
  },
  {
    // Shared UI parts (ui/) and the stores import no feature. (A block replaces the rule for its files, so the
    // renderer's bans are repeated here and below.)
    files: ['src/renderer/src/ui/**/*.{ts,tsx}', 'src/renderer/src/stores/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererBans,
            { group: ['**/features/*', '**/features/*/**'], message: 'Shared UI parts and stores import no feature.' },
          ],
        },
      ],
    },
  },
  {
    // Features depend one way: resources builds on the workspace, never the reverse. The UI benchmark's pages are
    // composition roots like app/ and may mount both.
    files: ['src/renderer/src/features/workspace/**/*.{ts,tsx}'],
    ignores: ['src/renderer/src/features/workspace/bench/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererBans,
            { group: ['**/features/resources/**', '../resources/*'], message: 'The workspace does not import resources; resources add to it through WorkspaceExtension.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules, 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'tests/**/*.{ts,tsx}', 'bench/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: { '@typescript-eslint/no-floating-promises': 'error' },
  },
)
