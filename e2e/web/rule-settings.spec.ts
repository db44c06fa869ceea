import type { Page } from '@playwright/test';
import { test, expect, gotoApp } from '../fixtures';

/** antd puts a space between the two characters of a two-character button (保 存): match with or without it. */
function label(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s?')}$`);
}

async function menu(page: Page, item: string) {
  await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: item }).click();
}

async function openRules(page: Page) {
  await menu(page, '设置');
  await page.getByRole('tab', { name: '规则' }).click();
  await expect(page.getByRole('tab', { name: '规则', selected: true })).toBeVisible();
}

/** The 党课 row of 工作台's matrix: its header and its cells. */
function lectureRow(page: Page) {
  return page
    .getByRole('table', { name: '会议完成情况' })
    .getByRole('row')
    .filter({ has: page.getByRole('rowheader', { name: /^党课/ }) });
}

test.describe('设置 → 规则', () => {
  test('每项规则显示条例默认值和依据；党课改为每半年后工作台随之改变，恢复默认后复原', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    const [year, month] = await page.evaluate(() => [new Date().getFullYear(), new Date().getMonth() + 1]);
    const half = month <= 6 ? '上' : '下';

    // 工作台 under the defaults: 党课 每季度, four cells of three months.
    const row = lectureRow(page);
    await expect(row.getByRole('rowheader')).toContainText('每季度至少1次');
    await expect(row.getByRole('cell')).toHaveCount(4);

    await openRules(page);
    const congress = page.getByRole('group', { name: '支部党员大会' });
    await expect(congress).toContainText('默认：每季度至少1次（第十一条）');
    await expect(congress).toContainText('依据：《中国共产党支部工作条例（试行）》第十一条');
    await expect(page.getByRole('group', { name: '谈心谈话次数' })).toContainText('第十九条');
    await expect(page.getByRole('group', { name: '支部委员会任期' })).toContainText('3年（第六章；村、社区党支部5年）');
    const lecture = page.getByRole('radiogroup', { name: '党课' });
    await expect(lecture.getByRole('radio', { name: /^每季度至少1次/ })).toBeChecked();
    await expect(lecture.getByRole('radio')).toHaveCount(4);
    await expect(page.getByRole('button', { name: label('保存') })).toBeDisabled();

    await lecture.getByRole('radio', { name: /^每半年至少1次/ }).check();
    await expect(page.getByText('有 1 项未保存的修改')).toBeVisible();
    await page.screenshot({ path: '/tmp/rule-settings.png', fullPage: true });
    await page.getByRole('button', { name: label('保存') }).click();
    await expect(page.getByText('已保存')).toBeVisible();

    // 工作台 follows: two half-year cells of six months.
    await menu(page, '工作台');
    await expect(row.getByRole('rowheader')).toContainText('每半年至少1次');
    await expect(row.getByRole('cell')).toHaveCount(2);
    await expect(row.getByRole('link', { name: new RegExp(`^党课 ${year}年${half}半年：`) })).toBeVisible();
    await expect(row.getByRole('link', { name: /季度/ })).toHaveCount(0);
    await page.screenshot({ path: '/tmp/dash-half-yearly.png', fullPage: true });

    // Kept after a restart.
    await page.reload();
    await openRules(page);
    await expect(lecture.getByRole('radio', { name: /^每半年至少1次/ })).toBeChecked();

    // 恢复默认 (confirmed) brings 每季度 back.
    await page.getByRole('button', { name: '恢复默认' }).click();
    await page.getByRole('tooltip').getByRole('button', { name: '恢复默认' }).click();
    await expect(page.getByText('已恢复为条例默认值')).toBeVisible();
    await expect(lecture.getByRole('radio', { name: /^每季度至少1次/ })).toBeChecked();
    await menu(page, '工作台');
    await expect(row.getByRole('cell')).toHaveCount(4);
  });

  test('谈心谈话改为“书记与每名党员谈”，谈心谈话页和工作台的覆盖率随之改变', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    // The demo: the 书记 has talked with 16 of the 20 党员, another 支委 with two more.
    await expect(page.getByRole('region', { name: '支委和党员之间覆盖率' })).toContainText('已完成 18/20（90%）');

    await openRules(page);
    await page.getByRole('radiogroup', { name: '支委和党员之间' }).getByRole('radio', { name: /^书记与每名党员谈/ }).check();
    await page.getByRole('button', { name: label('保存') }).click();
    await expect(page.getByText('已保存')).toBeVisible();

    await menu(page, '工作台');
    await expect(page.getByRole('region', { name: '支委和党员之间覆盖率' })).toContainText('已完成 16/20（80%）');
    await page.goto('/#/talks?tab=coverage');
    await expect(page.getByRole('region', { name: '支委和党员之间覆盖率' })).toContainText('16/20');
  });
});
