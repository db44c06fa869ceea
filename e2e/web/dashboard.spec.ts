import type { Page } from '@playwright/test';
import { test, expect, gotoApp } from '../fixtures';

/** Today where the app runs: year, month and quarter, as the 工作台 names its periods. */
async function now(page: Page) {
  const [year, month] = await page.evaluate(() => [new Date().getFullYear(), new Date().getMonth() + 1]);
  const quarter = '一二三四'[Math.floor((month - 1) / 3)];
  return { year, month, quarter };
}

/** antd puts a space between the two characters of a two-character button (创 建): match with or without it. */
function label(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s?')}$`);
}

test.describe('工作台', () => {
  test('加载示例数据后显示党员人数、届满日期和待转正的预备党员', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();

    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
    await expect(page.getByRole('banner').getByText('示例数据')).toBeVisible();
    await expect(page.getByText('正式党员 23 人')).toBeVisible();
    await expect(page.getByText('预备党员 2 人')).toBeVisible();

    // The demo committee was elected 2 years 8 months ago: 届满 in 4 months.
    const term = page.getByText(/^届满日期：\d{4}年\d{1,2}月\d{1,2}日/);
    await expect(term).toBeVisible();
    await expect(term).toContainText('还有 4 个月');

    // Exactly one 预备党员 is due within a month; the other joined half a year ago.
    const due = page.getByRole('list', { name: '待转正的预备党员' }).getByRole('listitem');
    await expect(due).toHaveCount(1);
    await expect(due).toContainText(/入党时间 \d{4}年\d{1,2}月\d{1,2}日/);
    await expect(due).toContainText(/预备期满 \d{4}年\d{1,2}月\d{1,2}日/);
    await expect(due).toContainText(/还有 \d+ 天/);
    await expect(page.getByRole('region', { name: '组织设置提醒' })).toHaveCount(0);

    await page.screenshot({ path: '/tmp/dashboard-demo.png', fullPage: true });

    // Each line opens its place: the 预备党员 in 党员花名册, the committee in 设置.
    const name = await due.getByRole('link').innerText();
    await due.getByRole('link').click();
    await expect(page).toHaveURL(/#\/members\/[0-9a-f-]+$/);
    await expect(page.getByRole('dialog')).toContainText(name);
    await page.goBack();
    await page.getByRole('link', { name: '支部信息' }).click();
    await expect(page.getByRole('tab', { name: '支部信息', selected: true })).toBeVisible();
  });

  test('新支部提示未填写选举日期和正式党员不足，并链接到设置', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '创建支部' }).click();
    const dialog = page.getByRole('dialog', { name: '创建支部' });
    await dialog.getByLabel('支部全称').fill('中共测试市统计局机关支部委员会');
    await dialog.getByRole('button', { name: label('创建') }).click();

    await expect(page.getByText('正式党员 0 人')).toBeVisible();
    await expect(page.getByRole('region', { name: '组织设置提醒' })).toContainText('还没有登记正式党员');
    await expect(page.getByRole('region', { name: '组织设置提醒' })).toContainText('支部条例 第四条');
    await expect(page.getByText('3个月内没有预备期满的预备党员')).toBeVisible();
    await page.screenshot({ path: '/tmp/dashboard-new.png', fullPage: true });

    await page.getByRole('link', { name: '未填写选举日期' }).click();
    await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
    await expect(page.getByLabel('选举日期')).toBeVisible();
  });

  test('示例数据：会议完成情况显示本月未开的支委会，记录本季度党员大会后显示已开', async ({ page }) => {
    await gotoApp(page);
    // ECharts comes in its own chunk, only when the charts come into view.
    const chartChunks: string[] = [];
    page.on('request', (request) => {
      if (/DashboardCharts-[^/]*\.js$/.test(request.url())) {
        chartChunks.push(request.url());
      }
    });
    await page.getByRole('button', { name: '加载示例数据' }).click();
    const { year, month, quarter } = await now(page);

    const matrix = page.getByRole('table', { name: '会议完成情况' });
    await expect(matrix.getByRole('columnheader', { name: '12月' })).toBeVisible();
    // The demo holds 支委会 most months but not this one, and leaves this quarter's 党员大会 to the user.
    const committeeNow = matrix.getByRole('link', { name: `支部委员会会议 ${year}年${month}月：本月未开` });
    await expect(committeeNow).toHaveText('本月未开');
    const congressNow = matrix.getByRole('link', { name: `支部党员大会 ${year}年第${quarter}季度：本季度未开` });
    await expect(congressNow).toBeVisible();
    // A quarterly cell spans three month columns.
    await expect(congressNow.locator('xpath=ancestor::td[1]')).toHaveAttribute('colspan', '3');

    // 待办与提醒 says the same, with its article and a way to put it right.
    const todo = page.getByRole('list', { name: '待办与提醒' }).getByRole('listitem');
    const committeeTodo = todo.filter({ hasText: '本月尚未召开支部委员会会议' });
    await expect(committeeTodo).toContainText('依据：《中国共产党支部工作条例（试行）》第十二条');
    await expect(todo.filter({ hasText: '届满' })).toContainText('请提前做好换届准备');

    // 谈心谈话: the demo covers 6 of the 10 pairs of 支委.
    await expect(page.getByRole('region', { name: '支委之间覆盖率' })).toContainText('已完成 6/10（60%）');
    await expect(page.getByRole('region', { name: '必谈事项' })).toContainText(/\d+ 项未谈/);

    // Charts load when scrolled to.
    expect(chartChunks).toEqual([]);
    await page.getByText('统计图表').scrollIntoViewIfNeeded();
    await expect(page.getByRole('img', { name: new RegExp(`^${year}年各月召开的会议：`) })).toBeVisible();
    await expect(page.getByRole('img', { name: new RegExp(`^${year}年谈心谈话覆盖率：`) })).toBeVisible();
    expect(chartChunks).toHaveLength(1);
    await page.screenshot({ path: '/tmp/dash-demo.png', fullPage: true });

    // The missing cell opens 新建 of that type; record this quarter's 党员大会.
    await congressNow.click();
    await expect(page.getByRole('heading', { name: '新建支部党员大会' })).toBeVisible();
    await page.getByLabel('地点', { exact: true }).fill('机关一楼会议室');
    const title = await page.getByLabel('会议名称', { exact: true }).inputValue();
    await page.getByRole('button', { name: label('保存') }).click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();

    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '工作台' }).click();
    const congressDone = matrix.getByRole('link', { name: `支部党员大会 ${year}年第${quarter}季度：已开` });
    await expect(congressDone).toHaveText('已开');
    await expect(todo.filter({ hasText: '本季度尚未召开支部党员大会' })).toHaveCount(0);
    await page.screenshot({ path: '/tmp/dash-recorded.png', fullPage: true });
    // A held cell opens its meeting.
    await congressDone.click();
    await expect(page.getByRole('heading', { name: title })).toBeVisible();

    // The 待办 line of the 支委会 opens 新建支委会.
    await page.goBack();
    await committeeTodo.getByRole('link', { name: '新建会议记录' }).click();
    await expect(page.getByRole('heading', { name: '新建支部委员会' })).toBeVisible();
  });

  test('示例数据：学时不足的党员归并为一类待办，展开后链接到当年的学习学时', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    const { year } = await now(page);
    const todo = page.getByRole('list', { name: '待办与提醒' });
    const hours = todo.getByRole('listitem').filter({ hasText: /^.*学习培训学时：\d+ 项/ }).first();
    await expect(hours).toContainText(`${year}年`);
    await hours.getByRole('button', { name: /^展开 \d+ 项$/ }).click();
    const line = hours.getByRole('listitem').filter({ hasText: new RegExp(`^党员.+${year}年学习培训[\\d.]+学时，距32学时还差[\\d.]+学时`) }).first();
    await expect(line).toContainText('全国党员教育培训工作规划');
    await line.getByRole('link', { name: '学习学时' }).click();
    await expect(page).toHaveURL(new RegExp(`#/training\\?year=${year}$`));
    await expect(page.getByRole('heading', { name: '学习培训学时' })).toBeVisible();
  });

  test('年度选择：上一年只有示例的组织生活会和民主评议', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    const { year } = await now(page);
    await page.getByRole('combobox', { name: '年度' }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(`${year - 1}年`, { exact: true }).click();

    await expect(page.getByText(`${year - 1}年会议完成情况`)).toBeVisible();
    const matrix = page.getByRole('table', { name: '会议完成情况' });
    await expect(matrix.getByRole('link', { name: `组织生活会 ${year - 1}年：已开` })).toBeVisible();
    await expect(matrix.getByRole('link', { name: `支部委员会会议 ${year - 1}年1月：未开` })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`year=${year - 1}`));

    // 补录: a missing month of a past year opens 新建 on that month, not on today.
    await matrix.getByRole('link', { name: `支部委员会会议 ${year - 1}年1月：未开` }).click();
    await expect(page.getByRole('heading', { name: '新建支部委员会' })).toBeVisible();
    await expect(page.getByLabel('开始时间')).toHaveValue(`${year - 1}年1月1日 14:30`);
  });

  test('今天创建的支部：不提示以前月份缺开会议，谈心谈话“未设支部委员会”而不是 0/0（100%）；在支部信息中改台账起始日期后重新检查', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '创建支部' }).click();
    const dialog = page.getByRole('dialog', { name: '创建支部' });
    await dialog.getByLabel('支部全称').fill('中共测试市统计局机关支部委员会');
    await expect(dialog.getByLabel('台账起始日期')).toBeVisible();
    await dialog.getByRole('button', { name: label('创建') }).click();

    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
    const dueCard = page.locator('.ant-card').filter({ has: page.getByText(/^待办与提醒/) });
    await expect(dueCard).toBeVisible();
    // Only what is true today: no 正式党员 yet (支部条例 第四条).
    await expect(dueCard.getByText('1 项须处理')).toBeVisible();
    // Nothing reported for a month, quarter or year that ended before today (the day the ledger starts).
    await expect(dueCard.getByText(/^\d{4}年.*未(召开|开展|组织|登记)/)).toHaveCount(0);
    await expect(dueCard.getByText('须整改')).toHaveCount(0);
    await expect(page.getByRole('table', { name: '会议完成情况' }).getByRole('link', { name: /：未开$/ })).toHaveCount(0);
    await expect(page.getByRole('region', { name: '支委之间覆盖率' })).toContainText('未设支部委员会，不适用');
    await expect(page.getByText('（100%）')).toHaveCount(0);
    await expect(page.getByRole('list', { name: '本期思想动态分析' })).not.toContainText('未开展');

    // 支部信息 shows what the empty 台账起始日期 stands for.
    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '设置' }).click();
    const { year, month } = await now(page);
    await expect(page.getByText(new RegExp(`不填则按 ${year}年${month}月\\d{1,2}日（支部创建当天）`))).toBeVisible();

    // Set back to the first day of the year in 支部信息: the months since then are checked again.
    await page.getByLabel('台账起始日期').fill(`${year}-01-01`);
    await page.getByLabel('台账起始日期').press('Tab');
    await page.getByRole('button', { name: label('保存') }).click();
    await expect(page.getByText('已保存')).toBeVisible();
    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '工作台' }).click();
    if (month > 1) {
      await expect(page.getByRole('table', { name: '会议完成情况' }).getByRole('link', { name: `主题党日活动 ${year}年1月：未开` })).toBeVisible();
    }
  });

  test('台账起始日期之后缺开的月份按类别归并，可展开；“补录”打开那个月的新建表单和标题', async ({ page }) => {
    await gotoApp(page);
    const { year } = await now(page);
    const last = year - 1;
    await page.getByRole('button', { name: '创建支部' }).click();
    const dialog = page.getByRole('dialog', { name: '创建支部' });
    await dialog.getByLabel('支部全称').fill('中共测试市统计局机关支部委员会');
    await dialog.getByLabel('台账起始日期').fill(`${last}-01-01`);
    await dialog.getByLabel('台账起始日期').press('Tab');
    await dialog.getByRole('button', { name: label('创建') }).click();
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

    await page.getByRole('combobox', { name: '年度' }).click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(`${last}年`, { exact: true }).click();
    const todo = page.getByRole('list', { name: '待办与提醒' });
    // Twelve missed 主题党日 are one folded line with its count and span.
    const themeDays = todo.getByRole('listitem').filter({ hasText: '主题党日：12 项' });
    await expect(themeDays).toContainText(`${last}年1月—${last}年12月`);
    await expect(todo.getByText(`${last}年1月未开展主题党日活动`)).toHaveCount(0);
    await themeDays.getByRole('button', { name: '展开 12 项' }).click();
    const january = themeDays.getByRole('listitem').filter({ hasText: `${last}年1月未开展主题党日活动` });
    await expect(january).toBeVisible();
    await page.screenshot({ path: '/tmp/dashboard-grouped.png', fullPage: true });

    await january.getByRole('link', { name: '补录' }).click();
    await expect(page.getByRole('heading', { name: '新建主题党日' })).toBeVisible();
    await expect(page.getByLabel('开始时间')).toHaveValue(`${last}年1月1日 14:30`);
    await expect(page.getByLabel('会议名称', { exact: true })).toHaveValue(`${last}年1月主题党日`);
  });

  test('短页面的框架铺满窗口，不留白条；页面有自己的图标，没有失败的请求', async ({ page }) => {
    const failed: string[] = [];
    page.on('requestfailed', (request) => failed.push(`${request.url()} ${request.failure()?.errorText ?? ''}`));
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.url()} ${response.status()}`);
    });
    await page.setViewportSize({ width: 1440, height: 900 });
    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '台账导入导出' }).click();
    await expect(page.getByRole('heading', { name: '台账导入导出' })).toBeVisible();
    await expect(page.getByText('还没有导入过')).toBeVisible();

    // The frame reaches the bottom of the window: the content's grey and the menu go down to it.
    const frame = await page.evaluate(() => {
      const bottom = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().bottom;
      const corner = document.elementFromPoint(window.innerWidth - 20, window.innerHeight - 5);
      return {
        window: window.innerHeight,
        content: bottom('.ant-layout-content'),
        menu: bottom('.ant-layout-sider'),
        cornerInContent: Boolean(corner?.closest('.ant-layout-content')),
      };
    });
    expect(frame.content).toBeCloseTo(frame.window, 0);
    expect(frame.menu).toBeCloseTo(frame.window, 0);
    expect(frame.cornerInContent).toBe(true);
    await page.screenshot({ path: '/tmp/short-page.png' });

    const icon = await page.evaluate(async () => {
      const link = document.querySelector<HTMLLinkElement>('link[rel="icon"]');
      return link ? { href: link.getAttribute('href'), status: (await fetch(link.href)).status } : null;
    });
    expect(icon).toEqual({ href: './favicon.png', status: 200 });
    expect(failed).toEqual([]);
  });
});
