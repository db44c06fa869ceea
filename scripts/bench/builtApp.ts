/**
 * What the benches that drive the built app in Chromium share: a fresh `vite build` served on a free port, opened in
 * Chromium with nothing let out, and short error lines.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { messageOf } from '../../shared/errors';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RENDERER_ROOT = join(REPO_ROOT, 'renderer');
const DIST_RENDERER = join(REPO_ROOT, 'dist', 'renderer');

export function firstLine(error: unknown): string {
  return messageOf(error).split('\n')[0];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** `vite build` of the renderer into `outDir`; its output is shown only if it fails. */
function buildRenderer(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.platform === 'win32' ? 'npx.cmd' : 'npx', ['vite', 'build', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      env: { ...process.env, RENDERER_OUT_DIR: outDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`vite build exited with ${code}: ${output.trim().slice(-400)}`))));
  });
}

export interface BuiltApp {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  /** `http://127.0.0.1:<port>`: the vite preview of the build. */
  origin: string;
  /** A folder of this run, removed by close(). */
  tempDir: string;
  buildMs?: number;
  /** First lines of the errors the page threw. */
  pageErrors: string[];
  /** Requests outside the origin, aborted. */
  blockedRequests(): number;
  close: () => Promise<void>;
}

export type BuiltAppOutcome = { ok: true; app: BuiltApp } | { ok: false; reason: string };

/**
 * The production build of the renderer (fresh, or dist/renderer with BENCH_SKIP_BUILD) served by vite preview on a
 * free port and opened in Debian Chromium with Chinese locale and time zone; every request outside the origin is
 * aborted and counted. `close()` ends the browser, the server and the temp folder.
 */
export async function openBuiltApp(options: { tempPrefix: string; timeoutMs: number; context: BrowserContextOptions }): Promise<BuiltAppOutcome> {
  if (!existsSync(CHROMIUM_PATH)) {
    return { ok: false, reason: `no Chromium at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH)` };
  }
  const skipBuild = Boolean(process.env.BENCH_SKIP_BUILD);
  if (skipBuild && !existsSync(join(DIST_RENDERER, 'index.html'))) {
    return { ok: false, reason: `BENCH_SKIP_BUILD is set but ${DIST_RENDERER} holds no build (run \`npm run build:renderer\`)` };
  }
  const tempDir = await mkdtemp(join(tmpdir(), options.tempPrefix));
  let server: { close(): Promise<void> } | undefined;
  let browser: Browser | undefined;
  const close = async () => {
    await browser?.close().catch(() => undefined);
    await server?.close().catch(() => undefined);
    await rm(tempDir, { recursive: true, force: true }).catch(() => undefined);
  };
  try {
    let outDir = DIST_RENDERER;
    let buildMs: number | undefined;
    if (!skipBuild) {
      outDir = join(tempDir, 'renderer');
      const started = performance.now();
      try {
        await buildRenderer(outDir);
      } catch (error) {
        await close();
        return { ok: false, reason: `renderer build failed: ${firstLine(error)}` };
      }
      buildMs = performance.now() - started;
    }
    const port = await freePort();
    const { preview } = await import('vite');
    // configFile: false: only static files are served, so vite.config.ts (its PORT and outDir) plays no part.
    server = await preview({
      configFile: false,
      root: RENDERER_ROOT,
      base: './',
      logLevel: 'silent',
      build: { outDir },
      preview: { host: '127.0.0.1', port, strictPort: true, open: false },
    });
    const origin = `http://127.0.0.1:${port}`;
    const { chromium } = await import('playwright-core');
    try {
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
    } catch (error) {
      await close();
      return { ok: false, reason: `Chromium did not start: ${firstLine(error)}` };
    }
    const context = await browser.newContext({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...options.context });
    // tsx (esbuild keepNames) wraps the named helpers inside page.evaluate callbacks in __name(…).
    await context.addInitScript('globalThis.__name ??= (fn) => fn;');
    let blocked = 0;
    await context.route(
      (url) => url.origin !== origin,
      (route) => {
        blocked += 1;
        return route.abort('blockedbyclient');
      },
    );
    const page = await context.newPage();
    page.setDefaultTimeout(options.timeoutMs);
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(firstLine(error)));
    return { ok: true, app: { browser, context, page, origin, tempDir, buildMs, pageErrors, blockedRequests: () => blocked, close } };
  } catch (error) {
    await close();
    throw error;
  }
}
