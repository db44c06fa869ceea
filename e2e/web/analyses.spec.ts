import { readFileSync } from 'node:fs';
import type { Download, Locator, Page } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { test, expect, gotoApp } from '../fixtures';

/** The last day of 2025年第二季度: the statistics count the roster of that day. */
const PERIOD_END = '2025-06-30';
const QUARTERS = ['一', '二', '三', '四'];

/** A form field by its label; a required one may read `* 年度`. */
function field(text: string): RegExp {
  return new RegExp(`^(\\* )?${text}$`);
}

/** antd may space out two-character button labels (保 存). */
function button(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s?')}$`);
}

/**
 * Chooses an entry of the open antd Select dropdown by its visible text. A click that lands while the list is
 * still filtering (a busy machine) is lost, so it is repeated until the list has closed.
 */
async function pick(page: Page, text: string) {
  const dropdown = page.locator('.ant-select-dropdown:visible');
  const option = dropdown.getByTitle(text, { exact: true });
  await expect(option).toBeVisible();
  await expect(async () => {
    if (await option.isVisible()) {
      await option.click({ timeout: 2000 });
    }
    await expect(dropdown).toHaveCount(0, { timeout: 1000 });
  }).toPass({ timeout: 10_000 });
}

async function choose(page: Page, scope: Locator, label: string, option: string, search?: string) {
  const select = scope.getByLabel(field(label));
  await select.click();
  if (search) {
    await select.fill(search);
  }
  await pick(page, option);
}

/** 思想状况 is a row of radio buttons: click its label, then make sure it took. */
async function chooseState(dialog: Locator, state: string) {
  await dialog.locator('label.ant-radio-button-wrapper').filter({ hasText: new RegExp(`^${state}$`) }).click();
  await expect(dialog.getByRole('radio', { name: state, exact: true })).toBeChecked();
}

/** Types a date and leaves the field (Enter would submit the form). */
async function typeDate(input: Locator, typed: string, shown: string) {
  await input.click();
  await input.fill(typed);
  await input.press('Tab');
  await expect(input).toHaveValue(shown);
}

async function loadDemo(page: Page) {
  await gotoApp(page);
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
}

async function openAnalyses(page: Page) {
  await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '思想动态分析' }).click();
  await expect(page.getByRole('heading', { name: '思想动态分析' })).toBeVisible();
}

interface RosterMember {
  name: string;
  gender: string;
  joinedOn: string;
  transferredInOn?: string;
  confirmedOn?: string;
  category: string;
  /** From 支部信息 (the committee and the 党小组长), as the app derives it: members store no post. */
  partyPost: string;
  departure?: { date: string };
}

/** The members as stored, read straight from IndexedDB: the test's own account of the roster. */
async function storedMembers(page: Page): Promise<RosterMember[]> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('branch-ledger');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
    });
    const getAll = <T,>(store: string) =>
      new Promise<T[]>((resolve, reject) => {
        const request = db.transaction(store).objectStore(store).getAll();
        request.onsuccess = () => resolve(request.result as T[]);
        request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'));
      });
    const all = await getAll<RosterMember>('members');
    type StoredBranch = { committee: { members: { memberId: string; role: string }[] }; partyGroups: { leaderId?: string }[] };
    const posts = new Map<string, string>();
    for (const branch of await getAll<StoredBranch>('branches')) {
      branch.partyGroups.forEach((g) => g.leaderId && posts.set(g.leaderId, '党小组长'));
      branch.committee.members.forEach((c) => posts.set(c.memberId, c.role));
    }
    db.close();
    return all.map((m) => ({ ...m, partyPost: posts.get((m as RosterMember & { id: string }).id) ?? '党员' }));
  });
}

/** On the roster on `day` (from 入党 or 转入 until the day of leaving), and 正式 that day. */
function rosterOn(members: RosterMember[], day: string) {
  const full = (m: RosterMember) => (m.confirmedOn ? m.confirmedOn.padEnd(10, '-01').slice(0, 10) <= day : m.category === '正式党员');
  const on = members.filter((m) => {
    const start = [m.joinedOn, m.transferredInOn ?? m.joinedOn].map((d) => (d.length === 7 ? `${d}-01` : d)).sort()[1];
    return start <= day && (!m.departure || m.departure.date > day);
  });
  return { on, full: on.filter(full), probationary: on.filter((m) => !full(m)) };
}

async function documentXml(download: Download): Promise<string> {
  const bytes = new Uint8Array(readFileSync(await download.path()));
  expect(strFromU8(bytes.slice(0, 2))).toBe('PK');
  return strFromU8(unzipSync(bytes)['word/document.xml']);
}

/** The count in the 人数 column of a statistics table row. */
async function countIn(page: Page, table: string, row: string): Promise<number> {
  const cells = page.getByRole('table', { name: `${table}统计表` }).getByRole('row').filter({ has: page.getByRole('cell', { name: row, exact: true }) }).getByRole('cell');
  return Number(await cells.nth(1).innerText());
}

/** This quarter and the one before, as the app names them, from the browser's clock. */
async function quarters(page: Page) {
  const [year, month] = await page.evaluate(() => [new Date().getFullYear(), new Date().getMonth() + 1]);
  const index = Math.floor((month - 1) / 3);
  const label = (y: number, i: number) => `${y}年第${QUARTERS[i]}季度`;
  return { current: label(year, index), previous: index > 0 ? label(year, index - 1) : label(year - 1, 3) };
}

test.describe('思想动态分析', () => {
  // Long flows (a whole analysis, two downloads) on a shared two-core machine.
  test.describe.configure({ timeout: 60_000 });

  test('2025年第二季度：两名党员（一名需关注，显示前隐藏），统计与名册一致，下载Word', async ({ page }) => {
    await loadDemo(page);
    const stored = await storedMembers(page);
    const roster = rosterOn(stored, PERIOD_END);
    // Two ordinary 党员 on the roster at the quarter's end.
    const [steady, attention] = roster.on.filter((m) => m.partyPost === '党员').map((m) => m.name);

    await openAnalyses(page);
    await page.getByRole('button', { name: '新建分析' }).click();
    await expect(page.getByRole('heading', { name: '新建思想动态分析' })).toBeVisible();

    await choose(page, page.locator('form'), '年度', '2025年');
    await choose(page, page.locator('form'), '季度', '第二季度');
    await expect(page.getByText('2025年4月1日至2025年6月30日')).toBeVisible();
    // Nothing before 2025年第二季度 to copy from: the entries start empty.
    await expect(page.getByText(/^已复制上期/)).toBeHidden();
    await expect(page.getByRole('table', { name: '党员思想状况' })).toContainText('尚未登记党员思想状况');

    await page.getByRole('checkbox', { name: '座谈交流' }).check();
    await page.getByLabel(field('参与人数')).fill('20');
    await typeDate(page.getByLabel(field('报送日期')), '2025-07-05', '2025年7月5日');
    await page.getByLabel(field('总体评价')).fill('本季度党员思想总体稳定，工作积极性高。');
    await page.getByLabel(field('政治思想方面')).fill('党员坚决拥护党的路线方针政策。');
    await page.getByLabel(field('苗头性倾向性问题')).fill('个别党员学习积极性不高。');
    await page.getByLabel(field('原因分析')).fill('工作任务繁重，学习时间难以保证。');
    await page.getByLabel(field('措施')).fill('书记逐一谈心谈话，落实帮扶措施。');

    // Entry 1: 稳定.
    await page.getByRole('button', { name: '添加党员' }).click();
    let dialog = page.getByRole('dialog', { name: '添加党员思想状况' });
    await choose(page, dialog, '党员', steady, steady);
    await dialog.getByLabel(field('工作表现')).fill('优秀');
    await dialog.getByLabel(field('具体表现')).fill('主动承担重点任务，工作成效明显。');
    await dialog.getByRole('button', { name: button('确定') }).click();
    await expect(dialog).toBeHidden();

    // Entry 2: 需关注, with details that must stay hidden.
    await page.getByRole('button', { name: '添加党员' }).click();
    dialog = page.getByRole('dialog', { name: '添加党员思想状况' });
    await choose(page, dialog, '党员', attention, attention);
    await chooseState(dialog, '需关注');
    await dialog.getByLabel(field('具体表现')).fill('家中老人患病住院，情绪低落。');
    await dialog.getByLabel(field('帮扶措施')).fill('协调调整工作，党小组定期看望。');
    await dialog.getByRole('button', { name: button('确定') }).click();
    await expect(dialog).toBeHidden();

    const formEntries = page.getByRole('table', { name: '党员思想状况' });
    await expect(formEntries.getByRole('row')).toHaveCount(3);
    await expect(formEntries).toContainText(steady);
    await expect(formEntries).toContainText('需关注（已隐藏）');
    await expect(formEntries).not.toContainText(attention);
    await expect(formEntries).not.toContainText('家中老人患病');
    await page.screenshot({ path: '/tmp/analyses-form.png', fullPage: true });

    await page.getByRole('button', { name: button('保存') }).click();
    await expect(page.getByRole('heading', { name: '2025年第二季度思想动态分析' })).toBeVisible();
    await expect(page.getByText('2025年7月5日报送')).toBeVisible();

    // ── The entries: 需关注 hidden until revealed after a confirmation ───────────────────────────────────
    await page.getByRole('tab', { name: '党员思想状况（2）' }).click();
    const entries = page.getByRole('table', { name: '党员思想状况' });
    await expect(entries).toContainText(steady);
    await expect(entries).toContainText('主动承担重点任务');
    await expect(entries).toContainText('需关注（已隐藏）');
    await expect(entries).not.toContainText(attention);
    await expect(entries).not.toContainText('家中老人患病住院');
    await page.getByRole('button', { name: '显示敏感内容' }).click();
    const confirm = page.getByRole('dialog', { name: '显示敏感内容' });
    await confirm.getByRole('button', { name: '确认显示' }).click();
    await expect(entries).toContainText(attention);
    await expect(entries).toContainText('家中老人患病住院，情绪低落。');
    await expect(entries).not.toContainText('需关注（已隐藏）');
    await page.getByRole('button', { name: '隐藏敏感内容' }).click();
    await expect(entries).not.toContainText(attention);

    // ── 队伍统计 matches the roster of 30 June 2025 ──────────────────────────────────────────────────────
    await page.getByRole('tab', { name: '队伍统计' }).click();
    expect(roster.on.length).toBeGreaterThan(0);
    expect(await countIn(page, '党员类别', '正式党员')).toBe(roster.full.length);
    expect(await countIn(page, '党员类别', '预备党员')).toBe(roster.probationary.length);
    expect(await countIn(page, '党员类别', '合计')).toBe(roster.on.length);
    expect(await countIn(page, '性别', '男')).toBe(roster.on.filter((m) => m.gender === '男').length);
    expect(await countIn(page, '性别', '女')).toBe(roster.on.filter((m) => m.gender === '女').length);
    expect(await countIn(page, '年龄结构', '合计')).toBe(roster.on.length);
    expect(await countIn(page, '党龄结构', '预备党员（不计党龄）')).toBe(roster.probationary.length);
    await expect(page.getByText(`截至2025年6月30日，支部共有党员${roster.on.length}名，其中正式党员${roster.full.length}名`)).toBeVisible();
    // The charts draw (echarts loads on first use).
    await expect(page.getByRole('figure', { name: '党员类别图表' }).locator('canvas')).toHaveCount(1);
    await expect(page.getByRole('figure', { name: '年龄结构图表' }).locator('canvas')).toHaveCount(1);
    await page.screenshot({ path: '/tmp/analyses-statistics.png', fullPage: true });

    // ── The report: print view and Word, 需关注 details only when ticked ─────────────────────────────────
    await page.getByRole('button', { name: '分析报告' }).click();
    const sheet = page.getByRole('article', { name: '思想动态分析报告' });
    await expect(sheet.getByRole('heading', { name: '2025年第二季度党员思想动态分析报告' })).toBeVisible();
    expect(await sheet.evaluate((el) => getComputedStyle(el).getPropertyValue('page'))).toBe('analysis-report');
    for (const heading of ['一、总体情况', '二、主要表现', '三、原因分析', '四、对策建议', '党员队伍状况分析']) {
      await expect(sheet.getByRole('heading', { name: heading })).toBeVisible();
    }
    await expect(sheet).toContainText('工作任务繁重，学习时间难以保证。');
    await expect(sheet).toContainText(steady);
    await expect(sheet).not.toContainText(attention);
    await expect(sheet).toContainText('另有1名需重点关注党员的具体情况涉及个人隐私');
    await page.screenshot({ path: '/tmp/analyses-print.png', fullPage: true });

    let downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载Word' }).click();
    let download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^中共示例市民政局机关第一支部委员会_2025年第二季度_思想动态分析报告\.docx$/);
    let xml = await documentXml(download);
    expect(xml).toContain('2025年第二季度党员思想动态分析报告');
    expect(xml).toContain(steady);
    expect(xml).not.toContain(attention);
    expect(xml).not.toContain('家中老人患病住院');

    await page.getByRole('checkbox', { name: '包含需关注人员详情' }).check();
    await expect(sheet).toContainText(attention);
    downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载Word' }).click();
    download = await downloading;
    xml = await documentXml(download);
    expect(xml).toContain(attention);
    expect(xml).toContain('家中老人患病住院，情绪低落。');

    // ── Listed by period, and still there after a reload ─────────────────────────────────────────────────
    await page.getByRole('button', { name: '返回' }).click();
    await page.reload();
    await openAnalyses(page);
    const row = page.getByRole('table', { name: '思想动态分析列表' }).getByRole('row').filter({ hasText: '2025年第二季度' });
    await expect(row).toContainText('2人');
    await expect(row).toContainText('2025年7月5日');
  });

  test('新建下期复制上期的登记，对比上期列出状况变化', async ({ page }) => {
    await loadDemo(page);
    const roster = rosterOn(await storedMembers(page), '2024-09-30');
    const [changing, staying] = roster.on.filter((m) => m.partyPost === '党员' && rosterOn([m], '2024-12-31').on.length === 1).map((m) => m.name);

    await openAnalyses(page);
    await page.getByRole('button', { name: '新建分析' }).click();
    await choose(page, page.locator('form'), '年度', '2024年');
    await choose(page, page.locator('form'), '季度', '第三季度');
    for (const [name, state] of [
      [changing, '较稳定'],
      [staying, '稳定'],
    ]) {
      await page.getByRole('button', { name: '添加党员' }).click();
      const dialog = page.getByRole('dialog', { name: '添加党员思想状况' });
      await choose(page, dialog, '党员', name, name);
      await chooseState(dialog, state);
      await dialog.getByRole('button', { name: button('确定') }).click();
      await expect(dialog).toBeHidden();
    }
    await page.getByRole('button', { name: button('保存') }).click();
    await expect(page.getByRole('heading', { name: '2024年第三季度思想动态分析' })).toBeVisible();
    await page.getByRole('tab', { name: '对比上期' }).click();
    await expect(page.getByText('没有更早的分析可以对比')).toBeVisible();

    // 新建 the next quarter: the entries are copied, only the change is written.
    await page.getByRole('button', { name: '新建2024年第四季度分析' }).click();
    await expect(page.getByText('已复制上期（2024年第三季度）2名党员的思想状况，只需修改有变化的内容。')).toBeVisible();
    const formEntries = page.getByRole('table', { name: '党员思想状况' });
    await expect(formEntries.getByRole('row')).toHaveCount(3);
    await formEntries.getByRole('row').filter({ hasText: changing }).getByRole('button', { name: button('编辑') }).click();
    const dialog = page.getByRole('dialog', { name: '编辑党员思想状况' });
    await chooseState(dialog, '需关注');
    await dialog.getByLabel(field('存在问题')).fill('工作压力大，情绪波动。');
    await dialog.getByRole('button', { name: button('确定') }).click();
    await expect(formEntries).toContainText('需关注（已隐藏）');
    await expect(formEntries).not.toContainText(changing);
    await page.getByRole('button', { name: button('保存') }).click();
    await expect(page.getByRole('heading', { name: '2024年第四季度思想动态分析' })).toBeVisible();

    await page.getByRole('tab', { name: '对比上期' }).click();
    await expect(page.getByText(/思想状况有变化 1 人，无变化 1 人/)).toBeVisible();
    const comparison = page.getByRole('table', { name: '对比上期' });
    await expect(comparison).toContainText('需加强关注');
    await expect(comparison).toContainText('较稳定');
    await expect(comparison).toContainText('需关注（已隐藏）');
    await expect(comparison).not.toContainText(changing);
    await page.getByRole('button', { name: '显示敏感内容' }).click();
    await page.getByRole('dialog', { name: '显示敏感内容' }).getByRole('button', { name: '确认显示' }).click();
    await expect(comparison).toContainText(changing);
    await page.screenshot({ path: '/tmp/analyses-comparison.png', fullPage: true });
  });

  test('工作台：本期分析和分析后尚未谈话的需关注党员（名单显示前隐藏）', async ({ page }) => {
    await loadDemo(page);
    const { current } = await quarters(page);
    // The card titled 思想动态分析 (the 待办 list links to the module with the same words).
    const panel = page.locator('.ant-card').filter({ has: page.locator('.ant-card-head-title').getByText('思想动态分析', { exact: true }) });
    await expect(panel.getByRole('list', { name: '本期思想动态分析' })).toContainText(current);
    await expect(panel.getByRole('list', { name: '本期思想动态分析' })).toContainText('新建分析');

    // 新建 proposes this quarter; one member (whoever the picker offers first) is 需关注.
    await openAnalyses(page);
    await page.getByRole('button', { name: '新建分析' }).click();
    await expect(page.getByRole('heading', { name: '新建思想动态分析' })).toBeVisible();
    await page.getByRole('button', { name: '添加党员' }).click();
    const dialog = page.getByRole('dialog', { name: '添加党员思想状况' });
    await dialog.getByLabel(field('党员')).click();
    const first = page.locator('.ant-select-dropdown:visible .ant-select-item-option').first();
    const name = (await first.getAttribute('title')) ?? '';
    expect(name).not.toBe('');
    await first.click();
    await chooseState(dialog, '需关注');
    await dialog.getByRole('button', { name: button('确定') }).click();
    await expect(dialog).toBeHidden();
    await page.getByRole('button', { name: button('保存') }).click();
    await expect(page.getByRole('heading', { name: `${current}思想动态分析` })).toBeVisible();

    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '工作台' }).click();
    await expect(panel.getByRole('list', { name: '本期思想动态分析' })).toContainText('已完成，未报送');
    await expect(panel).toContainText(/\d+名需关注党员在分析后尚无谈心谈话记录/);
    await expect(panel).not.toContainText(name);
    await panel.getByRole('button', { name: '显示名单' }).click();
    await page.getByRole('dialog', { name: '显示敏感内容' }).getByRole('button', { name: '确认显示' }).click();
    await expect(panel.getByRole('list', { name: '需关注党员' })).toContainText(name);
    await page.screenshot({ path: '/tmp/analyses-dashboard.png', fullPage: true });
  });
});
