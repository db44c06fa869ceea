import type { Locator, Page } from '@playwright/test';
import { test, expect, gotoApp } from '../fixtures';

/** antd may space out two-character button labels (创 建). */
function button(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s?')}$`);
}

/** A form field by its label; a required one may read `* 入党时间`. */
function field(text: string): RegExp {
  return new RegExp(`^(\\* )?${text}$`);
}

/** The calendar button inside a date field (创建支部 has two date fields). */
function calendarButtonOf(input: Locator): Locator {
  return input.locator('xpath=..').getByRole('button', { name: '打开日历' });
}

/** Types as a person does, key by key, and checks nothing was rewritten while typing. */
async function typeKeys(input: Locator, typed: string) {
  await input.click();
  await input.fill('');
  await input.pressSequentially(typed);
  await expect(input).toHaveValue(typed);
}

/** GB 11643: the 18th character of a 公民身份号码 from the first 17 digits. */
function withCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

async function openCreateBranch(page: Page) {
  await gotoApp(page);
  await page.getByRole('button', { name: '创建支部' }).click();
  const dialog = page.getByRole('dialog', { name: '创建支部' });
  await dialog.getByLabel('支部全称').fill('中共测试市统计局机关支部委员会');
  return dialog;
}

test.describe('日期输入', () => {
  test('创建支部的成立日期：每种写法都不在输入中途改写，离开后显示同一天，保存的就是显示的', async ({ page }) => {
    const dialog = await openCreateBranch(page);
    const founded = dialog.getByLabel('成立日期');
    const styles: [string, string][] = [
      ['2019.6.18', '2019年6月18日'],
      ['2019/6/18', '2019年6月18日'],
      ['2019-6-18', '2019年6月18日'],
      ['20190618', '2019年6月18日'],
      ['2019年6月18日', '2019年6月18日'],
      ['2019.06.28', '2019年6月28日'],
      ['２０１９．６．１８', '2019年6月18日'],
    ];
    for (const [typed, shown] of styles) {
      await typeKeys(founded, typed);
      await founded.press('Tab');
      await expect(founded).toHaveValue(shown);
      await expect(dialog.getByRole('alert')).toHaveCount(0);
    }
    await typeKeys(founded, '2019.6.18');
    await founded.press('Tab');
    await page.screenshot({ path: '/tmp/entry-create-branch.png' });
    await dialog.getByRole('button', { name: button('创建') }).click();
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

    // What was shown is what was kept: after a reload, 设置 shows the same day.
    await page.reload();
    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '设置' }).click();
    await expect(page.getByLabel('成立日期')).toHaveValue('2019年6月18日');
  });

  test('看不懂的日期留在框里，下方说明原因，不能创建', async ({ page }) => {
    const dialog = await openCreateBranch(page);
    const founded = dialog.getByLabel('成立日期');
    for (const [typed, reason] of [
      ['2019.13.1', '日期“2019.13.1”不存在，请核对年月日'],
      ['2019.6', '“2019.6”只写到月，这里要写到日，如 2019年6月18日'],
      ['19.6.18', '“19.6.18”的年份只有两位，无法确定世纪，请写全四位年份'],
      ['明年', '看不懂日期“明年”，请写成 2025-03-05 或 2025年3月5日'],
    ]) {
      await typeKeys(founded, typed);
      await founded.press('Tab');
      await expect(founded).toHaveValue(typed);
      await expect(dialog.getByText(reason)).toBeVisible();
    }
    // Read out with the field, too.
    await expect(founded).toHaveAccessibleDescription(/看不懂日期“明年”/);
    await page.screenshot({ path: '/tmp/entry-unreadable.png' });
    await dialog.getByRole('button', { name: button('创建') }).click();
    await expect(dialog.getByText('看不懂日期“明年”，请写成 2025-03-05 或 2025年3月5日')).toBeVisible();
    await expect(dialog).toBeVisible();

    // Corrected, the reason goes and the branch is created with the typed day.
    await typeKeys(founded, '2019年6月18日');
    await founded.press('Tab');
    await expect(dialog.getByText(/看不懂日期/)).toHaveCount(0);
    await dialog.getByRole('button', { name: button('创建') }).click();
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  });

  test('日期框里按回车只确认日期，不提交表单', async ({ page }) => {
    const dialog = await openCreateBranch(page);
    const founded = dialog.getByLabel('成立日期');
    await typeKeys(founded, '2019/6/18');
    await founded.press('Enter');
    await expect(founded).toHaveValue('2019年6月18日');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: button('创建') }).click();
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

    // 设置 → 支部信息: Enter in 选举日期 does not save the form.
    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '设置' }).click();
    const elected = page.getByLabel('选举日期');
    await typeKeys(elected, '2024.5.10');
    await elected.press('Enter');
    await expect(elected).toHaveValue('2024年5月10日');
    await expect(page.getByText('有未保存的修改')).toBeVisible();
    await expect(page.getByText('已保存')).toHaveCount(0);
  });

  test('日历弹出框仍可点选日期；不能选今天以后的日子', async ({ page }) => {
    const dialog = await openCreateBranch(page);
    const founded = dialog.getByLabel('成立日期');
    await typeKeys(founded, '2019.6.18');
    await calendarButtonOf(founded).click();
    const calendar = page.locator('.ant-popover');
    await expect(calendar).toContainText('2019年6月');
    await page.screenshot({ path: '/tmp/entry-calendar.png' });
    await calendar.getByRole('button', { name: '下个月' }).click();
    await expect(calendar).toContainText('2019年7月');
    await calendar.getByTitle('2019-07-01').click();
    await expect(founded).toHaveValue('2019年7月1日');
    await expect(calendar).toBeHidden();

    // Esc closes the calendar first, not the dialog.
    await calendarButtonOf(founded).click();
    await expect(page.locator('.ant-popover')).toBeVisible();
    await founded.press('Escape');
    await expect(page.locator('.ant-popover')).toBeHidden();
    await expect(dialog).toBeVisible();

    // Today's month: a day after today cannot be clicked.
    await typeKeys(founded, '');
    const [today, tomorrow] = await page.evaluate(() => {
      const iso = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      const now = new Date();
      return [iso(now), iso(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1))];
    });
    await calendarButtonOf(founded).click();
    await expect(page.locator(`.ant-popover [title="${today}"]`)).not.toHaveClass(/ant-picker-cell-disabled/);
    const later = page.locator(`.ant-popover [title="${tomorrow}"]`);
    if ((await later.count()) > 0) {
      await expect(later).toHaveClass(/ant-picker-cell-disabled/);
    }
  });

  test('党员的入党时间：写到月或写到日都按所写保存；会议开始时间带时刻', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '党员花名册' }).click();
    await page.getByRole('button', { name: '新增党员' }).click();
    const form = page.getByRole('dialog', { name: '新增党员' });
    await form.getByLabel('姓名', { exact: true }).fill('艾明华');
    // Born 1985-06-15.
    await form.getByLabel('公民身份号码', { exact: true }).fill(withCheckChar('11010519850615123'));
    await expect(form.getByLabel('出生日期', { exact: true })).toHaveValue('1985年6月15日');
    const joined = form.getByLabel('入党时间', { exact: true });
    await typeKeys(joined, '2010.7');
    await joined.press('Enter');
    await expect(joined).toHaveValue('2010年7月');
    const confirmed = form.getByLabel('转正时间', { exact: true });
    await typeKeys(confirmed, '2011年7月1日');
    await confirmed.press('Tab');
    await expect(confirmed).toHaveValue('2011年7月1日');
    await form.getByRole('button', { name: button('保存') }).click();
    await expect(form).toBeHidden();
    await page.getByText('艾明华', { exact: true }).click();
    const detail = page.getByRole('dialog', { name: /^艾明华 / });
    const value = (label: string) => detail.getByRole('rowheader', { name: label, exact: true }).locator('xpath=following-sibling::td[1]');
    await expect(value('入党时间')).toHaveText('2010年7月');
    await expect(value('转正时间')).toHaveText('2011年7月1日');

    // A meeting's start: a day and a time, typed in one go.
    await page.keyboard.press('Escape');
    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '会议记录' }).click();
    await page.getByRole('button', { name: '新建支委会' }).click();
    const start = page.getByLabel(field('开始时间'));
    await typeKeys(start, '2025.3.5 9:05');
    await start.press('Tab');
    await expect(start).toHaveValue('2025年3月5日 09:05');
    await typeKeys(start, '2025.3.5');
    await start.press('Tab');
    await expect(page.getByText('“2025.3.5”没有写时间，请写成 2025年3月5日 14:30 这样')).toBeVisible();
    await typeKeys(start, '2025/3/5 14:30');
    await start.press('Tab');
    await expect(start).toHaveValue('2025年3月5日 14:30');
    await page.getByRole('button', { name: button('保存') }).click();
    await expect(page.getByText('会议记录已保存')).toBeVisible();
    await expect(page.getByText(/2025年3月5日 14:30/).first()).toBeVisible();
  });
});
