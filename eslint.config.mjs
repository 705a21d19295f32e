// ESLint over server, admin, test, bench and migrations (npm run lint; npm test runs it first).
// Prettier owns the layout: eslint-config-prettier, last, turns off every rule that would fight it.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';

const tsconfigRootDir = import.meta.dirname;

// Type-aware rules: the promise mistakes the compiler lets through, and assertions it makes redundant.
const typeAwareRules = {
  '@typescript-eslint/no-floating-promises': 'error',
  '@typescript-eslint/no-misused-promises': 'error',
  '@typescript-eslint/await-thenable': 'error',
  '@typescript-eslint/no-unnecessary-type-assertion': 'error',
};

// Each folder is checked against the tsconfig that already type-checks it in `npm run typecheck`.
const typed = (files, project, extra = {}) => ({
  files,
  languageOptions: { parserOptions: { project, tsconfigRootDir } },
  ...extra,
  rules: { ...typeAwareRules, ...extra.rules },
});

// The few globals the plain JavaScript files use (the TypeScript files leave no-undef to the compiler).
const nodeGlobals = { console: 'readonly', process: 'readonly', URL: 'readonly' };

export default defineConfig(
  globalIgnores([
    '**/node_modules/**',
    '**/dist/**',
    'server/dist/**',
    'admin/dist/**',
    'bench/dist/**',
    '**/.data/**',
    'bench/results/**',
    'coverage/**',
    'test/.artifacts/**',
    'backups/**',
    'docs/**',
  ]),
  // A disable comment that no longer suppresses anything is an error too: it would hide the next real problem.
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          caughtErrors: 'none',
          ignoreRestSiblings: true,
        },
      ],
    },
  },
  typed(['server/src/**/*.ts', 'migrations/**/*.ts'], './server/tsconfig.json'),
  typed(['test/**/*.ts'], './test/tsconfig.json'),
  typed(['bench/**/*.ts'], './bench/tsconfig.json'),
  typed(['admin/src/**/*.{ts,tsx}', 'admin/vite.config.ts'], './admin/tsconfig.json', {
    plugins: { 'react-hooks': reactHooks },
    rules: {
      // Only the two classic hook rules: the React Compiler's rule set is not wanted here.
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  }),
  {
    files: ['test/jest.config.js'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable' } },
  },
  {
    files: ['**/*.mjs'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
  },
  // The direction of dependencies on the server: the kernel (errors, validation, http) imports
  // nothing of the app; the records engine imports the kernel and the database's naming, never a
  // feature. Features plug into the engine (records/collection/record-author.ts, record-history.ts).
  {
    files: ['server/src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })] },
    rules: {
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './server/src/kernel',
              from: './server/src',
              except: ['./kernel'],
              message: 'The kernel imports nothing of the app.',
            },
            {
              target: './server/src/records',
              from: './server/src',
              except: ['./records', './kernel', './database/snake-naming.strategy.ts'],
              message:
                'The records engine imports no feature: declare what it needs (as record-history.ts does) and let the feature provide it.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
