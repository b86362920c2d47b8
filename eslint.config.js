// Flat config: ESLint's recommended rules plus typescript-eslint's, for every TS file in the repo.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  // Generated or local-only output: build, dependencies, databases, drizzle's migrations, test reports.
  globalIgnores([
    '.next/',
    'node_modules/',
    'data/',
    'db/migrations/',
    'db/pg/migrations/',
    'test-results/',
    'playwright-report/',
    'next-env.d.ts',
  ]),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      // `_`-prefixed names mark parameters kept for a signature's sake.
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
      // Type-only imports are erased, so server code cannot slip into the browser bundle by accident.
      '@typescript-eslint/consistent-type-imports': ['error', { disallowTypeAnnotations: false }],
    },
  },
  {
    files: ['app/**/*.{ts,tsx}', 'shared/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Browser code takes only types from server/: rules and limits come in the view (`can`,
    // `limits`), protocol pieces from shared/ (see shared/README.md).
    // Every module of app/, pages and layouts included (LIMITS lives in shared/).
    files: ['shared/**/*.ts', 'app/**/*.{ts,tsx}'],
    ignores: ['app/**/*.test.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [{ group: ['**/server/**'], allowTypeImports: true, message: 'Browser code imports only types from server/; use the view (can, limits) or shared/.' }],
      }],
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'shared/ and browser code cannot use Node APIs.' }] }],
    },
  },
  {
    // The server runs on ports (server/stores/ports.ts, server/runtime/ports.ts): only the store
    // implementations, db/ itself, the migrations tooling and tests may touch the database's own
    // modules. Add a new implementation's folder here.
    files: ['server/**/*.ts', 'scripts/**/*.ts'],
    ignores: ['server/stores/sqlite/**', 'server/runtime/sqlite-store.ts', 'server/stores/pg/**', 'server/testing/pg/**', '**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{ regex: '(^|/)db/(pg/)?(client|schema|errors|migrations)(\\.[jt]s)?$', message: 'Use the ports (server/stores/ports.ts) and the Stores the composition root hands out, not db/.' }],
      }],
    },
  },
);
