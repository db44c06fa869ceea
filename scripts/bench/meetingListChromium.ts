/**
 * The meeting-list figure, measured through the real built app in Chromium: the renderer is built into a temp
 * dir (or dist/renderer is reused when BENCH_SKIP_BUILD is set), served by `vite preview` on 127.0.0.1, the
 * demo branch is loaded from the welcome page, 50,000 meetings are written into its IndexedDB with the raw API,
 * and the page `/#/meetings` is timed: first rows, how many rows the virtual table renders, scroll to the end,
 * JS heap. Every request outside the preview server's origin is aborted and counted.
 */
import { firstLine, openBuiltApp } from './builtApp';


/** The first bench meeting's title: the oldest meeting, so the last row of the newest-first list. */
const OLDEST_TITLE = '基准会议 00001';

export interface MeetingListResult {
  meetings: number;
  /** Rows the list shows in all (the bench meetings plus the demo branch's own). */
  listed: number;
  /** Writing the meetings into IndexedDB in the page. */
  insertMs: number;
  /** Full page load of /#/meetings until the first `.ant-table-row` is visible (page clock, from navigation start). */
  firstRowsMs: number;
  /** In-app navigation (menu click) from the dashboard to the first visible row. */
  menuToRowsMs: number;
  renderedRows: number;
  /** Scrolling the virtual body to the end until the oldest meeting's row is rendered. */
  scrollToEndMs: number;
  renderedRowsAtEnd: number;
  /** Frame times of wheel scrolling through the list (ms per frame). */
  wheelFrames: { count: number; medianMs: number; maxMs: number };
  heapMb: number;
  buildMs?: number;
  browserVersion: string;
  blockedRequests: number;
}

export type MeetingListOutcome = ({ ok: true } & MeetingListResult) | { ok: false; reason: string };

export async function measureMeetingListInChromium(count = 50_000): Promise<MeetingListOutcome> {
  const opened = await openBuiltApp({ tempPrefix: 'branch-ledger-bench-', timeoutMs: 120_000, context: { viewport: { width: 1280, height: 800 } } });
  if (!opened.ok) {
    return opened;
  }
  const { app } = opened;
  const { browser, context, page, origin, buildMs, pageErrors } = app;
  try {
    await page.goto(`${origin}/`);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    // The demo branch is written in one transaction; its success message says it is committed and current.
    await page.getByText('已加载示例数据').waitFor();

    // Written with the raw IndexedDB API, in batches of 5,000 per transaction, built in the page.
    const inserted = await page.evaluate(async (total) => {
      const started = performance.now();
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open('branch-ledger');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
      const done = (tx: IDBTransaction) =>
        new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error ?? new Error('IndexedDB request failed'));
          tx.onabort = () => reject(tx.error ?? new Error('IndexedDB request failed'));
        });
      const readTx = db.transaction('settings', 'readonly');
      const row = await new Promise<{ value?: unknown } | undefined>((resolve, reject) => {
        const request = readTx.objectStore('settings').get('currentBranchId');
        request.onsuccess = () => resolve(request.result as { value?: unknown } | undefined); // IndexedDB results are untyped
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
      const branchId = row?.value;
      if (typeof branchId !== 'string') {
        db.close();
        throw new Error('no currentBranchId after 加载示例数据');
      }
      const types = ['支部党员大会', '支部委员会', '党小组会', '党课', '主题党日', '组织生活会', '民主评议党员', '集中学习'];
      const places = ['党员活动室', '三楼会议室', '线上会议', '一楼报告厅'];
      const first = Date.UTC(2015, 0, 1);
      const span = Date.UTC(2025, 0, 1) - first;
      const pad = (n: number, width = 2) => String(n).padStart(width, '0');
      const BATCH = 5_000;
      for (let from = 0; from < total; from += BATCH) {
        const tx = db.transaction('meetings', 'readwrite');
        const store = tx.objectStore('meetings');
        for (let i = from; i < Math.min(total, from + BATCH); i += 1) {
          // Evenly over 2015–2024, at 09:00–16:30 Beijing time (the date part read as UTC is Beijing's date).
          const day = new Date(first + Math.floor((span * i) / total));
          const hour = 9 + (i % 8);
          const date = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}`;
          const startAt = `${date}T${pad(hour)}:${i % 2 ? '30' : '00'}:00+08:00`;
          const type = types[i % types.length];
          const stamp = `${date}T${pad(hour + 1)}:00:00.000Z`;
          store.put({
            id: `00000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, '0')}`,
            branchId,
            createdAt: stamp,
            updatedAt: stamp,
            type,
            alsoCountsAs: [],
            title: `基准会议 ${pad(i + 1, 5)}`,
            startAt,
            location: places[i % places.length],
            attendance: [],
            topics: [`议题 ${i + 1}`],
            speeches: [],
            resolutions: [],
          });
        }
        await done(tx);
      }
      db.close();
      return { ms: performance.now() - started };
    }, count);

    // Full load of the list page: the bundle, Dexie reading every meeting, the first virtual rows.
    await page.goto('about:blank');
    await page.goto(`${origin}/#/meetings`);
    const firstRowsMs = Number(
      await (
        await page.waitForFunction(
          () => {
            const row = document.querySelector('.ant-table-row');
            return row instanceof HTMLElement && row.offsetHeight > 0 ? performance.now() : 0;
          },
          undefined,
          { polling: 'raf' },
        )
      ).jsonValue(),
    );
    await page.getByRole('heading', { name: '会议记录' }).waitFor();
    const listedText = await page.getByText(/^共 \d+ 条$/).innerText();
    const listed = Number(listedText.replace(/\D/g, ''));
    const renderedRows = await page.locator('.ant-table-row').count();

    // Scroll to the end: the virtual holder's scrollTop, until the oldest meeting's row is rendered.
    const scrollToEnd = await page.evaluate(async (oldest) => {
      const holder = document.querySelector<HTMLElement>('.ant-table-tbody-virtual-holder') ?? document.querySelector<HTMLElement>('.ant-table-body');
      if (!holder) throw new Error('no virtual table body');
      const started = performance.now();
      const deadline = started + 30_000;
      const lastRow = () => [...document.querySelectorAll('.ant-table-row')].some((r) => r.textContent?.includes(oldest));
      while (!lastRow()) {
        holder.scrollTop = holder.scrollHeight;
        holder.dispatchEvent(new Event('scroll'));
        await new Promise((resolve) => requestAnimationFrame(resolve));
        if (performance.now() > deadline) throw new Error('the oldest meeting never appeared after scrolling to the end');
      }
      return { ms: performance.now() - started, rows: document.querySelectorAll('.ant-table-row').length };
    }, OLDEST_TITLE);

    // Wheel scrolling back up: frame times while the virtual list re-renders.
    const box = await page.locator('.ant-table-tbody-virtual-holder, .ant-table-body').first().boundingBox();
    if (box) await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 200));
    await page.evaluate(() => {
      // The bench's own frame counters, put on the page's window here.
      const w = window as unknown as { __frames: number[]; __framesOn: boolean };
      w.__frames = [];
      w.__framesOn = true;
      let last = performance.now();
      const tick = (now: number) => {
        w.__frames.push(now - last);
        last = now;
        if (w.__framesOn) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    for (let i = 0; i < 30; i += 1) {
      await page.mouse.wheel(0, -800);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => resolve(null))));
    }
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __frames: number[]; __framesOn: boolean }; // the counters set above
      w.__framesOn = false;
      return w.__frames.slice(1);
    });
    const sortedFrames = [...frames].sort((a, b) => a - b);

    // In-app navigation: from the dashboard by the menu, as a secretary would.
    await page.evaluate(() => (location.hash = '#/'));
    await page.getByRole('heading', { name: '会议记录' }).waitFor({ state: 'detached' });
    const menuStarted = Date.now();
    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '会议记录' }).click();
    await page.locator('.ant-table-row').first().waitFor({ state: 'visible' });
    const menuToRowsMs = Date.now() - menuStarted;

    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    const heapBytes = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;

    if (pageErrors.length > 0) {
      return { ok: false, reason: `the page threw: ${pageErrors[0]}` };
    }
    return {
      ok: true,
      meetings: count,
      listed,
      insertMs: inserted.ms,
      firstRowsMs,
      menuToRowsMs,
      renderedRows,
      scrollToEndMs: scrollToEnd.ms,
      renderedRowsAtEnd: scrollToEnd.rows,
      wheelFrames: {
        count: frames.length,
        medianMs: sortedFrames[Math.floor(sortedFrames.length / 2)] ?? 0,
        maxMs: sortedFrames[sortedFrames.length - 1] ?? 0,
      },
      heapMb: heapBytes / 1024 / 1024,
      buildMs,
      browserVersion: browser.version(),
      blockedRequests: app.blockedRequests(),
    };
  } catch (error) {
    return { ok: false, reason: firstLine(error) };
  } finally {
    await app.close();
  }
}
