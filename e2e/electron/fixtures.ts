/**
 * Fixtures for the Electron suite: every test launches the built app (package.json "main" →
 * dist-electron/main.cjs) with its own fresh data folder, and removes the folder afterwards.
 * Where the Electron binary is not installed the suite is skipped, never failed.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron, test as base, type ElectronApplication, type Page } from '@playwright/test';

export { expect } from '@playwright/test';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const SKIP_REASON = 'skipped: Electron binary not installed';
/** Read by electron/main.ts: the app's userData folder. */
const USER_DATA_ENV = 'BRANCH_LEDGER_USER_DATA';

/**
 * The Electron executable, or null. Deliberately not `require('electron')`: when the binary is missing,
 * that tries to download it (no network here) instead of answering.
 */
export function findElectronBinary(): string | null {
  const electronDir = path.join(projectRoot, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    return null;
  }
  const executable = readFileSync(pathFile, 'utf8').trim();
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(electronDir, 'dist');
  const binary = path.join(distDir, executable);
  return existsSync(binary) ? binary : null;
}

export const electronBinary = findElectronBinary();

// Said once, by the runner process (workers have TEST_WORKER_INDEX), so that CI logs show why.
if (electronBinary === null && !process.env.TEST_WORKER_INDEX) {
  console.log(SKIP_REASON);
}

/** Chromium refuses to start as root with its sandbox on (CI containers); the renderer sandbox flag still applies. */
function chromiumSwitches(): string[] {
  return process.getuid?.() === 0 ? ['--no-sandbox'] : [];
}

/** Built files the app loads; a clear message beats a blank window. */
export function assertAppIsBuilt(): void {
  for (const file of ['dist-electron/main.cjs', 'dist-electron/preload.cjs', 'dist/renderer/index.html']) {
    if (!existsSync(path.join(projectRoot, file))) {
      throw new Error(`${file} is missing: run \`npm run build\` before the Electron suite`);
    }
  }
}

export interface LaunchedApp {
  app: ElectronApplication;
  /** stdout and stderr of the main process, as they arrive. */
  logs: string[];
}

export async function launchApp(userDataDir: string): Promise<LaunchedApp> {
  if (electronBinary === null) {
    throw new Error(SKIP_REASON);
  }
  const app = await _electron.launch({
    executablePath: electronBinary,
    args: [...chromiumSwitches(), projectRoot],
    env: { ...process.env, [USER_DATA_ENV]: userDataDir },
    timeout: 30_000,
  });
  const logs: string[] = [];
  app.process().stdout?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  app.process().stderr?.on('data', (chunk: Buffer) => logs.push(chunk.toString()));
  return { app, logs };
}

/** Starts a second copy of the app on the same data folder and resolves to its exit code. */
export function launchSecondInstance(userDataDir: string, timeoutMs = 20_000): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const child = spawn(electronBinary ?? 'electron', [...chromiumSwitches(), projectRoot], {
      env: { ...process.env, [USER_DATA_ENV]: userDataDir },
      stdio: 'ignore',
    });
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error('the second instance did not exit'));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

interface ElectronFixtures {
  userDataDir: string;
  launched: LaunchedApp;
  electronApp: ElectronApplication;
  appWindow: Page;
  logs: string[];
}

export const test = base.extend<ElectronFixtures>({
  // eslint-disable-next-line no-empty-pattern
  userDataDir: async ({}, use) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'branch-ledger-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
  launched: async ({ userDataDir }, use) => {
    const launched = await launchApp(userDataDir);
    await use(launched);
    await launched.app.close().catch(() => undefined);
  },
  electronApp: async ({ launched }, use) => {
    await use(launched.app);
  },
  logs: async ({ launched }, use) => {
    await use(launched.logs);
  },
  appWindow: async ({ electronApp }, use) => {
    const window = await electronApp.firstWindow();
    await window.waitForLoadState('domcontentloaded');
    await use(window);
  },
});
