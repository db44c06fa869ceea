import { fileURLToPath } from 'node:url';
import { test, expect, gotoApp } from '../fixtures';

const ROSTER = fileURLToPath(new URL('../fixtures-files/党员花名册.xlsx', import.meta.url));

test.describe('台账导入', () => {
  test('导入党员花名册：预览每行的操作和问题，导入后在花名册中，撤销后消失', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await expect(page.getByRole('menu', { name: '主菜单' })).toBeVisible();
    await page.goto('/#/ledgers');
    await expect(page.getByRole('heading', { name: '台账导入导出' })).toBeVisible();
    await expect(page.getByText('还没有导入过')).toBeVisible();

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件' }).click();
    await (await chooser).setFiles(ROSTER);

    // The preview: the ledger, its header row, the action of every row, warnings in their cells.
    await expect(page.getByText('预览：党员花名册.xlsx')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/识别为：党员花名册，表头在第3行，共 24 行数据/)).toBeVisible();
    await expect(page.getByTestId('import-summary')).toHaveText('新增 24 人，更新 0 人，跳过 0 人，冲突 0 人，有错误 0 行');
    await expect(page.getByTestId('import-selected')).toHaveText('将导入：新增 24 人，更新 0 人');

    await page.getByRole('switch', { name: '只看有问题的行' }).click();
    await expect(page.getByText('显示 4 行')).toBeVisible();
    await expect(page.getByText('提示：转正时间一般在入党一年后（延长预备期不超过一年），请核对')).toHaveCount(4);

    // One row left out.
    await page.getByRole('checkbox', { name: '导入第4行' }).uncheck();
    await expect(page.getByTestId('import-selected')).toHaveText('将导入：新增 23 人，更新 0 人');

    await page.getByRole('button', { name: /^导\s?入$/ }).click();
    const confirm = page.getByRole('dialog', { name: '确认导入' });
    await expect(confirm).toContainText('新增 23 名党员');
    await confirm.getByRole('button', { name: /^导\s?入$/ }).click();
    await expect(page.getByText('导入完成：新增 23 名党员，更新 0 名党员')).toBeVisible();
    await expect(page.getByText('新增 23 人，更新 0 人')).toBeVisible();

    await page.goto('/#/members');
    const search = page.getByPlaceholder('搜索姓名、拼音首字母或身份证号后几位');
    await search.fill('程博鑫');
    await expect(page.getByText('程博鑫', { exact: true })).toBeVisible();
    await search.fill('莫涛建');
    await expect(page.getByText('莫涛建', { exact: true })).toHaveCount(0);

    // 撤销本次导入 removes them again.
    await page.goto('/#/ledgers');
    await page.getByRole('button', { name: '撤销本次导入' }).click();
    await page.getByRole('dialog', { name: '撤销本次导入' }).getByRole('button', { name: '撤销导入' }).click();
    await expect(page.getByText('已撤销本次导入')).toBeVisible();
    await expect(page.getByText(/^已撤销（/)).toBeVisible();
    await expect(page.getByRole('button', { name: '撤销本次导入' })).toHaveCount(0);

    await page.goto('/#/members');
    await page.getByPlaceholder('搜索姓名、拼音首字母或身份证号后几位').fill('程博鑫');
    await expect(page.getByRole('heading', { name: '党员花名册' })).toBeVisible();
    await expect(page.getByText('程博鑫', { exact: true })).toHaveCount(0);
  });
});
