import { test, expect, gotoApp } from '../fixtures';
import { pickOption } from '../support/antd';

/** antd spaces out two-character button labels (保 存). */
const SAVE = /^保\s?存$/;
const ADD = /^添\s?加$/;
const DELETE = /^删\s?除$/;
const TITLE = '青年党员读书班第一期';

test.describe('设置 → 会议类型', () => {
  test('添加自定义类型“读书班”，用它记录会议，被使用时不能删除', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    const menu = page.getByRole('menu', { name: '主菜单' });

    // ── 设置 → 会议类型: the built-in list read-only, then 添加 读书班 ─────────────────────────────────────
    await menu.getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('tab', { name: '会议类型' }).click();
    await expect(page.getByText('自定义类型不参与三会一课频次检查')).toBeVisible();
    const builtIn = page.getByLabel('内置会议类型', { exact: true });
    await expect(builtIn.getByRole('listitem')).toHaveCount(8);
    await expect(builtIn.getByRole('listitem').filter({ hasText: '党课' }).getByText('内置')).toBeVisible();
    await expect(builtIn.getByRole('button')).toHaveCount(0);

    await page.getByLabel('名称', { exact: true }).fill(' 读书班 ');
    await page.getByRole('button', { name: ADD }).click();
    await expect(page.getByText('已添加会议类型“读书班”')).toBeVisible();
    const custom = page.getByLabel('自定义会议类型', { exact: true });
    await expect(custom.getByText('读书班', { exact: true })).toBeVisible();

    // A duplicate is refused under the field.
    await page.getByLabel('名称', { exact: true }).fill('读书班');
    await page.getByRole('button', { name: ADD }).click();
    await expect(page.getByText('已有会议类型“读书班”')).toBeVisible();
    // The refused name is still typed: leaving asks first; 继续编辑 stays, then the field is cleared.
    await menu.getByRole('menuitem', { name: '会议记录' }).click();
    await expect(page.getByRole('dialog', { name: '有未保存的修改，确定离开吗？' })).toBeVisible();
    await page.getByRole('button', { name: '继续编辑' }).click();
    await expect(page.getByRole('tab', { name: '会议类型', selected: true })).toBeVisible();
    await page.getByLabel('名称', { exact: true }).fill('');

    // ── 会议记录 → 新建会议 of type 读书班 ─────────────────────────────────────────────────────────────
    await menu.getByRole('menuitem', { name: '会议记录' }).click();
    await expect(page.getByRole('heading', { name: '会议记录' })).toBeVisible();
    await page.getByRole('button', { name: '新建会议' }).click();
    await expect(page.getByRole('heading', { name: '新建会议' })).toBeVisible();
    await page.getByLabel('会议类型', { exact: true }).click();
    await pickOption(page, '读书班');
    await page.getByLabel('会议名称', { exact: true }).fill(TITLE);
    await page.getByRole('button', { name: SAVE }).click();
    await expect(page.getByRole('heading', { name: TITLE })).toBeVisible();

    // ── The list shows it with its type, and the type filter offers 读书班 ─────────────────────────────────
    await menu.getByRole('menuitem', { name: '会议记录' }).click();
    await expect(page.getByRole('heading', { name: '会议记录' })).toBeVisible();
    await page.getByLabel('类型', { exact: true }).click();
    await pickOption(page, '读书班');
    const row = page.locator('.ant-table-row').filter({ hasText: TITLE });
    await expect(row).toHaveCount(1);
    await expect(row.getByText('读书班', { exact: true })).toBeVisible();

    // ── Deleting the type is refused: one meeting uses it ──────────────────────────────────────────────
    await menu.getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('tab', { name: '会议类型' }).click();
    await custom.getByRole('button', { name: '删除读书班' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: DELETE }).click();
    const refusal = page.getByRole('dialog').filter({ hasText: '不能删除' });
    await expect(refusal).toContainText('还有1次会议使用“读书班”，不能删除');
    await refusal.getByRole('button').last().click();
    await expect(custom.getByText('读书班', { exact: true })).toBeVisible();
  });
});
