import type { Page } from '@playwright/test';
import { test, expect, gotoApp } from '../fixtures';

/**
 * The later ledgers as a user meets them (党费收缴, 民主评议党员, 学习学时), on the demo branch. The clock is
 * fixed at 2026-11-20 so that the demo's year of 党费 (2025-11 … 2026-10), its meetings (this year's up to
 * yesterday, last December's 民主评议党员 with its results) fall the same way on every run.
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

/** The value cell next to a label in a bordered antd Descriptions. */
function described(page: Page, label: string) {
  return page.getByRole('rowheader', { name: label, exact: true }).locator('xpath=following-sibling::td[1]');
}

/** Picks `option` in the antd Select named `label`; a searchable one is typed into (its list is virtual). */
async function choose(page: Page, label: string, option: string, search = false) {
  await page.getByRole('combobox', { name: label }).click();
  if (search) {
    await page.getByRole('combobox', { name: label }).fill(option);
  }
  await page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
}

test('民主评议党员: from the meeting to its year, a missing result found, recorded, and the quota figure', async ({ page }) => {
  test.setTimeout(60_000);
  await openWithDemoBranch(page, '/reviews', '民主评议党员', '民主评议');
  // This year has no 民主评议党员 meeting yet: everyone is listed, nothing is due.
  await expect(page.getByText('2026年度尚未召开民主评议党员会议', { exact: false })).toBeVisible();

  // Last December's meeting links to the year's results.
  await choose(page, '评议年度', '2025年');
  await page.getByRole('link', { name: /^2025年12月\d+日$/ }).click();
  await expect(page.getByRole('heading', { name: '2025年度民主评议党员' })).toBeVisible();
  await page.getByRole('button', { name: '查看本年度评议结果' }).click();
  await expect(page).toHaveURL(/#\/reviews\?year=2025$/);
  const table = page.getByRole('table', { name: '2025年度民主评议党员结果' });
  await expect(table).toBeVisible();
  await expect(page.getByText('2025年度民主评议未发现问题。')).toBeVisible();
  await expect(described(page, '未评定等次')).toHaveText('无');
  const excellent = /^(\d+)名（上限(\d+)名）$/.exec((await described(page, '优秀').innerText()).trim());
  expect(excellent).not.toBeNull();
  const [given, quota] = [Number(excellent![1]), Number(excellent![2])];
  expect(given).toBeLessThan(quota);

  // A 合格 member's result deleted: the row stands out and review.missing names the member.
  const row = table.getByRole('row').filter({ has: page.getByRole('cell', { name: '合格', exact: true }) }).first();
  const name = (await row.getByRole('cell').first().innerText()).trim();
  await row.getByRole('button', { name: `删除${name}的评议结果` }).click();
  await page.getByRole('button', { name: '删除', exact: true }).click();
  const missing = page.getByText(`党员${name}参加了2025年度民主评议党员，尚未录入支部评定等次`);
  await expect(missing).toBeVisible();
  await expect(described(page, '未评定等次')).toHaveText('1名');
  await expect(table.getByRole('row').filter({ hasText: name })).toContainText('未评定');

  // Recorded again, as 优秀 this time: the quota figure counts it, the finding goes away.
  await table.getByRole('button', { name: `录入${name}的评议结果` }).click();
  const dialog = page.getByRole('dialog', { name: `${name}的2025年度民主评议结果` });
  await dialog.getByLabel('个人自评摘要').fill('认真学习党的理论，按时参加组织生活。');
  await dialog.getByLabel('互评意见').fill('工作踏实，团结同志。');
  await dialog.getByLabel('测评票优秀').fill('15');
  await dialog.getByLabel('测评票合格').fill('6');
  await choose(page, '支部评定等次', '优秀');
  await dialog.getByLabel('评定依据').fill('全年出满勤，带头完成重点任务。');
  await dialog.getByLabel('反馈日期').fill('2026-01-08');
  // 反馈人: whoever fed back the others (the 书记), read from a row already fed back.
  const fedBack = (await table.getByRole('row').filter({ hasText: /20\d\d年\d+月\d+日 / }).first().innerText()).match(/20\d\d年\d+月\d+日 (\S+)/)![1];
  await choose(page, '反馈人', fedBack, true);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(missing).toBeHidden();
  await expect(page.getByText('2025年度民主评议未发现问题。')).toBeVisible();
  await expect(described(page, '优秀')).toHaveText(`${given + 1}名（上限${quota}名）`);
  const recorded = table.getByRole('row').filter({ hasText: name });
  await expect(recorded).toContainText('优秀');
  // 测评票: 优秀 and 合格 as typed, 基本合格 and 不合格 left blank.
  await expect(recorded.getByRole('cell').nth(2)).toHaveText('15');
  await expect(recorded.getByRole('cell').nth(3)).toHaveText('6');
  await expect(recorded.getByRole('cell').nth(4)).toHaveText('');
  await expect(recorded).toContainText('2026年1月8日');
  await page.screenshot({ path: '/tmp/reviews-page.png', fullPage: true });
});

test('学习学时: a 集中学习 recorded through 会议记录 credits its attendees in one step', async ({ page }) => {
  test.setTimeout(90_000);
  // The demo's 党课 of this year are credited already (as a user would have): a new 集中学习 is recorded here.
  await openWithDemoBranch(page, '/training', '学习培训学时', '学习学时');
  const totals = page.getByRole('table', { name: '2026年学时统计' });
  const first = totals.getByRole('row').nth(1);
  const name = (await first.getByRole('cell').nth(0).innerText()).trim();
  const before = Number(/^([\d.]+)学时$/.exec((await first.getByRole('cell').nth(2).innerText()).trim())![1]);

  await page.getByRole('menuitem', { name: '会议记录' }).click();
  await page.getByRole('button', { name: '新建会议' }).click();
  await expect(page.getByRole('heading', { name: '新建会议' })).toBeVisible();
  await choose(page, '会议类型', '集中学习');
  const title = '2026年11月集中学习：学习党的二十届四中全会精神';
  await page.getByLabel('会议名称', { exact: true }).fill(title);
  await page.getByRole('button', { name: /^保\s?存$/ }).click();
  await expect(page.getByRole('heading', { name: title })).toBeVisible();

  await page.getByRole('button', { name: '计入学时' }).click();
  const dialog = page.getByRole('dialog', { name: '计入学时' });
  await dialog.getByLabel('每人学时').fill('4');
  await dialog.getByRole('button', { name: '计入' }).click();
  const done = page.getByText(/已为(\d+)名出席党员计入4学时/);
  await expect(done).toBeVisible();
  const credited = Number(/已为(\d+)名/.exec(await done.innerText())![1]);
  expect(credited).toBeGreaterThan(0);
  await expect(page.getByRole('button', { name: `计入学时（已计入${credited}人）` })).toBeVisible();

  await page.getByRole('menuitem', { name: '学习学时' }).click();
  await expect(totals.getByRole('row').filter({ hasText: name }).getByRole('cell').nth(2)).toHaveText(`${before + 4}学时`);
  const records = page.getByRole('table', { name: '2026年学时记录' });
  await expect(records.getByRole('row').filter({ hasText: title })).toHaveCount(Math.min(credited, 20));
});

test('设置 → 学时 and 党费规定: a bad value refused in Chinese, a goal changed and followed by 学习学时, 恢复默认', async ({ page }) => {
  test.setTimeout(60_000);
  await openWithDemoBranch(page, '/training', '学习培训学时', '学习学时');
  const totals = page.getByRole('table', { name: '2026年学时统计' });
  await expect(totals.getByRole('row').filter({ hasText: '32学时' }).first()).toBeVisible();

  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '学时' }).click();
  await expect(page).toHaveURL(/#\/settings\/training$/);
  const goal = page.getByLabel('党员每年学时');
  await expect(goal).toHaveValue('32');
  await goal.fill('');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('请填写党员每年学时')).toBeVisible();
  await goal.fill('40');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存')).toBeVisible();

  await page.getByRole('menuitem', { name: '学习学时' }).click();
  await expect(totals.getByRole('row').filter({ hasText: '40学时' }).first()).toBeVisible();
  await expect(totals.getByRole('row').filter({ hasText: /\t32学时/ })).toHaveCount(0);

  await page.getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: '党费规定' }).click();
  await expect(page.getByLabel('在职党员第1档上限')).toHaveValue('3000.00');
  await page.getByLabel('在职党员第1档比例').fill('0.55');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('在职党员第1档比例：比例精确到0.1%')).toBeVisible();
  await page.screenshot({ path: '/tmp/dues-settings.png', fullPage: true });
  await page.getByRole('button', { name: '撤销修改' }).click();
  await expect(page.getByLabel('在职党员第1档比例')).toHaveValue('0.5');

  await page.getByRole('tab', { name: '学时' }).click();
  await page.getByRole('tabpanel', { name: '学时' }).getByRole('button', { name: '恢复默认' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '恢复默认' }).click();
  await expect(page.getByText('已恢复为默认值')).toBeVisible();
  await expect(page.getByLabel('党员每年学时')).toHaveValue('32');
});
