/**
 * Layer boundaries of 支部台账, checked by `npm run check:boundaries`
 * (`depcruise shared renderer electron scripts --config .dependency-cruiser.cjs`).
 *
 * What the layers may import is in docs/ARCHITECTURE.md; these rules make the "never" list fail the build.
 * Paths are resolved paths relative to the repository root: `@shared/*` is resolved through tsconfig.json,
 * npm packages show up as `node_modules/<name>/…`, Node core modules as their bare name (dependency type
 * 'core'). Type-only imports count too (tsPreCompilationDeps): a type from the wrong layer still couples
 * the layers. `scripts/check-boundaries.test.ts` proves each rule on a fixture tree.
 * For the rule comments in the output: `npx depcruise … --config .dependency-cruiser.cjs --output-type err-long`.
 *
 * What depcruise cannot see: DOM globals (`window`, `document`) and Node globals (`process`, `Buffer`) used
 * without an import. `shared/tsconfig.json` (lib ES2023, no DOM, no node types) catches those in typecheck.
 */

/** Test files: they run under Vitest in Node and may import test tooling. */
const TEST_FILE = '\\.test\\.tsx?$';

/** npm packages that need a DOM, React, Electron or IndexedDB; `shared/` is pure TypeScript. */
const UI_OR_PLATFORM_PACKAGES = '^node_modules/(electron|dexie[^/]*|react[^/]*|antd|@ant-design/[^/]+|echarts)/';

/** The three Dexie packages; only renderer/src/db may use them. */
const DEXIE_PACKAGES = '^node_modules/dexie(-react-hooks|-export-import)?/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    // ── shared/: pure TypeScript, runs in Node, the browser and a worker alike ──────────────────────────
    {
      name: 'shared-not-to-app-layers',
      severity: 'error',
      comment:
        'shared/ is imported by every layer and must not depend on any of them: move the code into shared/ ' +
        'or pass what it needs in as a parameter.',
      from: { path: '^shared/' },
      to: { path: '^(renderer|electron|e2e|scripts)/' },
    },
    {
      name: 'shared-not-to-node-core',
      severity: 'error',
      comment:
        'shared/ runs in the browser and in workers too: no Node core modules (node:fs, path, crypto, …). ' +
        'Take bytes/strings as parameters and let electron/ or scripts/ do the I/O.',
      from: { path: '^shared/', pathNot: '\\.test\\.ts$' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'shared-not-to-ui-or-platform-packages',
      severity: 'error',
      comment:
        'shared/ must not import electron, dexie*, react*, antd, @ant-design/*, echarts: those belong to ' +
        'renderer/ or electron/. shared/ may use zod, dayjs, exceljs, fflate, docx (and vitest in *.test.ts).',
      from: { path: '^shared/' },
      to: { path: UI_OR_PLATFORM_PACKAGES },
    },

    // ── every folder: no cycles ──────────────────────────────────────────────────────────────────────────
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Circular dependency: break the cycle (move the common part into its own module, or depend on a type ' +
        'from shared/model instead of the implementation). A cycle makes load order matter and hides layering.',
      from: {},
      to: { circular: true },
    },

    // ── renderer/: Chromium only, reaches the main process solely through window.branchLedger ────────────
    {
      name: 'renderer-not-to-electron',
      severity: 'error',
      comment:
        'renderer/ runs sandboxed in Chromium (and in a plain browser): it must not import electron/ or the ' +
        "'electron' package. Use the Platform contract in renderer/src/platform (window.branchLedger) and the " +
        'IPC contract in shared/ipc.ts.',
      from: { path: '^renderer/' },
      to: { path: '^(node_modules/)?electron/' },
    },
    {
      name: 'indexeddb-only-through-db',
      severity: 'error',
      comment:
        'Pages, components, workers and platform code reach IndexedDB only through renderer/src/db ' +
        '(repositories, backup/restore): do not import dexie, dexie-react-hooks or dexie-export-import here. ' +
        'Add a repository function in renderer/src/db instead.',
      from: { path: '^renderer/src/', pathNot: '^renderer/src/db/' },
      to: { path: DEXIE_PACKAGES },
    },

    // ── electron/: the main process and preload never load renderer code ─────────────────────────────────
    {
      name: 'electron-not-to-renderer',
      severity: 'error',
      comment:
        'electron/ must not import renderer/: share contracts and pure logic through shared/ ' +
        '(e.g. shared/ipc.ts, shared/csp.ts).',
      from: { path: '^electron/' },
      to: { path: '^renderer/' },
    },

    // ── test tooling stays in tests ────────────────────────────────────────────────────────────────────
    {
      name: 'test-tooling-only-in-tests',
      severity: 'error',
      comment:
        'Only *.test.ts(x) files may import vitest, happy-dom, fake-indexeddb or Playwright; app code would ' +
        'ship them (or fail to bundle).',
      from: { path: '^(shared|renderer|electron)/', pathNot: TEST_FILE },
      to: {
        path: '^node_modules/(vitest|@vitest/[^/]+|happy-dom|fake-indexeddb|@playwright/test|playwright-core)/',
      },
    },
  ],

  options: {
    // Analyse our own sources; look at packages only as far as their entry file (do not 'exclude' node_modules:
    // excluded modules vanish from the graph, and the package rules below would never match).
    doNotFollow: { path: ['node_modules'] },
    exclude: { path: ['^dist/', '^dist-electron/', '^release/'] },

    moduleSystems: ['es6', 'cjs'],
    tsPreCompilationDeps: true,
    // Resolves the `@shared/*` alias (compilerOptions.paths) and baseUrl.
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.d.ts', '.js', '.mjs', '.cjs', '.jsx', '.json'],
      mainFields: ['module', 'main', 'types', 'typings'],
    },
    skipAnalysisNotInRules: true,
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
