import type { Locator, Page } from '@playwright/test';
import { test, expect, gotoApp } from '../fixtures';

const QUESTION = '有未保存的修改，确定离开吗？';

/** antd may space out two-character button labels (保 存). */
function button(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s?')}$`);
}

/** A form field by its label; a required one may read `* 存在问题`. */
function field(text: string): RegExp {
  return new RegExp(`^(\\* )?${text}$`);
}

function menuItem(page: Page, name: string): Locator {
  return page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name });
}

async function loadDemo(page: Page) {
  await gotoApp(page);
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
}

/** The question is asked; 继续编辑 keeps the user where they were. */
async function stay(page: Page) {
  const question = page.getByRole('dialog', { name: QUESTION });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '继续编辑' }).click();
  await expect(question).toBeHidden();
}

/** The question is asked; 离开 goes. */
async function leave(page: Page) {
  const question = page.getByRole('dialog', { name: QUESTION });
  await expect(question).toBeVisible();
  await question.getByRole('button', { name: '离开' }).click();
  await expect(question).toBeHidden();
}

/** Edit, try to leave by the menu, stay (the typing is still there), then leave for good. */
async function menuAsksThenLeaves(page: Page, edited: Locator, typed: string, heading: string) {
  await menuItem(page, '工作台').click();
  await stay(page);
  await expect(page.getByRole('heading', { name: '工作台' })).toHaveCount(0);
  await expect(edited).toHaveValue(typed);
  await menuItem(page, '工作台').click();
  await leave(page);
  await expect(page.getByRole('heading', { name: heading })).toBeVisible();
}

test.describe('未保存的修改', () => {
  test('设置 → 支部信息：点工作台先问；继续编辑保留修改，离开则放弃', async ({ page }) => {
    await loadDemo(page);
    await menuItem(page, '设置').click();
    const approval = page.getByLabel('批复文号');
    const before = await approval.inputValue();
    await approval.fill('×机党〔2026〕99号');
    await expect(page.getByText('有未保存的修改')).toBeVisible();
    await page.screenshot({ path: '/tmp/unsaved-settings.png' });
    await menuAsksThenLeaves(page, approval, '×机党〔2026〕99号', '工作台');
    await menuItem(page, '设置').click();
    await expect(page.getByLabel('批复文号')).toHaveValue(before);

    // Another tab of 设置 is another route: asked too; 离开 puts the form back as stored.
    await page.getByLabel('批复文号').fill('×机党〔2026〕98号');
    await page.getByRole('tab', { name: '规则' }).click();
    await leave(page);
    await page.getByRole('tab', { name: '支部信息' }).click();
    await expect(page.getByLabel('批复文号')).toHaveValue(before);
    await expect(page.getByText('有未保存的修改')).toHaveCount(0);

    // Saved, nothing asks.
    await page.getByLabel('批复文号').fill('×机党〔2026〕100号');
    await page.getByRole('button', { name: button('保存') }).click();
    await expect(page.getByText('已保存')).toBeVisible();
    await menuItem(page, '工作台').click();
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  });

  test('换支部也先问：页头切换框', async ({ page }) => {
    await loadDemo(page);
    await menuItem(page, '设置').click();
    await page.getByRole('tab', { name: '支部管理' }).click();
    await page.getByRole('button', { name: '新建支部' }).click();
    const dialog = page.getByRole('dialog', { name: '创建支部' });
    await dialog.getByLabel('支部全称').fill('中共测试市商务局机关第二支部委员会');
    await dialog.getByRole('button', { name: button('创建') }).click();
    const header = page.getByRole('banner');
    await expect(header).toContainText('中共测试市商务局机关第二支部委员会');

    await page.getByRole('tab', { name: '支部信息' }).click();
    const parent = page.getByLabel('上级党组织');
    await parent.fill('中共测试市商务局机关委员会');
    const switcher = header.getByRole('combobox', { name: '当前支部' });
    await switcher.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText('中共示例市民政局机关第一支部委员会', { exact: true }).click();
    await stay(page);
    await expect(header).toContainText('中共测试市商务局机关第二支部委员会');
    await expect(parent).toHaveValue('中共测试市商务局机关委员会');
    await switcher.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText('中共示例市民政局机关第一支部委员会', { exact: true }).click();
    await leave(page);
    await expect(header).toContainText('中共示例市民政局机关第一支部委员会');
  });

  test('创建支部对话框：Esc 与取消先问', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '创建支部' }).click();
    const dialog = page.getByRole('dialog', { name: '创建支部' });
    await dialog.getByLabel('支部全称').fill('中共测试市审计局机关支部委员会');
    await page.keyboard.press('Escape');
    await stay(page);
    await expect(dialog.getByLabel('支部全称')).toHaveValue('中共测试市审计局机关支部委员会');
    await dialog.getByRole('button', { name: button('取消') }).click();
    await leave(page);
    await expect(dialog).toBeHidden();
    await expect(page.getByRole('heading', { name: '欢迎使用支部台账' })).toBeVisible();
  });

  test('新建会议记录：离开先问；每隔几秒存草稿，刷新后可恢复或丢弃', async ({ page }) => {
    await loadDemo(page);
    await menuItem(page, '会议记录').click();
    await page.getByRole('button', { name: '新建支委会' }).click();
    await expect(page.getByRole('heading', { name: '新建支部委员会' })).toBeVisible();
    const content = page.getByLabel('会议内容');
    await content.fill('研究第三季度发展党员工作，讨论入党积极分子培养情况。');
    await menuItem(page, '工作台').click();
    await stay(page);
    await expect(content).toHaveValue('研究第三季度发展党员工作，讨论入党积极分子培养情况。');

    // The draft is kept within seconds; a reload (the window closed or crashed) offers it back.
    await page.waitForTimeout(6000);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await expect(page.getByRole('heading', { name: '新建支部委员会' })).toBeVisible();
    await expect(page.getByText(/^发现未保存的草稿（\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}）$/)).toBeVisible();
    await page.screenshot({ path: '/tmp/unsaved-draft.png' });
    await expect(page.getByLabel('会议内容')).toHaveValue('');
    await page.getByRole('button', { name: '恢复' }).click();
    await expect(page.getByLabel('会议内容')).toHaveValue('研究第三季度发展党员工作，讨论入党积极分子培养情况。');
    await expect(page.getByText(/^发现未保存的草稿/)).toHaveCount(0);

    // Saved: the draft is gone and leaving asks nothing.
    await page.getByRole('button', { name: button('保存') }).click();
    await expect(page.getByText('会议记录已保存')).toBeVisible();
    await menuItem(page, '会议记录').click();
    await page.getByRole('button', { name: '新建支委会' }).click();
    await expect(page.getByRole('heading', { name: '新建支部委员会' })).toBeVisible();
    await expect(page.getByText(/^发现未保存的草稿/)).toHaveCount(0);
    await menuItem(page, '工作台').click();
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  });

  test('会议记录草稿可丢弃；取消按钮也先问', async ({ page }) => {
    await loadDemo(page);
    await menuItem(page, '会议记录').click();
    await page.getByRole('button', { name: '新建支委会' }).click();
    await page.getByLabel('会议内容').fill('草稿内容');
    await page.waitForTimeout(6000);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await page.getByRole('button', { name: '丢弃' }).click();
    await expect(page.getByText(/^发现未保存的草稿/)).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('heading', { name: '新建支部委员会' })).toBeVisible();
    await expect(page.getByText(/^发现未保存的草稿/)).toHaveCount(0);

    await page.getByLabel('会议内容').fill('又写了一些');
    await page.getByRole('button', { name: button('取消') }).click();
    await leave(page);
    await expect(page.getByRole('button', { name: '新建支委会' })).toBeVisible();
  });

  test('思想动态分析表单：离开先问；草稿刷新后可恢复', async ({ page }) => {
    await loadDemo(page);
    await menuItem(page, '思想动态分析').click();
    await page.getByRole('button', { name: '新建分析' }).click();
    await expect(page.getByRole('heading', { name: '新建思想动态分析' })).toBeVisible();
    const measures = page.getByLabel(field('措施'));
    await measures.fill('开展谈心谈话，及时掌握思想动态。');
    // A long form keeps a draft too.
    await page.waitForTimeout(6000);
    page.on('dialog', (dialog) => void dialog.accept());
    await page.reload();
    await expect(page.getByText(/^发现未保存的草稿/)).toBeVisible();
    await page.getByRole('button', { name: '恢复' }).click();
    await expect(measures).toHaveValue('开展谈心谈话，及时掌握思想动态。');
    await menuAsksThenLeaves(page, measures, '开展谈心谈话，及时掌握思想动态。', '工作台');
    // 离开 dropped the draft with the changes.
    await menuItem(page, '思想动态分析').click();
    await page.getByRole('button', { name: '新建分析' }).click();
    await expect(page.getByRole('heading', { name: '新建思想动态分析' })).toBeVisible();
    await expect(page.getByText(/^发现未保存的草稿/)).toHaveCount(0);
  });

  test('谈心谈话抽屉：取消和 Esc 先问', async ({ page }) => {
    await loadDemo(page);
    await menuItem(page, '谈心谈话').click();
    await page.getByRole('tab', { name: '谈话记录' }).click();
    await page.getByRole('button', { name: '记录谈心谈话' }).click();
    const drawer = page.getByRole('dialog', { name: '记录谈心谈话' });
    const place = drawer.getByLabel(field('谈话地点'));
    await place.fill('三楼党员活动室');
    await drawer.getByRole('button', { name: button('取消') }).click();
    await stay(page);
    await expect(place).toHaveValue('三楼党员活动室');
    // Esc from inside the drawer (the drawer hears keys only while it has the focus).
    await place.press('Escape');
    await stay(page);
    await expect(drawer).toBeVisible();
    await place.press('Escape');
    await leave(page);
    await expect(drawer).toBeHidden();
    // Closed without changes, nothing asks.
    await page.getByRole('button', { name: '记录谈心谈话' }).click();
    await drawer.getByRole('button', { name: button('取消') }).click();
    await expect(drawer).toBeHidden();
  });

  test('整改表单：离开先问；完成时限里按回车不会新建任务', async ({ page }) => {
    await loadDemo(page);
    await menuItem(page, '整改台账').click();
    await page.getByRole('button', { name: '新建整改任务' }).first().click();
    await expect(page.getByRole('heading', { name: '新建整改任务' })).toBeVisible();
    const problem = page.getByLabel(field('存在问题'));
    await problem.fill('三会一课记录不完整');
    const deadline = page.getByLabel(field('完成时限'));
    await deadline.fill('2026.12.31');
    await deadline.press('Enter');
    await expect(deadline).toHaveValue('2026年12月31日');
    await expect(page.getByRole('heading', { name: '新建整改任务' })).toBeVisible();
    await expect(page.getByText('已新建整改任务')).toHaveCount(0);
    await menuAsksThenLeaves(page, problem, '三会一课记录不完整', '工作台');
  });

  test('党员抽屉：Esc 和换页都先问', async ({ page }) => {
    await loadDemo(page);
    await menuItem(page, '党员花名册').click();
    await page.getByRole('button', { name: '新增党员' }).click();
    const drawer = page.getByRole('dialog', { name: '新增党员' });
    const name = drawer.getByLabel('姓名', { exact: true });
    await name.fill('艾明华');
    await page.keyboard.press('Escape');
    await stay(page);
    // The drawer covers the menu; going back (Alt+←, the mouse's back button) is a route change all the same.
    await page.evaluate(() => history.back());
    await stay(page);
    await expect(name).toHaveValue('艾明华');
    await expect(page.getByRole('heading', { name: '党员花名册' })).toBeVisible();
    await page.evaluate(() => history.back());
    await leave(page);
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  });
});
