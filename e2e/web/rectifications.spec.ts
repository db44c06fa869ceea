import type { Locator, Page } from '@playwright/test';
import { test, expect, gotoApp } from '../fixtures';
import { pickOption } from '../support/antd';

/** The heading of the 工作台 panel (RectificationDashboardPanel). */
const PANEL_TITLE = '整改任务（已逾期及14天内到期）';

/** A form field by its label; a required one may read `* 问题类别`. */
function field(text: string): RegExp {
  return new RegExp(`^(\\* )?${text}$`);
}

/** antd may space out two-character button labels (保 存). */
function button(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s?')}$`);
}

async function loadDemo(page: Page) {
  await gotoApp(page);
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
}

/** A calendar day `offset` days from today where the browser runs: as typed, and as the app shows it. */
async function day(page: Page, offset = 0) {
  const [y, m, d] = await page.evaluate((days) => {
    const date = new Date();
    date.setDate(date.getDate() + days);
    return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
  }, offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { typed: `${y}-${pad(m)}-${pad(d)}`, shown: `${y}年${m}月${d}日` };
}

const pick = pickOption;

/** Types a date and leaves the field (Enter would submit the form). */
async function typeDate(input: Locator, typed: string, shown: string) {
  await input.click();
  await input.fill(typed);
  await input.press('Tab');
  await expect(input).toHaveValue(shown);
}

/** Types a name into an AutoComplete and closes its list. */
async function typeName(input: Locator, name: string) {
  await input.fill(name);
  await input.press('Escape');
}

/** The value cell next to a label in a bordered antd Descriptions. */
function described(page: Page, label: string) {
  return page.getByRole('rowheader', { name: label, exact: true }).locator('xpath=following-sibling::td[1]');
}

/** The 书记 of the demo branch, as 设置 shows him or her in 支部委员会 (first committee member). */
async function secretaryName(page: Page): Promise<string> {
  await page.goto('/#/');
  const line = page.getByText(/^书记：/);
  await expect(line).toBeVisible();
  return (await line.getByRole('link').innerText()).trim();
}

test.describe('整改台账', () => {
  test('从思想动态分析生成整改任务，任务与分析互相链接', async ({ page }) => {
    await loadDemo(page);
    await page.goto('/#/analyses');
    const first = page.getByRole('main').getByRole('link', { name: /季度/ }).first();
    const period = (await first.innerText()).trim();
    await first.click();
    await page.getByRole('button', { name: '生成整改任务' }).click();
    await expect(page.getByRole('heading', { name: '新建整改任务' })).toBeVisible();
    await expect(page.getByText(`来源记录：思想动态分析：${period}`)).toBeVisible();
    const form = page.locator('form');
    await form.getByLabel(field('问题类别')).click();
    await pick(page, '作风建设');
    await form.getByLabel(field('存在问题')).fill('个别党员工作作风不够扎实');
    await page.getByRole('button', { name: button('保存') }).click();
    await expect(page.getByRole('heading', { name: '个别党员工作作风不够扎实' })).toBeVisible();

    // Back to the analysis: the task is listed among its 关联整改任务.
    await described(page, '来源记录').getByRole('link').click();
    await expect(page.getByRole('link', { name: '个别党员工作作风不够扎实' })).toBeVisible();
  });


  test('从组织生活会生成整改任务：缺佐证材料和审核人时销号被拒并说明缺什么，补齐后销号成功', async ({ page }) => {
    await loadDemo(page);
    const secretary = await secretaryName(page);
    const deadline = await day(page, 30);

    // ── A 组织生活会 on file ────────────────────────────────────────────────────────────────────────────
    await page.goto('/#/meetings/new?type=%E7%BB%84%E7%BB%87%E7%94%9F%E6%B4%BB%E4%BC%9A');
    const title = await page.getByLabel('会议名称', { exact: true }).inputValue();
    expect(title).toContain('组织生活会');
    await page.getByRole('button', { name: button('保存') }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();

    // ── 生成整改任务 from it: 问题来源 follows the meeting ───────────────────────────────────────────────
    await page.getByRole('button', { name: '生成整改任务' }).click();
    await expect(page.getByRole('heading', { name: '新建整改任务' })).toBeVisible();
    await expect(page.getByText(`来源记录：组织生活会：${title}`)).toBeVisible();
    const form = page.locator('form');
    // The selected 问题来源 shows with its title.
    await expect(form.getByTitle('组织生活会', { exact: true })).toBeVisible();
    await form.getByLabel(field('问题类别')).click();
    await pick(page, '政治建设');
    await form.getByLabel(field('存在问题')).fill('理论学习不够系统深入，学用结合不紧');
    await form.getByLabel(field('整改目标')).fill('理论学习制度化、常态化');
    await form.getByLabel(field('整改措施')).fill('制定年度学习计划，每月集中学习1次');
    await typeName(form.getByLabel(field('责任领导')), secretary);
    await typeName(form.getByLabel(field('责任人')), '宣传委员张三');
    await typeDate(form.getByLabel(field('完成时限')), deadline.typed, deadline.shown);
    await page.screenshot({ path: '/tmp/rectification-form.png', fullPage: true });
    await page.getByRole('button', { name: button('保存') }).click();

    // ── Detail: 未启动, linked back to the meeting ──────────────────────────────────────────────────────
    await expect(page.getByRole('heading', { name: '理论学习不够系统深入，学用结合不紧' })).toBeVisible();
    await expect(described(page, '状态')).toHaveText('未启动');
    await expect(described(page, '问题来源')).toHaveText('组织生活会');
    await expect(described(page, '完成时限')).toHaveText(deadline.shown);
    await expect(described(page, '来源记录').getByRole('link')).toContainText(title);

    await page.getByRole('button', { name: '开始整改' }).click();
    await expect(described(page, '状态')).toHaveText('整改中');

    // A dated line of 整改进展.
    await page.getByLabel('进展情况').fill('已印发年度学习计划');
    await page.getByRole('button', { name: '添加进展' }).click();
    await expect(page.getByRole('region', { name: '整改进展记录' })).toContainText('已印发年度学习计划');

    // 提交验收 with 完成情况.
    await page.getByRole('button', { name: '提交验收' }).click();
    const submit = page.getByRole('dialog', { name: '提交验收' });
    await submit.getByLabel('完成情况').fill('已开展集中学习3次，党员撰写学习体会12篇');
    await submit.getByRole('button', { name: '提交验收' }).click();
    await expect(submit).toBeHidden();
    await expect(described(page, '状态')).toHaveText('已完成待验收');

    // ── 销号 without 佐证材料 and 审核人: refused, naming both ─────────────────────────────────────────
    await page.getByRole('button', { name: button('销号') }).click();
    const close = page.getByRole('dialog', { name: '销号' });
    await expect(close).toContainText('未上传（至少一份）');
    await close.getByRole('button', { name: '确认销号' }).click();
    await expect(close.getByRole('alert')).toHaveText('不能销号：缺少佐证材料（至少上传一份）；缺少销号审核人');
    await page.screenshot({ path: '/tmp/rectification-refused.png', fullPage: true });
    await close.getByRole('button', { name: button('取消') }).click();
    await expect(close).toBeHidden();
    await expect(described(page, '状态')).toHaveText('已完成待验收');

    // ── Evidence, then a reviewer: 销号 goes through ──────────────────────────────────────────────────
    await page.locator('input[type=file]').setInputFiles({ name: '学习记录.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 学习记录') });
    await expect(page.getByText('已上传佐证材料 学习记录.pdf')).toBeVisible();
    await expect(page.getByRole('region', { name: '佐证材料列表' })).toContainText('学习记录.pdf');

    await page.getByRole('button', { name: button('销号') }).click();
    await expect(close).toContainText('1 份');
    await typeName(close.getByLabel('销号审核人'), secretary);
    await close.getByRole('button', { name: '确认销号' }).click();
    await expect(close).toBeHidden();
    await expect(described(page, '状态')).toHaveText('已销号');
    await expect(described(page, '销号审核人')).toHaveText(secretary);
    await expect(described(page, '销号日期')).toHaveText((await day(page)).shown);
    await expect(page.getByText(`销号（审核人 ${secretary}，${(await day(page)).shown}）`)).toBeVisible();
    await expect(page.getByRole('button', { name: button('删除') })).toHaveCount(0);
    // Its 佐证材料 are read-only: downloadable, neither deletable nor added to.
    const evidence = page.getByRole('region', { name: '佐证材料列表' });
    await expect(evidence.getByRole('button', { name: /下\s?载/ })).toBeVisible();
    await expect(evidence.getByRole('button', { name: /删\s?除/ })).toHaveCount(0);
    await expect(page.getByRole('button', { name: '上传佐证材料' })).toHaveCount(0);
    await expect(page.getByText('已销号：佐证材料按销号时留档，只能查看和下载。')).toBeVisible();
    await page.screenshot({ path: '/tmp/rectification-closed.png', fullPage: true });

    // Survives a reload; the link goes back to the meeting.
    await page.reload();
    await expect(described(page, '状态')).toHaveText('已销号');
    await described(page, '来源记录').getByRole('link').click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();
  });

  test('逾期的整改任务出现在工作台并标红，看板、按类别、按责任人均可查看', async ({ page }) => {
    await loadDemo(page);
    const past = await day(page, -3);
    const problem = '党建工作宣传力度不够（逾期测试）';

    await page.goto('/#/rectifications/new');
    const form = page.locator('form');
    await form.getByLabel(field('问题类别')).click();
    await pick(page, '群团建设');
    await form.getByLabel(field('存在问题')).fill(problem);
    await typeName(form.getByLabel(field('责任人')), '李四');
    await typeDate(form.getByLabel(field('完成时限')), past.typed, past.shown);
    await page.getByRole('button', { name: button('保存') }).click();
    await expect(page.getByRole('heading', { name: problem })).toBeVisible();
    await expect(page.getByText('逾期 3 天').first()).toBeVisible();

    // ── 工作台 ──────────────────────────────────────────────────────────────────────────────────────────
    await page.goto('/#/');
    const panel = page.locator('.ant-card').filter({ has: page.getByText(PANEL_TITLE, { exact: true }) });
    await expect(panel).toBeVisible();
    const overdue = panel.getByRole('list', { name: '逾期的整改任务' });
    const line = overdue.getByRole('listitem').filter({ hasText: problem });
    await expect(line).toContainText('逾期 3 天');
    await expect(line).toContainText(`完成时限 ${past.shown}`);
    await expect(line.locator('.ant-tag-red')).toHaveText('逾期 3 天');
    await page.screenshot({ path: '/tmp/rectification-dashboard.png', fullPage: true });
    await line.getByRole('link', { name: problem }).click();
    await expect(page.getByRole('heading', { name: problem })).toBeVisible();

    // ── The ledger's three views ────────────────────────────────────────────────────────────────────────
    await page.goto('/#/rectifications');
    await expect(page.getByRole('heading', { name: '整改台账' })).toBeVisible();
    const board = page.getByRole('list', { name: '整改任务看板' });
    for (const status of ['未启动', '整改中', '已完成待验收', '已销号', '长期坚持']) {
      await expect(board.getByRole('listitem', { name: status })).toBeVisible();
    }
    const card = board.getByRole('listitem', { name: '未启动' }).getByRole('link', { name: problem });
    await expect(card).toContainText('逾期 3 天');
    await expect(card).toHaveClass(/rectification-card-overdue/);
    await page.screenshot({ path: '/tmp/rectification-board.png', fullPage: true });

    await page.getByRole('radiogroup', { name: '查看方式' }).getByText('按类别').click();
    const category = page.getByRole('table', { name: '群团建设的整改任务' });
    await expect(category.getByRole('row').filter({ hasText: problem })).toHaveClass(/rectification-overdue-row/);

    await page.getByRole('radiogroup', { name: '查看方式' }).getByText('按责任人').click();
    await expect(page.getByRole('table', { name: '李四的整改任务' }).getByRole('link', { name: problem })).toBeVisible();

    await page.getByRole('switch', { name: '只看逾期' }).click();
    await expect(page.getByRole('table', { name: '李四的整改任务' })).toBeVisible();
  });
});
