// Proves that every rule in .dependency-cruiser.cjs catches what it is meant to catch, and lets through what the
// architecture allows: a small project tree is written to a temporary folder and cruised with the real config.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cruise, type ICruiseResult, type IConfiguration } from 'dependency-cruiser';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const config = createRequire(import.meta.url)(join(repoRoot, '.dependency-cruiser.cjs')) as IConfiguration;

/** Files that break a rule; the comment in each import names the rule the test expects to fire. */
const BAD_FILES: Record<string, string> = {
  'shared/bad-node.ts': `
    import { readFileSync } from 'node:fs';
    import { join } from 'path';
    export const a = [readFileSync, join];`,
  'shared/bad-packages.ts': `
    import Dexie from 'dexie';
    import { useState } from 'react';
    import { Button } from 'antd';
    import type { BrowserWindow } from 'electron';
    export const b: unknown[] = [Dexie, useState, Button] as unknown as BrowserWindow[];`,
  'shared/bad-layers.ts': `
    import { page } from '../renderer/src/pages/members/list';
    import { main } from '../electron/main';
    import { cli } from '../scripts/cli';
    export const c = [page, main, cli];`,
  'shared/cycle-a.ts': `
    import { b } from '@shared/cycle-b';
    export const a = () => b;`,
  'shared/cycle-b.ts': `
    import { a } from '@shared/cycle-a';
    export const b = () => a;`,
  // A cycle outside shared/, through a type-only import (scripts/ledger/main.ts ↔ package.ts had one).
  'scripts/cycle-main.ts': `
    import { run } from './cycle-run';
    export interface Io { write(text: string): void }
    export const main = run;`,
  'scripts/cycle-run.ts': `
    import type { Io } from './cycle-main';
    export const run = (io: Io) => io.write('');`,
  'renderer/src/pages/members/list.ts': `
    import Dexie from 'dexie';
    import { useLiveQuery } from 'dexie-react-hooks';
    import { exportDB } from 'dexie-export-import';
    import { ipcRenderer } from 'electron';
    import { handlers } from '../../../../electron/ipc-handlers';
    export const page = [Dexie, useLiveQuery, exportDB, ipcRenderer, handlers];`,
  'renderer/src/components/uses-vitest.ts': `
    import { vi } from 'vitest';
    export const spy = vi.fn();`,
  'electron/main.ts': `
    import { page } from '../renderer/src/pages/members/list';
    export const main = page;`,
};

/** Files the architecture allows; none of them may produce a violation. */
const GOOD_FILES: Record<string, string> = {
  'shared/model/member.ts': `
    import { z } from 'zod';
    import dayjs from 'dayjs';
    export const Member = z.object({ id: z.string() });
    export const today = () => dayjs();`,
  'shared/model/member.test.ts': `
    import { expect, test } from 'vitest';
    import { Member } from '@shared/model/member';
    test('parses', () => expect(Member.parse({ id: 'x' }).id).toBe('x'));`,
  'renderer/src/db/index.ts': `
    import Dexie from 'dexie';
    import { exportDB } from 'dexie-export-import';
    import { Member } from '@shared/model/member';
    export const db = [Dexie, exportDB, Member];`,
  'renderer/src/db/index.test.ts': `
    import 'fake-indexeddb/auto';
    import { db } from './index';
    export const t = db;`,
  'renderer/src/pages/members/ok.tsx': `
    import { useState } from 'react';
    import { Button } from 'antd';
    import { db } from '../../db';
    import { Member } from '@shared/model/member';
    export const ok = [useState, Button, db, Member];`,
  'electron/preload.ts': `
    import { contextBridge } from 'electron';
    import { join } from 'node:path';
    import { Member } from '@shared/model/member';
    export const preload = [contextBridge, join, Member];`,
  'electron/ipc-handlers.ts': `export const handlers = 1;`,
  'scripts/cli.ts': `
    import { readFileSync } from 'node:fs';
    import { Member } from '@shared/model/member';
    export const cli = [readFileSync, Member];`,
};

let fixtureRoot = '';

function writeTree(root: string, files: Record<string, string>): void {
  for (const [relativePath, text] of Object.entries(files)) {
    const absolutePath = join(root, relativePath);
    mkdirSync(dirname(absolutePath), { recursive: true });
    writeFileSync(absolutePath, `${text.trim()}\n`);
  }
}

/** Cruises the fixture tree exactly as `npm run check:boundaries` cruises the repository. */
async function cruiseFixture(): Promise<ICruiseResult> {
  const tsConfigFile = join(fixtureRoot, 'tsconfig.json');
  const { output } = await cruise(
    ['shared', 'renderer', 'electron', 'scripts'],
    {
      ...config.options,
      baseDir: fixtureRoot,
      // node_modules is a symlink to the repository's: keep its paths as `node_modules/<name>/…`.
      preserveSymlinks: true,
      tsConfig: { fileName: tsConfigFile },
      validate: true,
      ruleSet: { forbidden: config.forbidden },
      outputType: 'json',
    },
    {},
    { tsConfig: extractTSConfig(tsConfigFile) },
  );
  return (typeof output === 'string' ? JSON.parse(output) : output) as ICruiseResult;
}

/** `rule: from → to`, with packages shortened to their name so the expectations read easily. */
function describeViolations(result: ICruiseResult): string[] {
  const packageName = (path: string) => path.replace(/^node_modules\/((?:@[^/]+\/)?[^/]+)\/.*$/, '$1');
  return result.summary.violations
    .map((violation) => `${violation.rule.name}: ${violation.from} → ${packageName(violation.to)}`)
    .sort();
}

describe('.dependency-cruiser.cjs', () => {
  let violations: string[] = [];

  beforeAll(async () => {
    fixtureRoot = mkdtempSync(join(tmpdir(), 'branch-ledger-boundaries-'));
    writeTree(fixtureRoot, { ...BAD_FILES, ...GOOD_FILES });
    writeFileSync(
      join(fixtureRoot, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'ESNext',
          moduleResolution: 'bundler',
          jsx: 'react-jsx',
          baseUrl: '.',
          paths: { '@shared/*': ['shared/*'] },
        },
      }),
    );
    writeFileSync(join(fixtureRoot, 'package.json'), JSON.stringify({ name: 'fixture', type: 'module' }));
    symlinkSync(join(repoRoot, 'node_modules'), join(fixtureRoot, 'node_modules'), 'dir');
    violations = describeViolations(await cruiseFixture());
  }, 30_000);

  afterAll(() => {
    if (fixtureRoot) {
      rmSync(fixtureRoot, { recursive: true, force: true });
    }
  });

  it('reports every forbidden import, and nothing that the architecture allows', () => {
    expect(violations).toEqual(
      [
        'shared-not-to-node-core: shared/bad-node.ts → fs',
        'shared-not-to-node-core: shared/bad-node.ts → path',
        'shared-not-to-ui-or-platform-packages: shared/bad-packages.ts → dexie',
        'shared-not-to-ui-or-platform-packages: shared/bad-packages.ts → react',
        'shared-not-to-ui-or-platform-packages: shared/bad-packages.ts → antd',
        'shared-not-to-ui-or-platform-packages: shared/bad-packages.ts → electron',
        'shared-not-to-app-layers: shared/bad-layers.ts → renderer/src/pages/members/list.ts',
        'shared-not-to-app-layers: shared/bad-layers.ts → electron/main.ts',
        'shared-not-to-app-layers: shared/bad-layers.ts → scripts/cli.ts',
        'no-circular: shared/cycle-a.ts → shared/cycle-b.ts',
        'no-circular: scripts/cycle-main.ts → scripts/cycle-run.ts',
        'indexeddb-only-through-db: renderer/src/pages/members/list.ts → dexie',
        'indexeddb-only-through-db: renderer/src/pages/members/list.ts → dexie-react-hooks',
        'indexeddb-only-through-db: renderer/src/pages/members/list.ts → dexie-export-import',
        'renderer-not-to-electron: renderer/src/pages/members/list.ts → electron',
        'renderer-not-to-electron: renderer/src/pages/members/list.ts → electron/ipc-handlers.ts',
        'test-tooling-only-in-tests: renderer/src/components/uses-vitest.ts → vitest',
        'electron-not-to-renderer: electron/main.ts → renderer/src/pages/members/list.ts',
      ].sort(),
    );
  });

  it('resolves the @shared/* alias (the cycle above is written with it)', () => {
    expect(violations.filter((line) => line.startsWith('no-circular: shared/'))).toHaveLength(1);
  });
});
