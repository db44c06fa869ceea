import { test, expect, gotoApp } from '../fixtures';

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
});
