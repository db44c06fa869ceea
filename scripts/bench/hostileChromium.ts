/**
 * Hostile files in the built app in Chromium, chosen as a secretary would (导入 → 选择文件; 检查材料包 → 选择检查材料包…):
 * the time to the answer on screen and the renderer's peak memory (VmHWM reset before each file, as in
 * exportMemoryChromium.ts; the page and its workers share that process). Goal: under 500 MB, within 10 s.
 * Run alone: `npx tsx scripts/bench/hostileChromium.ts`.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { firstLine, openBuiltApp } from './builtApp';
import { memoryOf, resetPeak, sampleRss } from './exportMemoryChromium';
import { HOSTILE_CASES } from './hostile';

export const HOSTILE_CHROMIUM_GOAL_MB = 500;

interface ChromiumCase {
  file: string;
  caseName: keyof typeof HOSTILE_CASES;
  tab: '导入' | '检查材料包';
  button: string;
  answer: RegExp;
}

const CASES: ChromiumCase[] = [
  { file: '花名册.xlsx', caseName: 'sheet-3gib-lying', tab: '导入', button: '选择文件', answer: /解压后超过 200 MB/ },
  { file: '合并.xlsx', caseName: 'merge-xfd', tab: '导入', button: '选择文件', answer: /预览：合并\.xlsx/ },
  { file: '材料包.zip', caseName: 'package-1gib-entries', tab: '检查材料包', button: '选择检查材料包…', answer: /校验未通过：材料包\.zip/ },
  { file: '两万个文件.zip', caseName: 'package-20000', tab: '检查材料包', button: '选择检查材料包…', answer: /与包内清单一致：两万个文件\.zip/ },
];

export type HostileChromiumOutcome =
  | { ok: true; figures: { name: string; ms: number; note: string }[] }
  | { ok: false; reason: string };

export async function measureHostileInChromium(): Promise<HostileChromiumOutcome> {
  if (process.platform !== 'linux') {
    return { ok: false, reason: 'the renderer memory is read from /proc: Linux only' };
  }
  const opened = await openBuiltApp({ tempPrefix: 'branch-ledger-hostile-bench-', timeoutMs: 60_000, context: { viewport: { width: 1280, height: 900 }, reducedMotion: 'reduce' } });
  if (!opened.ok) {
    return opened;
  }
  const { browser, page, origin, tempDir, pageErrors, close } = opened.app;
  try {
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await page.getByText('已加载示例数据').waitFor();
    const cdp = await browser.newBrowserCDPSession();
    const figures: { name: string; ms: number; note: string }[] = [];
    for (const hostile of CASES) {
      const path = join(tempDir, hostile.file);
      await writeFile(path, HOSTILE_CASES[hostile.caseName].craft());
      // A fresh page state for each file: the previous answer's dialog and results go.
      await page.goto(`${origin}/#/ledgers`);
      await page.getByRole('tab', { name: hostile.tab }).click();
      // Playwright types this CDP answer loosely; the protocol documents these fields.
    const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
      const renderers = info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
      let reset = true;
      for (const pid of renderers) {
        reset = (await resetPeak(pid)) && reset;
      }
      const sampler = sampleRss(renderers);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: hostile.button }).click();
      const started = performance.now();
      await (await chooser).setFiles(path);
      await page.getByText(hostile.answer).first().waitFor({ timeout: 60_000 });
      const ms = performance.now() - started;
      const sampled = await sampler.stop();
      let peak = 0;
      for (const pid of renderers) {
        const hwm = reset ? ((await memoryOf(pid))?.hwmMb ?? 0) : 0;
        peak = Math.max(peak, hwm, sampled.get(pid) ?? 0);
      }
      const within = ms <= 10_000 && peak < HOSTILE_CHROMIUM_GOAL_MB;
      figures.push({
        name: `hostile in Chromium: ${HOSTILE_CASES[hostile.caseName].label.replace(/ \(.*\)$/, '')} (${hostile.tab})`,
        ms,
        note: `renderer peak ${peak.toFixed(0)} MB (${reset ? 'VmHWM' : 'sampled VmRSS'}), goal < ${HOSTILE_CHROMIUM_GOAL_MB} MB and ≤ 10 s: ${within ? 'within' : 'OVER'}`,
      });
    }
    if (pageErrors.length > 0) {
      return { ok: false, reason: `the page threw: ${pageErrors[0]}` };
    }
    return { ok: true, figures };
  } catch (error) {
    return { ok: false, reason: firstLine(error) };
  } finally {
    await close();
  }
}

if (process.argv[1]?.endsWith('hostileChromium.ts')) {
  const outcome = await measureHostileInChromium();
  if (outcome.ok) {
    for (const figure of outcome.figures) {
      console.log(`${figure.name}  ${figure.ms.toFixed(0)} ms  (${figure.note})`);
    }
  } else {
    console.log(`hostile in Chromium: skipped — ${outcome.reason}`);
  }
}
