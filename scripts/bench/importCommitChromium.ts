/**
 * The import commit figure, measured where imports are written: IndexedDB in Chromium. importCommitPage.ts (the
 * app's Dexie schema and commitLedgerImport, bundled in memory by esbuild) runs in a page whose origin is served
 * by Playwright's router (no server, no network: IndexedDB needs a real origin, about:blank has none).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import type { CommitBenchKind, ImportCommitPageResult } from './importCommitPage';
import { messageOf } from '../../shared/errors';

export type ImportCommitOutcome = ({ ok: true; browserVersion: string; bundleKb: number } & ImportCommitPageResult) | { ok: false; reason: string };

export const IMPORT_COMMIT_GOAL = 1.3;

const ORIGIN = 'http://127.0.0.1:9';

async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./importCommitPage.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    legalComments: 'none',
    alias: { '@shared': fileURLToPath(new URL('../../shared', import.meta.url)) },
  });
  return result.outputFiles[0].text;
}

export async function measureImportCommitInChromium(jobs: readonly { kind: CommitBenchKind; count: number }[], runs = 3): Promise<ImportCommitOutcome[]> {
  if (!existsSync(CHROMIUM_PATH)) {
    return [{ ok: false, reason: `no Chromium at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH)` }];
  }
  let bundle: string;
  try {
    bundle = await bundlePage();
  } catch (error) {
    return [{ ok: false, reason: `the bench page did not bundle: ${messageOf(error).split('\n')[0]}` }];
  }
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (error) {
    return [{ ok: false, reason: `Chromium did not start: ${messageOf(error).split('\n')[0]}` }];
  }
  try {
    const page = await browser.newPage();
    // Every request is answered here; nothing leaves the machine.
    await page.route('**/*', (route) =>
      route.request().url() === `${ORIGIN}/`
        ? route.fulfill({ contentType: 'text/html', body: '<!doctype html><meta charset="utf-8"><title>import bench</title>' })
        : route.abort(),
    );
    await page.goto(`${ORIGIN}/`);
    await page.addScriptTag({ content: bundle });
    const outcomes: ImportCommitOutcome[] = [];
    for (const job of jobs) {
      const result = await page.evaluate(
        ([k, n, r]) =>
          // Put on the page by importCommitPage.ts, the bundle loaded above.
          (globalThis as unknown as { importCommitBench: { run(k: CommitBenchKind, n: number, r: number): Promise<ImportCommitPageResult> } }).importCommitBench.run(k, n, r),
        [job.kind, job.count, runs] as const,
      );
      outcomes.push({ ok: true, browserVersion: browser.version(), bundleKb: bundle.length / 1024, ...result });
    }
    return outcomes;
  } finally {
    await browser.close();
  }
}
