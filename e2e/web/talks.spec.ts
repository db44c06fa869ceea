import type { Locator, Page } from '@playwright/test';
import { test, expect, gotoApp } from '../fixtures';
import { pickOption } from '../support/antd';

/** antd puts a space between the two characters of a two-character button (保 存): match with or without it. */
function button(text: string): RegExp {
  return new RegExp(`^${[...text].join('\\s?')}$`);
}

/** A form field by its label; a required one reads `* 谈话地点`. */
function field(text: string): RegExp {
  return new RegExp(`^(\\* )?${text}$`);
}

/** Until the menu lists 谈心谈话, the page is opened by its address. */
async function openTalksWithDemoBranch(page: Page) {
  await gotoApp(page);
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await page.goto('/#/talks');
  await expect(page.getByRole('heading', { name: '谈心谈话' })).toBeVisible();
}

/** Today where the app runs, as the user types it and as the app shows it. */
async function today(page: Page) {
  const [y, m, d] = await page.evaluate(() => {
    const now = new Date();
    return [now.getFullYear(), now.getMonth() + 1, now.getDate()];
  });
  const pad = (n: number) => String(n).padStart(2, '0');
  return { typed: `${y}-${pad(m)}-${pad(d)}`, shown: `${y}年${m}月${d}日`, inCell: `${m}月${d}日` };
}

/** The 书记 (first row of the matrix) and the first 党员 column who is not a 支委. */
async function namesFromMatrix(page: Page) {
  const matrix = page.getByRole('table', { name: '谈心谈话覆盖表' });
  const secretaryHeader = matrix.getByRole('rowheader').first();
  await expect(secretaryHeader).toContainText('书记');
  const secretary = (await secretaryHeader.innerText()).replace('书记', '').trim();
  const member = (await matrix.getByRole('columnheader').filter({ hasNotText: '支委' }).first().innerText()).trim();
  return { matrix, secretary, member };
}

/** `已完成 0/20（0%）` of one requirement → 0. */
async function percentOf(page: Page, requirement: string): Promise<number> {
  const text = await page.getByRole('region', { name: `${requirement}覆盖率` }).getByText(/已完成 \d+\/\d+（\d+%）/).innerText();
  return Number(/（(\d+)%）/.exec(text)![1]);
}

const pick = pickOption;

/** Types a name into a person picker, as a user searches, and picks the match. */
async function choosePerson(page: Page, form: Locator, label: string, name: string, option = name) {
  const select = form.getByLabel(field(label));
  await select.click();
  await select.fill(name);
  await pick(page, option);
}

test.describe('谈心谈话', () => {
  test('书记与党员谈话：经表单记录，列表可见，刷新后仍在，覆盖表对应格显示日期且覆盖率上升', async ({ page }) => {
    await openTalksWithDemoBranch(page);
    const day = await today(page);

    await page.getByRole('tab', { name: '覆盖情况' }).click();
    const { matrix, secretary, member } = await namesFromMatrix(page);
    const before = await percentOf(page, '支委和党员之间');
    await expect(matrix.getByRole('button', { name: `记录${secretary}与${member}的谈话` })).toBeVisible();

    await page.getByRole('tab', { name: '谈话记录' }).click();
    await expect(page.getByRole('row').filter({ hasText: day.shown })).toHaveCount(0);
    await page.getByRole('button', { name: '记录谈心谈话' }).click();
    const form = page.getByRole('dialog', { name: '记录谈心谈话' });
    const date = form.getByLabel(field('谈话时间'));
    await date.fill(day.typed);
    await date.press('Enter');
    await form.getByLabel(field('谈话地点')).fill('三楼党员活动室');
    await choosePerson(page, form, '谈话人', secretary, `${secretary}（书记）`);
    await choosePerson(page, form, '谈话对象', member);
    // 关系 follows from the committee, read-only.
    await expect(form.getByLabel(field('关系'))).toHaveValue('支委—党员');
    await form.getByLabel(field('谈话类型')).click();
    await pick(page, '关怀谈话');
    await form.getByLabel(field('谈话内容')).fill('了解近期工作和家庭情况，交流学习体会。');
    await form.getByLabel(field('反映的问题及思想动态')).fill('工作任务较重，思想稳定。');
    await form.getByLabel(field('后续措施')).fill('支部协调分担部分任务，下季度再次谈话。');
    await form.getByRole('button', { name: button('保存') }).click();
    await expect(page.getByText('已保存')).toBeVisible();
    await expect(form).toBeHidden();

    const row = page.getByRole('row').filter({ hasText: day.shown }).filter({ hasText: secretary });
    await expect(row).toContainText(member);
    await expect(row).toContainText('支委—党员');
    await expect(row).toContainText('关怀谈话');
    await expect(row).toContainText('个别');
    await expect(row).toContainText('三楼党员活动室');
    await page.screenshot({ path: '/tmp/talks-list.png' });

    await page.reload();
    await expect(page.getByRole('heading', { name: '谈心谈话' })).toBeVisible();
    await expect(row).toContainText(member);

    // The row opens the record.
    await row.click();
    const detail = page.getByRole('dialog', { name: '谈心谈话记录' });
    await expect(detail).toContainText('工作任务较重，思想稳定。');
    await expect(detail).toContainText(`新增谈心谈话 ${day.shown} ${secretary}与${member}（关怀谈话）`);
    // 编辑 from the record: the change log names the field changed.
    await detail.getByRole('button', { name: button('编辑') }).click();
    const edit = page.getByRole('dialog', { name: '编辑谈心谈话' });
    await edit.getByLabel(field('后续措施')).fill('支部协调分担部分任务，一个月后回访。');
    await edit.getByRole('button', { name: button('保存') }).click();
    await expect(edit).toBeHidden();
    await expect(detail).toContainText('修改 后续措施');
    await expect(detail).toContainText('一个月后回访');
    await detail.getByRole('button', { name: '关闭' }).click();
    await expect(detail).toBeHidden();

    await page.getByRole('tab', { name: '覆盖情况' }).click();
    await expect(matrix.getByRole('button', { name: `${secretary}与${member}：${day.shown}` })).toHaveText(day.inCell);
    await expect.poll(() => percentOf(page, '支委和党员之间')).toBeGreaterThan(before);
    await expect(page.getByText('《中国共产党支部工作条例（试行）》第十九条').first()).toBeVisible();
    await page.screenshot({ path: '/tmp/talks-matrix.png', fullPage: true });
  });

  test('表单拒绝与自己谈话', async ({ page }) => {
    await openTalksWithDemoBranch(page);
    await page.getByRole('tab', { name: '覆盖情况' }).click();
    const { secretary } = await namesFromMatrix(page);
    await page.getByRole('tab', { name: '谈话记录' }).click();

    await page.getByRole('button', { name: '记录谈心谈话' }).click();
    const form = page.getByRole('dialog', { name: '记录谈心谈话' });
    await form.getByLabel(field('谈话地点')).fill('书记办公室');
    await choosePerson(page, form, '谈话人', secretary, `${secretary}（书记）`);
    await choosePerson(page, form, '谈话对象', secretary, `${secretary}（书记）`);
    await form.getByLabel(field('谈话内容')).fill('自己和自己谈话。');
    await form.getByRole('button', { name: button('保存') }).click();

    await expect(form.getByText('谈话人不能同时是谈话对象')).toBeVisible();
    await expect(form).toBeVisible();
    await expect(page.getByText('已保存')).toHaveCount(0);
    await form.getByRole('button', { name: button('取消') }).click();
    // What was typed is thrown away only when the user says so.
    await page.getByRole('dialog', { name: '有未保存的修改，确定离开吗？' }).getByRole('button', { name: '离开' }).click();
    await expect(form).toBeHidden();
  });

  test('点击覆盖表的空格或必谈事项的“记录谈话”，表单已填好谈话双方', async ({ page }) => {
    await openTalksWithDemoBranch(page);
    await page.getByRole('tab', { name: '覆盖情况' }).click();
    const { matrix, secretary, member } = await namesFromMatrix(page);

    await matrix.getByRole('button', { name: `记录${secretary}与${member}的谈话` }).click();
    const form = page.getByRole('dialog', { name: '记录谈心谈话' });
    await expect(form).toContainText(`${secretary}（书记）`);
    await expect(form.getByLabel(field('关系'))).toHaveValue('支委—党员');
    await form.getByRole('button', { name: button('取消') }).click();
    await expect(form).toBeHidden();

    // The demo's newest 预备党员 joined this year: an 教育谈话 is due.
    await page.getByRole('tab', { name: /必谈事项/ }).click();
    const item = page.getByRole('row').filter({ hasText: '被接收为预备党员' }).first();
    await expect(item).toContainText('教育谈话');
    await item.getByRole('button', { name: '记录谈话' }).click();
    await expect(form).toContainText(`${secretary}（书记）`);
    await expect(form).toContainText('教育谈话');
    await page.screenshot({ path: '/tmp/talks-form.png' });
    await form.getByRole('button', { name: button('取消') }).click();
    await page.screenshot({ path: '/tmp/talks-musttalk.png' });
  });

  test('民主评议结果已反馈的党员，年度总结谈话必谈事项已完成；未反馈的仍待谈', async ({ page }) => {
    await openTalksWithDemoBranch(page);
    const y = Number((await today(page)).typed.slice(0, 4));
    // The demo's 民主评议党员 was held last December; all but two results were fed back in the 年度总结谈话.
    await page.goto(`/#/talks?tab=mustTalk&year=${y - 1}`);
    const rows = page.getByRole('row').filter({ hasText: '参加民主评议党员' });
    const open = rows.filter({ has: page.getByRole('button', { name: '记录谈话' }) });
    await expect(open).toHaveCount(2);
    await expect(rows.filter({ hasText: '已反馈' })).toHaveCount(0);
    await page.getByRole('switch', { name: '显示已谈事项' }).click();
    const fedBack = rows.filter({ hasText: /已反馈\d{4}年\d{1,2}月\d{1,2}日/ });
    await expect(fedBack.first()).toBeVisible();
    await expect(fedBack.first()).toContainText('已谈');
    await expect(open).toHaveCount(2);
    await page.screenshot({ path: '/tmp/talks-review-feedback.png', fullPage: true });
  });
});
