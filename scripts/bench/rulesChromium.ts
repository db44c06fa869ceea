/**
 * The rules figure, measured where the dashboard runs them: in Chromium. shared/rules and the data-set
 * generator are bundled in memory by esbuild into one IIFE, added to about:blank (no server, no network),
 * and the page generates the data set and times runAllRules over every branch.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { RulesPageResult } from './rulesPage';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../e2e/support/chromium';
import { messageOf } from '../../shared/errors';


export type RulesChromiumOutcome =
  | ({ ok: true; browserVersion: string; bundleKb: number } & RulesPageResult)
  | { ok: false; reason: string };

interface RulesBenchGlobal {
  rulesBench: {
    generate(today: string): Pick<RulesPageResult, 'generateMs' | 'counts'>;
    time(today: string, runs: number): Pick<RulesPageResult, 'findings' | 'warmUpMs' | 'runsMs' | 'byRuleMs'>;
  };
}

async function bundlePage(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./rulesPage.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
    legalComments: 'none',
  });
  return result.outputFiles[0].text;
}

export async function measureRulesInChromium(today: string, runs = 3): Promise<RulesChromiumOutcome> {
  if (!existsSync(CHROMIUM_PATH)) {
    return { ok: false, reason: `no Chromium at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH)` };
  }
  const bundle = await bundlePage();
  // Imported here so that a machine without playwright-core still gets the Node figures.
  const { chromium } = await import('playwright-core');
  let browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  } catch (error) {
    const first = messageOf(error).split('\n')[0];
    return { ok: false, reason: `Chromium did not start: ${first}` };
  }
  try {
    const page = await browser.newPage();
    await page.goto('about:blank');
    await page.addScriptTag({ content: bundle });
    // rulesBench is put on the page by rulesPage.ts, the bundle loaded above.
    const generated = await page.evaluate((day) => (globalThis as unknown as RulesBenchGlobal).rulesBench.generate(day), today);
    const timed = await page.evaluate(
      ([day, count]) => (globalThis as unknown as RulesBenchGlobal).rulesBench.time(day, count), // as above
      [today, runs] as const,
    );
    return { ok: true, browserVersion: browser.version(), bundleKb: bundle.length / 1024, ...generated, ...timed };
  } finally {
    await browser.close();
  }
}
