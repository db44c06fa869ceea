import type { Page } from '@playwright/test';
import { test, expect, gotoApp } from '../fixtures';

/**
 * The later ledgers as a user meets them (so far 党费收缴), on the demo branch. The
 * clock is fixed at 2026-11-20 so that the demo's year of 党费 (2025-11 … 2026-10) and its meetings fall the same
 * way on every run.
 */
const TODAY = new Date('2026-11-20T10:00:00+08:00');

async function openWithDemoBranch(page: Page, path: string, heading: string, menu = heading) {
  await page.clock.setFixedTime(TODAY);
  await gotoApp(page);
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.getByRole('menuitem', { name: menu }).click();
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`#${path}`));
}

test('党费收缴: fill a month from the keyboard, see the 6-month flag, mark a month paid in one step', async ({ page }) => {
  test.setTimeout(90_000);
  await openWithDemoBranch(page, '/dues', '党费收缴');
  const grid = page.getByRole('table', { name: '2026年党费收缴表' });
  const checks = page.getByRole('list', { name: '党费收缴检查结果' });

  // The demo's member three months behind is warned, not yet flagged.
  const warning = checks.getByText(/党员(.+)2026年有3个月未交纳党费/);
  await expect(warning).toBeVisible();
  const behind = /党员(.+?)2026年/.exec(await warning.innerText())![1];
  await expect(checks.getByText(/已连续\d+个月未交纳党费/)).toHaveCount(0);

  // Three more months cleared from the keyboard make six in a row: 党章 第九条.
  await grid.getByRole('textbox', { name: `${behind}5月实交` }).click();
  for (let i = 0; i < 3; i += 1) {
    await page.keyboard.press('Backspace');
    await page.keyboard.press('ArrowRight');
  }
  await expect(checks.getByText(`党员${behind}已连续6个月未交纳党费（2026年5月至10月）`, { exact: false })).toBeVisible();
  await expect(checks.getByText(/依据：《中国共产党章程》第九条/)).toBeVisible();

  // 11月 from the keyboard: an amount, Enter to the next member, and so on.
  const rows = grid.getByRole('row');
  const firstName = (await rows.nth(1).getByRole('rowheader').innerText()).trim();
  const secondName = (await rows.nth(2).getByRole('rowheader').innerText()).trim();
  await grid.getByRole('textbox', { name: `${firstName}11月实交` }).click();
  await page.keyboard.type('12.5');
  await page.keyboard.press('Enter');
  await page.keyboard.type('３０');
  await page.keyboard.press('Enter');
  await expect(grid.getByRole('textbox', { name: `${firstName}11月实交` })).toHaveValue('12.50元');
  await expect(grid.getByRole('textbox', { name: `${secondName}11月实交` })).toHaveValue('30.00元');
  // A typing slip is refused with the reason, and nothing is written.
  await page.keyboard.type('12.345');
  await page.keyboard.press('Enter');
  const third = (await rows.nth(3).getByRole('rowheader').innerText()).trim();
  await expect(grid.getByRole('textbox', { name: `${third}11月实交` })).toHaveAttribute('title', '金额最多精确到分（两位小数）：12.345');

  // 一键按应交标记已交 for 10月: 交纳日期 and 收款人 asked once.
  await page.getByRole('button', { name: '一键按应交标记已交' }).click();
  const dialog = page.getByRole('dialog', { name: '一键按应交标记已交' });
  await dialog.getByRole('combobox', { name: '缴费月份' }).click();
  await page.getByTitle('2026年10月').click();
  await expect(dialog.getByText('交纳日期')).toBeVisible();
  await dialog.getByRole('textbox', { name: '收款人' }).fill('组织委员');
  await dialog.getByRole('button', { name: '标记已交' }).click();
  await expect(page.getByText(/已按应交标记2026年10月\d+人已交/)).toBeVisible();
  const cell = grid.getByRole('textbox', { name: `${behind}10月实交` });
  await expect(cell).toHaveValue(/^\d+\.\d{2}元$/);
  await expect(checks.getByText(`党员${behind}已连续6个月未交纳党费`, { exact: false })).toHaveCount(0);

  // The 张榜公示 print view.
  await page.getByRole('button', { name: '张榜公示' }).click();
  const notice = page.getByRole('article', { name: '党费收缴情况公示' });
  await expect(notice.getByRole('heading', { name: '2026年度党费收缴情况公示' })).toBeVisible();
  await expect(notice.getByRole('row', { name: new RegExp(`^${firstName} `) })).toContainText('12.50元');
});
