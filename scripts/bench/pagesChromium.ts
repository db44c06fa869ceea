/**
 * What a secretary feels, measured through the real built app in Chromium with the demo branch: the first load of
 * the app (navigation start → the 工作台 showing its content) and, for every module of the left menu, the time
 * from the menu click to the page showing its content (its data, not a skeleton or a spinner). Each module is
 * visited twice: the first visit may still fetch the page's code, the second is warm.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MODULE_PATHS_FOR_BENCH } from './pageMarkers';
import { firstLine, openBuiltApp } from './builtApp';
import { measureInitialBundle, type BundleFigures } from './bundleSize';

const DIST_RENDERER = fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export const PAGE_GOAL_MS = 300;
export const FIRST_LOAD_GOAL_MS = 1000;

export interface PageTiming {
  label: string;
  path: string;
  /** Click → content, first visit and second visit (page clock). */
  firstMs: number;
  againMs: number;
}

export interface PagesResult {
  firstLoadMs: number;
  pages: PageTiming[];
  bundle: BundleFigures;
  browserVersion: string;
  buildMs?: number;
}

export type PagesOutcome = ({ ok: true } & PagesResult) | { ok: false; reason: string };

/**
 * In the page: resolves with the ms from `started` until the content area shows the marker and no skeleton or
 * spinner within the window, checked on every DOM change. A string, so that tsx leaves it untouched.
 */
const WAIT_SHOWN = `(label, selector, text, started) => new Promise((resolve, reject) => {
  const content = () => document.querySelector('.ant-layout-content');
  const shown = () => {
    const root = content();
    // Every page starts with its title (the module's name); until then the previous page may still be shown.
    if (!root || !(root.textContent || '').trim().startsWith(label)) return false;
    // A placeholder below the fold (the charts wait to be scrolled to) is not what the secretary sees.
    const waiting = [...root.querySelectorAll('.ant-skeleton, .ant-spin-spinning')].some((el) => el.getBoundingClientRect().top < window.innerHeight);
    if (waiting) return false;
    const hit = root.querySelector(selector);
    return Boolean(hit) && (!text || (root.textContent || '').includes(text));
  };
  const finish = () => { observer.disconnect(); resolve(performance.now() - started); };
  const observer = new MutationObserver(() => { if (shown()) finish(); });
  if (shown()) { resolve(performance.now() - started); return; }
  observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true });
  setTimeout(() => { observer.disconnect(); reject(new Error('content not shown within 15 s: ' + selector + ' ' + text)); }, 15000);
})`;

export async function measurePagesInChromium(): Promise<PagesOutcome> {
  const opened = await openBuiltApp({ tempPrefix: 'branch-ledger-bench-pages-', timeoutMs: 60_000, context: { viewport: { width: 1440, height: 900 } } });
  if (!opened.ok) {
    return opened;
  }
  const { app } = opened;
  const { browser, page, origin, buildMs, tempDir } = app;
  try {
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await page.getByText('已加载示例数据').waitFor();

    // First load: a new page (cold JS parse, warm HTTP cache as an installed app's files are on disk) until the
    // 工作台 shows its content; the median of three loads.
    const dashboard = MODULE_PATHS_FOR_BENCH[0];
    const loads: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await page.goto('about:blank');
      await page.goto(`${origin}/#/`);
      loads.push(Number(await page.evaluate(`(${WAIT_SHOWN})(${JSON.stringify(dashboard.label)}, ${JSON.stringify(dashboard.selector)}, ${JSON.stringify(dashboard.text)}, 0)`)));
    }
    loads.sort((a, b) => a - b);
    const firstLoadMs = loads[1];

    // Start from a fresh load again, so that the first visits below are true first visits.
    await page.goto('about:blank');
    await page.goto(`${origin}/#/`);
    await page.evaluate(`(${WAIT_SHOWN})(${JSON.stringify(dashboard.label)}, ${JSON.stringify(dashboard.selector)}, ${JSON.stringify(dashboard.text)}, 0)`);
    const pages: PageTiming[] = [];
    const visit = async (label: string, selector: string, text: string): Promise<number> => {
      // The click and the clock start in the same task of the page.
      return Number(
        await page.evaluate(
          `(() => {
            const item = [...document.querySelectorAll('[role="menuitem"]')].find((el) => el.textContent.trim() === ${JSON.stringify(label)});
            if (!item) throw new Error('no menu item ' + ${JSON.stringify(label)});
            const started = performance.now();
            item.click();
            return (${WAIT_SHOWN})(${JSON.stringify(label)}, ${JSON.stringify(selector)}, ${JSON.stringify(text)}, started);
          })()`,
        ),
      );
    };
    const order = [...MODULE_PATHS_FOR_BENCH.slice(1), dashboard];
    const first = new Map<string, number>();
    for (const module of order) {
      first.set(module.label, await visit(module.label, module.selector, module.text));
    }
    for (const module of order) {
      const againMs = await visit(module.label, module.selector, module.text);
      pages.push({ label: module.label, path: module.path, firstMs: first.get(module.label) ?? NaN, againMs });
    }
    const browserVersion = browser.version();
    // openBuiltApp builds into the temp folder, or reuses dist/renderer (BENCH_SKIP_BUILD).
    const bundle = await measureInitialBundle(buildMs === undefined ? DIST_RENDERER : join(tempDir, 'renderer'));
    return { ok: true, firstLoadMs, pages, bundle, browserVersion, buildMs };
  } catch (error) {
    return { ok: false, reason: firstLine(error) };
  } finally {
    await app.close();
  }
}
