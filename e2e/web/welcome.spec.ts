import { test, expect, gotoApp } from '../fixtures';

/** antd puts a space between the two characters of a two-character button (创 建): match with or without it. */
function label(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s?')}$`);
}

test.describe('欢迎页', () => {
  test('创建支部后，页头切换框和左侧菜单都出现', async ({ page }) => {
    await gotoApp(page);
    await expect(page.getByRole('heading', { name: '欢迎使用支部台账' })).toBeVisible();
    await page.screenshot({ path: '/tmp/welcome.png' });

    await page.getByRole('button', { name: '创建支部' }).click();
    const dialog = page.getByRole('dialog', { name: '创建支部' });
    await expect(dialog.getByLabel('组织类别')).toBeVisible();
    await dialog.getByLabel('支部全称').fill('中共测试市财政局机关第一支部委员会');
    await dialog.getByLabel('上级党组织').fill('中共测试市财政局机关委员会');
    await dialog.getByLabel('成立日期').fill('2010-07-01');
    await dialog.getByLabel('成立日期').press('Tab');
    await page.screenshot({ path: '/tmp/welcome-create.png' });
    await dialog.getByRole('button', { name: label('创建') }).click();

    const header = page.getByRole('banner');
    await expect(header.getByRole('combobox', { name: '当前支部' })).toBeVisible();
    await expect(header).toContainText('中共测试市财政局机关第一支部委员会');
    const menu = page.getByRole('menu', { name: '主菜单' });
    await expect(menu.getByRole('menuitem', { name: '工作台' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: '设置' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

    await menu.getByRole('menuitem', { name: '设置' }).click();
    await expect(page.getByLabel('上级党组织')).toHaveValue('中共测试市财政局机关委员会');
    await expect(page.getByLabel('成立日期')).toHaveValue('2010年7月1日');
  });

  test('支部全称必填，创建前会提示', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '创建支部' }).click();
    const dialog = page.getByRole('dialog', { name: '创建支部' });
    await dialog.getByRole('button', { name: label('创建') }).click();
    await expect(dialog.getByText('请填写支部全称')).toBeVisible();
    await dialog.getByLabel('支部全称').fill('写了一半');
    await dialog.getByRole('button', { name: label('取消') }).click();
    // Something was typed: 取消 asks first.
    await page.getByRole('dialog', { name: '有未保存的修改，确定离开吗？' }).getByRole('button', { name: '离开' }).click();
    await expect(page.getByRole('heading', { name: '欢迎使用支部台账' })).toBeVisible();

    // Opened again, the form starts afresh with the default 组织类别.
    await page.getByRole('button', { name: '创建支部' }).click();
    await expect(dialog.getByLabel('支部全称')).toHaveValue('');
    await expect(dialog.getByText('党政机关')).toBeVisible();
  });
});
