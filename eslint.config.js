// @ts-check
/**
 * Lint for 支部台账: `npm run lint` (`eslint . --max-warnings 0`), part of `npm test` after typecheck.
 *
 * Type information: every .ts/.tsx file is in the root tsconfig.json (it includes shared, renderer, electron, e2e,
 * scripts and the root *.ts), so one TypeScript program serves the whole tree. shared/tsconfig.json is a stricter
 * view of the same shared/ files (no DOM, no Node types) that `npm run typecheck` checks; linting with it too would
 * build a second program of the same files for no different finding.
 *
 * Rules on (errors; warnings are not used: `--max-warnings 0`):
 * - eslint:recommended (derived from ESLint's own rule metadata: @eslint/js is not a dependency) minus what
 *   TypeScript checks better (typescript-eslint's eslintRecommended turns those off).
 * - typescript-eslint recommended-type-checked, including the ones that catch real bugs here:
 *   no-floating-promises (an un-awaited write loses its error), await-thenable, no-misused-promises,
 *   no-unnecessary-type-assertion, no-explicit-any, no-unsafe-* (an `any` from JSON.parse or ExcelJS travels
 *   unchecked), no-base-to-string ('[object Object]' in a cell or message), only-throw-error,
 *   prefer-promise-reject-errors, unbound-method.
 * - local/explained-assertion (scripts/eslint-rules): every `as T` outside tests says why next to it.
 * - react-hooks rules-of-hooks and exhaustive-deps.
 *
 * Rules off or relaxed, and why:
 * - no-misused-promises checksVoidReturn.attributes: React and antd ignore what a JSX handler returns; the
 *   handlers it flagged here (17) return antd `message.*` thenables, react-router's `navigate()` result or a
 *   promise that already ends in `.catch`, and form submits go through `void save(values)` with their own
 *   try/catch. Promises passed where a void callback is expected elsewhere (arguments, properties, variables:
 *   event listeners, worker `onmessage`) stay checked.
 * - no-control-regex: off. The app matches control characters on purpose (file names and zip entry names must not
 *   hold them: shared/ipc.ts, shared/zip/names.ts, shared/package, electron/protocol.ts).
 * - require-await: off. An `async` function without `await` is how a synchronous implementation meets an async
 *   contract (Platform, IPC handlers, test doubles); it is not a bug.
 * - no-unused-vars: `_name` and rest siblings (`const { data: _data, ...rest } = x`) are the way to drop a field.
 * - react-hooks v7 React Compiler rules (refs, set-state-in-effect, purity, immutability, globals, use-memo,
 *   preserve-manual-memoization, …): off. The app is not built with the React Compiler; those rules report what
 *   the compiler cannot optimise, and flag idioms that are correct in plain React (the latest-value ref
 *   `ref.current = props.onX` during render, state kept in step with an external object such as an object URL).
 * - Tests (*.test.ts(x), e2e/): no-unsafe-* and no-explicit-any off (tests read JSON.parse output, mock internals
 *   and poke at private shapes; `expect` checks the values), unbound-method off (`expect(api.method)` passes a
 *   method to be inspected, not called), local/explained-assertion off (fixtures build partial records).
 * - e2e/: rules-of-hooks off: Playwright fixtures call their own `use()`, not React's.
 */
import { defineConfig, globalIgnores } from 'eslint/config';
import { builtinRules } from 'eslint/use-at-your-own-risk';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import explainedAssertion from './scripts/eslint-rules/explained-assertion.js';

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx', 'e2e/**'];

/** eslint:recommended: the core rules ESLint marks as recommended (what @eslint/js exports as `recommended`). */
const eslintRecommended = Object.fromEntries(
  [...builtinRules].filter(([, rule]) => rule.meta?.docs?.recommended).map(([name]) => [name, 'error']),
);

export default defineConfig(
  globalIgnores(['dist/**', 'dist-electron/**', 'release/**', 'node_modules/**']),
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: eslintRecommended,
    languageOptions: {
      // The build scripts and CommonJS configs run in Node.
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly' },
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
  },
  {
    files: ['**/*.{ts,tsx}'],
    extends: [{ rules: eslintRecommended }, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.json'], tsconfigRootDir: import.meta.dirname },
    },
    plugins: {
      'react-hooks': reactHooks,
      local: { rules: { 'explained-assertion': explainedAssertion } },
    },
    rules: {
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/require-await': 'off',
      'no-control-regex': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'local/explained-assertion': 'error',
    },
  },
  {
    files: TEST_FILES,
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
      'local/explained-assertion': 'off',
    },
  },
  { files: ['e2e/**'], rules: { 'react-hooks/rules-of-hooks': 'off' } },
);
