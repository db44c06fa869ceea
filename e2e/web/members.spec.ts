import type { Page } from '@playwright/test';
import { test, expect, gotoApp } from '../fixtures';

/** GB 11643: the 18th character of a 公民身份号码 from the first 17 digits. */
function withCheckChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return first17 + '10X98765432'[sum % 11];
}

/** Born 1985-06-15, 17th digit odd: a man. */
const ID = withCheckChar('11010519850615123');
/** Sorts before every demo surname (陈, 曾 …), so the new member is the first row. */
const NAME = '艾明华';
/** antd spaces out two-character button labels (保 存). */
const SAVE = /^保\s?存$/;

async function openRosterWithDemoBranch(page: Page) {
  await gotoApp(page);
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '党员花名册' }).click();
  await expect(page.getByRole('heading', { name: '党员花名册' })).toBeVisible();
  await expect(page.getByText(/在册党员 \d+ 人：正式党员 \d+ 人，预备党员 \d+ 人/)).toBeVisible();
}

async function pickDate(page: Page, label: string, value: string) {
  const input = page.getByRole('dialog', { name: '新增党员' }).getByLabel(label, { exact: true });
  await input.fill(value);
  await input.press('Enter');
}

async function addMember(page: Page) {
  await page.getByRole('button', { name: '新增党员' }).click();
  const form = page.getByRole('dialog', { name: '新增党员' });
  await form.getByLabel('姓名', { exact: true }).fill(NAME);
  await form.getByLabel('公民身份号码', { exact: true }).fill(ID);
  // A valid number fills 性别 and 出生日期.
  await expect(form.getByLabel('出生日期', { exact: true })).toHaveValue('1985年6月15日');
  await expect(form.getByRole('radio', { name: '男' })).toBeChecked();
  await pickDate(page, '入党时间', '2010-07-01');
  await pickDate(page, '转正时间', '2011-07-01');
  await pickDate(page, '组织关系转入时间', '2020-03-16');
  await form.getByLabel('联系电话', { exact: true }).fill('13800001111');
  await form.getByRole('button', { name: SAVE }).click();
  await expect(page.getByText('已保存')).toBeVisible();
  await expect(form).toBeHidden();
}

test.describe('党员花名册', () => {
  test('新增党员：按表单标签填写，保存后在列表中，刷新后仍在', async ({ page }) => {
    await openRosterWithDemoBranch(page);
    await addMember(page);
    await expect(page.getByText(NAME, { exact: true })).toBeVisible();
    await expect(page.getByText('在册党员 26 人：正式党员 24 人，预备党员 2 人')).toBeVisible();
    await page.screenshot({ path: '/tmp/members-list.png' });

    await page.reload();
    await expect(page.getByRole('heading', { name: '党员花名册' })).toBeVisible();
    await expect(page.getByText(NAME, { exact: true })).toBeVisible();

    // The detail shows the record with dates the Chinese way, 党龄 and the change log.
    await page.getByText(NAME, { exact: true }).click();
    const detail = page.getByRole('dialog', { name: new RegExp(`^${NAME} `) });
    await expect(detail.getByText('2010年7月1日')).toBeVisible();
    await expect(detail.getByText(/^\d+年（自转正时间起算）$/)).toBeVisible();
    await expect(detail.getByRole('rowheader', { name: '组织关系转入时间', exact: true }).locator('xpath=following-sibling::td[1]')).toHaveText('2020年3月16日');
    await expect(detail.getByRole('rowheader', { name: '受处分时间', exact: true })).toHaveCount(0);
    await expect(detail.getByText(`新增党员 ${NAME}`)).toBeVisible();
    await detail.getByRole('button', { name: '关闭' }).click();

    // The same 公民身份号码 again is refused at the field.
    await page.getByRole('button', { name: '新增党员' }).click();
    const form = page.getByRole('dialog', { name: '新增党员' });
    await form.getByLabel('公民身份号码', { exact: true }).fill(ID);
    await expect(form.getByLabel('公民身份号码', { exact: true })).toHaveAccessibleDescription(/本支部已有相同公民身份号码的党员/);
  });

  test('公民身份号码未通过校验：标为待核对，可以保存，不据此带出出生日期；改正后带出的日期随之更新', async ({ page }) => {
    await openRosterWithDemoBranch(page);
    await page.getByRole('button', { name: '新增党员' }).click();
    const form = page.getByRole('dialog', { name: '新增党员' });
    const idInput = form.getByLabel('公民身份号码', { exact: true });
    const birth = form.getByLabel('出生日期', { exact: true });
    await form.getByLabel('姓名', { exact: true }).fill(NAME);

    // A valid number of someone born 1985-06-15 fills the date; a correction to 1986-02-03 follows it (no stale value).
    await idInput.fill(ID);
    await expect(birth).toHaveValue('1985年6月15日');
    const corrected = withCheckChar('11010519860203123');
    await idInput.fill(corrected);
    await expect(birth).toHaveValue('1986年2月3日');

    // A typo anywhere: 待核对 under the field, nothing derived from it, and no "last digit" advice.
    const wrong = corrected.slice(0, 9) + (corrected[9] === '5' ? '6' : '5') + corrected.slice(10);
    await idInput.fill(wrong);
    await expect(idInput).toHaveAccessibleDescription(/待核对：公民身份号码未通过校验，可能有数字录错，请逐位核对/);
    await expect(form.getByText(/最后一位应为/)).toHaveCount(0);
    await expect(birth).toHaveValue('');
    await expect(form).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: '/tmp/members-form-id-unverified.png' });

    // Saving is allowed: the record is kept as written and marked on the roster.
    await form.getByRole('button', { name: SAVE }).click();
    await expect(page.getByText('已保存')).toBeVisible();
    // The virtual table's rows are plain blocks: the tags are found by their text (only this member has them).
    await expect(page.getByText('待核对', { exact: true })).toBeVisible();
    await expect(page.getByText('资料不全', { exact: true })).toHaveAttribute('title', /未填写：性别、出生日期、入党时间、学历/);
  });

  test('资料不全：可以保存并在花名册标注，只看资料不全，工作台计数并链接过去，补全后标注消失、计数减少', async ({ page }) => {
    await openRosterWithDemoBranch(page);
    await page.getByRole('button', { name: '新增党员' }).click();
    const form = page.getByRole('dialog', { name: '新增党员' });
    await form.getByLabel('姓名', { exact: true }).fill(NAME);
    // Only the name is required; each gap is pointed at under its field.
    await form.getByLabel('入党时间', { exact: true }).focus();
    await form.getByLabel('姓名', { exact: true }).focus();
    await expect(form.getByLabel('入党时间', { exact: true })).toHaveAccessibleDescription(/资料不全：尚未填写，请补全/);
    await form.getByRole('button', { name: SAVE }).click();
    await expect(page.getByText('已保存')).toBeVisible();
    await expect(page.getByText(/；资料不全 1 人/)).toBeVisible();

    // The filter, by its label, and through the address.
    await page.getByText('只看资料不全', { exact: true }).click();
    await expect(page.getByRole('switch')).toBeChecked();
    await expect(page).toHaveURL(/\/members\?incomplete=1$/);
    await expect(page.getByText('（当前显示 1 人）')).toBeVisible();
    await expect(page.getByText(NAME, { exact: true })).toBeVisible();
    await expect(page.getByText('资料不全', { exact: true })).toHaveAttribute('title', '未填写：性别、出生日期、入党时间、学历');
    await page.getByText('只看资料不全', { exact: true }).click();
    await expect(page.getByRole('switch')).not.toBeChecked();

    // 工作台: one finding counting them, linking to the filtered roster.
    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '工作台' }).click();
    await expect(page.getByText('1名党员资料不全（缺性别1人，缺出生日期1人，缺入党时间1人，缺学历1人），请在党员花名册中补全')).toBeVisible();
    await page.getByRole('link', { name: '补全党员资料' }).click();
    await expect(page.getByRole('heading', { name: '党员花名册' })).toBeVisible();
    await expect(page.getByRole('switch')).toBeChecked();
    await expect(page.getByText('（当前显示 1 人）')).toBeVisible();

    // Complete the record: the ID gives 性别 and 出生日期, then 入党时间 and 学历.
    await page.getByText(NAME, { exact: true }).click();
    const detail = page.getByRole('dialog', { name: new RegExp(`^${NAME}`) });
    await expect(detail.getByText('资料不全：性别、出生日期、入党时间、学历')).toBeVisible();
    await detail.getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('dialog', { name: '编辑党员' });
    await expect(edit.getByLabel('入党时间', { exact: true })).toHaveAccessibleDescription(/资料不全/);
    await edit.getByLabel('公民身份号码', { exact: true }).fill(ID);
    await expect(edit.getByRole('radio', { name: '男' })).toBeChecked();
    const joined = edit.getByLabel('入党时间', { exact: true });
    await joined.fill('2010-07-01');
    await joined.press('Enter');
    const confirmed = edit.getByLabel('转正时间', { exact: true });
    await confirmed.fill('2011-07-01');
    await confirmed.press('Enter');
    await edit.getByLabel('学历', { exact: true }).click();
    await page.getByTitle('大学本科', { exact: true }).click();
    await edit.getByRole('button', { name: SAVE }).click();
    await expect(edit).toBeHidden();
    await expect(detail.getByText(/^资料不全：/)).toHaveCount(0);
    await detail.getByRole('button', { name: '关闭' }).click();
    await expect(page.getByText('没有符合条件的党员')).toBeVisible();

    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '工作台' }).click();
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
    await expect(page.getByText(/名党员资料不全/)).toHaveCount(0);
  });

  test('党内职务来自支部信息：书记在花名册显示为书记；1280 和 1440 像素宽时姓名、党内职务、工作岗位、联系电话无需横向滚动', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
    const secretary = (await page.getByText(/^书记：/).getByRole('link').first().textContent()) ?? '';
    expect(secretary).not.toBe('');
    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '党员花名册' }).click();
    await page.getByPlaceholder('搜索姓名、拼音首字母或身份证号后几位').fill(secretary);
    await expect(page.getByText('（当前显示 1 人）')).toBeVisible();
    await expect(page.getByText('书记', { exact: true })).toBeVisible();
    await page.getByPlaceholder('搜索姓名、拼音首字母或身份证号后几位').fill('');

    for (const width of [1280, 1440]) {
      await page.setViewportSize({ width, height: 800 });
      for (const header of ['姓名', '党内职务', '工作岗位', '联系电话']) {
        await expect(page.getByRole('columnheader', { name: header, exact: true })).toBeInViewport({ ratio: 1 });
      }
      const sideways = await page.locator('.ant-table-body, .ant-table-tbody-virtual-holder').first().evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(sideways, `width ${width}`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `/tmp/members-roster-${width}.png` });
    }
  });

  test('支部信息设张建国为书记：花名册显示书记，工作台与支部信息一样说不设支部委员会', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '创建支部' }).click();
    const create = page.getByRole('dialog', { name: '创建支部' });
    await create.getByLabel('支部全称').fill('中共测试局机关第一支部委员会');
    await create.getByRole('button', { name: /^创\s?建$/ }).click();
    await expect(create).toBeHidden();
    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '党员花名册' }).click();
    // Only the name is required: three members, saved with their gaps.
    for (const name of ['张建国', '李明', '王芳']) {
      await page.getByRole('button', { name: '新增党员' }).click();
      const form = page.getByRole('dialog', { name: '新增党员' });
      await form.getByLabel('姓名', { exact: true }).fill(name);
      await form.getByRole('button', { name: SAVE }).click();
      await expect(form).toBeHidden();
    }

    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '设置' }).click();
    await page.getByRole('tab', { name: '支部信息' }).click();
    await expect(page.getByText('正式党员不足7人，不设支部委员会，只设书记（必要时设副书记）')).toBeVisible();
    for (const [index, name] of [[1, '张建国'], [2, '李明']] as const) {
      await page.getByRole('button', { name: '添加书记或副书记' }).click();
      await page.getByLabel(`第${index}位支委的姓名`).click();
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option').getByText(name, { exact: true }).click();
    }
    await expect(page.getByRole('list', { name: '支委会成员' }).getByRole('listitem').nth(0)).toContainText('书记');
    await page.getByRole('button', { name: /^保\s?存$/ }).click();
    // The members' 已保存 notices may still be up: the roster below proves this one.
    await expect(page.getByText('已保存').first()).toBeVisible();

    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '党员花名册' }).click();
    await page.getByPlaceholder('搜索姓名、拼音首字母或身份证号后几位').fill('张建国');
    await expect(page.getByText('（当前显示 1 人）')).toBeVisible();
    await expect(page.getByText('书记', { exact: true })).toBeVisible();
    await page.getByText('张建国', { exact: true }).click();
    await expect(page.getByRole('rowheader', { name: '党内职务', exact: true }).locator('xpath=following-sibling::td[1]')).toHaveText('书记');
    await page.getByRole('button', { name: '关闭' }).click();

    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '工作台' }).click();
    await expect(page.getByText('（不设支部委员会，设副书记）')).toBeVisible();
    await expect(page.getByText(/支委会共/)).toHaveCount(0);
  });

  test('按拼音首字母搜索能找到党员', async ({ page }) => {
    await openRosterWithDemoBranch(page);
    await addMember(page);
    await page.getByPlaceholder('搜索姓名、拼音首字母或身份证号后几位').fill('amh');
    await expect(page.getByText('（当前显示 1 人）')).toBeVisible();
    await expect(page.getByText(NAME, { exact: true })).toBeVisible();
    // The tail of the ID number finds the same member.
    await page.getByPlaceholder('搜索姓名、拼音首字母或身份证号后几位').fill(ID.slice(-6));
    await expect(page.getByText('（当前显示 1 人）')).toBeVisible();
    await expect(page.getByText(NAME, { exact: true })).toBeVisible();
  });

  test('转出的党员移入历史党员', async ({ page }) => {
    await openRosterWithDemoBranch(page);
    await addMember(page);
    await page.getByText(NAME, { exact: true }).click();
    const detail = page.getByRole('dialog', { name: new RegExp(`^${NAME} `) });
    await detail.getByRole('button', { name: '转出/离开' }).click();

    const departure = page.getByRole('dialog', { name: `转出/离开：${NAME}` });
    await departure.getByLabel('原因', { exact: true }).click();
    await page.getByTitle('转出', { exact: true }).click();
    await departure.getByLabel('说明', { exact: true }).fill('调往市财政局');
    await departure.getByRole('button', { name: /^确\s?定$/ }).click();
    await expect(page.getByText(`${NAME}已移入历史党员`)).toBeVisible();
    await expect(detail.getByText('变更记录')).toBeVisible();
    await expect(detail.getByText(/移入历史党员（转出，/)).toBeVisible();

    await expect(departure).toBeHidden();
    await detail.getByRole('button', { name: '关闭' }).click();
    await expect(detail).toBeHidden();
    await expect(page.getByText('在册党员 25 人：正式党员 23 人，预备党员 2 人')).toBeVisible();
    await expect(page.getByText(NAME, { exact: true })).toBeHidden();

    await page.getByRole('radiogroup', { name: '花名册范围' }).getByText('历史党员', { exact: true }).click();
    await expect(page.getByText('历史党员 1 人')).toBeVisible();
    await expect(page.getByText(NAME, { exact: true })).toBeVisible();
    await expect(page.getByText('调往市财政局')).toBeVisible();
  });
});
