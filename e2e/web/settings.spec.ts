import type { Page } from '@playwright/test';
import { test, expect, gotoApp } from '../fixtures';

/** antd puts a space between the two characters of a two-character button (创 建): match with or without it. */
function label(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s?')}$`);
}

/** Chooses an entry in the open antd Select dropdown by its visible text. */
async function pick(page: Page, text: string) {
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText(text, { exact: true }).click();
}

async function createBranch(page: Page, name: string) {
  const dialog = page.getByRole('dialog', { name: '创建支部' });
  await dialog.getByLabel('支部全称').fill(name);
  await dialog.getByRole('button', { name: label('创建') }).click();
  await expect(dialog).toBeHidden();
}

async function firstBranch(page: Page, name: string) {
  await gotoApp(page);
  await page.getByRole('button', { name: '创建支部' }).click();
  await createBranch(page, name);
  await expect(page.getByRole('banner')).toContainText(name);
}

async function openSettings(page: Page, tab: '支部信息' | '支部管理' = '支部信息') {
  await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

test.describe('设置', () => {
  test('修改支部全称和选举日期，届满日期自动计算，刷新后仍在', async ({ page }) => {
    await firstBranch(page, '中共测试市审计局机关支部委员会');
    await openSettings(page);

    await expect(page.getByText('正式党员不足7人，不设支部委员会，只设书记（必要时设副书记）')).toBeVisible();
    await expect(page.getByText('填写选举日期后自动计算')).toBeVisible();

    await page.getByLabel('支部全称').fill('中共测试市审计局机关第一支部委员会');
    await page.getByLabel('选举日期').fill('2024-05-10');
    await page.getByLabel('选举日期').press('Tab');
    await expect(page.getByLabel('选举日期')).toHaveValue('2024年5月10日');
    await expect(page.getByText('2027年5月10日', { exact: true })).toBeVisible();
    await expect(page.getByText('有未保存的修改')).toBeVisible();
    await page.screenshot({ path: '/tmp/settings-info.png', fullPage: true });

    await page.getByRole('button', { name: label('保存') }).click();
    await expect(page.getByText('已保存')).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('中共测试市审计局机关第一支部委员会');

    await page.reload();
    await expect(page.getByLabel('支部全称')).toHaveValue('中共测试市审计局机关第一支部委员会');
    await expect(page.getByLabel('选举日期')).toHaveValue('2024年5月10日');
    await expect(page.getByText('2027年5月10日', { exact: true })).toBeVisible();

    // 任期年限 5 years moves 届满日期 along.
    await page.getByLabel('任期年限').fill('5');
    await expect(page.getByText('2029年5月10日', { exact: true })).toBeVisible();
  });

  test('示例支部：支委会可设全部职务，党小组显示人数，改名保存', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await openSettings(page);

    await expect(page.getByText('这是示例数据')).toBeVisible();
    await expect(page.getByText('正式党员不足7人')).toHaveCount(0);
    const committee = page.getByRole('list', { name: '支委会成员' }).getByRole('listitem');
    await expect(committee).toHaveCount(5);
    await expect(committee.nth(0)).toContainText('书记');
    await expect(committee.nth(4)).toContainText('纪检委员');

    const groups = page.getByRole('list', { name: '党小组' }).getByRole('listitem');
    await expect(groups).toHaveCount(3);
    await expect(groups.nth(0)).toContainText(/党员 \d+ 人/);
    await expect(page.getByRole('button', { name: '删除党小组 第一党小组' })).toBeDisabled();

    await page.getByLabel('第1个党小组的名称').fill('机关综合党小组');
    await page.getByLabel('第2位支委的分工').fill('协助书记工作，负责意识形态');
    await page.screenshot({ path: '/tmp/settings-demo.png', fullPage: true });
    await page.getByRole('button', { name: label('保存') }).click();
    await expect(page.getByText('已保存')).toBeVisible();

    await page.reload();
    await expect(page.getByLabel('第1个党小组的名称')).toHaveValue('机关综合党小组');
    await expect(page.getByLabel('第2位支委的分工')).toHaveValue('协助书记工作，负责意识形态');
  });

  test('支委会只能有一名书记，保存前提示', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await openSettings(page);

    await page.getByLabel('第2位支委的职务').click();
    await pick(page, '书记');
    await page.getByRole('button', { name: label('保存') }).click();
    await expect(page.getByText('书记只能有一名')).toBeVisible();
    await expect(page.getByText('已保存')).toHaveCount(0);
  });

  test('两个支部：页头切换框在两者之间切换', async ({ page }) => {
    await firstBranch(page, '中共测试市商务局机关第一支部委员会');
    await openSettings(page, '支部管理');
    await page.getByRole('button', { name: '新建支部' }).click();
    await createBranch(page, '中共测试市商务局机关第二支部委员会');

    const header = page.getByRole('banner');
    await expect(header).toContainText('中共测试市商务局机关第二支部委员会');
    const table = page.getByRole('table');
    await expect(table.getByRole('row')).toHaveCount(3);
    await page.screenshot({ path: '/tmp/settings-branches.png', fullPage: true });

    const switcher = header.getByRole('combobox', { name: '当前支部' });
    await switcher.click();
    await pick(page, '中共测试市商务局机关第一支部委员会');
    await expect(header).toContainText('中共测试市商务局机关第一支部委员会');
    await expect(header).not.toContainText('第二支部');

    await switcher.click();
    await pick(page, '中共测试市商务局机关第二支部委员会');
    await expect(header).toContainText('中共测试市商务局机关第二支部委员会');

    // 支部管理 switches too.
    await page.getByRole('button', { name: '切换到 中共测试市商务局机关第一支部委员会' }).click();
    await expect(header).toContainText('中共测试市商务局机关第一支部委员会');
  });

  test('删除支部须输入支部全称确认，删除后切到剩下的支部', async ({ page }) => {
    await firstBranch(page, '中共测试市水务局机关第一支部委员会');
    await openSettings(page, '支部管理');
    await page.getByRole('button', { name: '新建支部' }).click();
    await createBranch(page, '中共测试市水务局机关第二支部委员会');

    await page.getByRole('button', { name: '删除 中共测试市水务局机关第二支部委员会' }).click();
    const dialog = page.getByRole('dialog', { name: '删除支部' });
    const confirm = dialog.getByRole('button', { name: '永久删除' });
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('输入支部全称以确认删除').fill('中共测试市水务局机关第一支部委员会');
    await expect(confirm).toBeDisabled();
    await dialog.getByLabel('输入支部全称以确认删除').fill('中共测试市水务局机关第二支部委员会');
    await confirm.click();

    await expect(page.getByText('已删除 中共测试市水务局机关第二支部委员会')).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('中共测试市水务局机关第一支部委员会');
    await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  });

  test('移除示例数据后回到欢迎页', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await openSettings(page, '支部管理');
    await expect(page.getByRole('table').getByText('示例', { exact: true })).toBeVisible();

    await page.getByRole('button', { name: '移除示例数据' }).click();
    await page.getByRole('button', { name: label('移除') }).click();
    await expect(page.getByRole('heading', { name: '欢迎使用支部台账' })).toBeVisible();

    // Starting again lands on 工作台, not on the settings page the demo was removed from.
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  });
});
