import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { rosterWorkbook } from '../../scripts/bench/importDataset';
import { pickOption } from '../support/antd';
import { choosePreview, commitImport, startReading } from '../support/ledgers';
import { test, expect, gotoApp } from '../fixtures';

const file = (name: string) => fileURLToPath(new URL(`../fixtures-files/${name}`, import.meta.url));

async function openLedgers(page: Page) {
  await page.goto('/#/ledgers');
  await expect(page.getByRole('heading', { name: '台账导入导出' })).toBeVisible();
}

async function startWithDemo(page: Page) {
  await gotoApp(page);
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await expect(page.getByRole('menu', { name: '主菜单' })).toBeVisible();
  await openLedgers(page);
}

/** 李秀英's number with its right check digit (the template has it with a wrong one). */
const VALID_LI_ID = '110105198507200247';

/** How many members the 工作台 counts as 资料不全 (rule roster.incomplete), 0 when it lists none. */
async function incompleteOnDashboard(page: Page): Promise<number> {
  await page.goto('/#/');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  // The findings are drawn once the rules have run: count only then.
  await expect(page.getByText(/^待办与提醒（\d{4}年）$/)).toBeVisible();
  const line = page.getByText(/\d+\s*名党员资料不全/).first();
  if ((await line.count()) === 0) {
    return 0;
  }
  return Number(/(\d+)\s*名党员资料不全/.exec(await line.innerText())?.[1] ?? 0);
}

/** Chooses a fixture file and waits for its preview. */
async function choose(page: Page, name: string) {
  await choosePreview(page, file(name));
}

/** `找到 46 条` on the meetings list of 2025. */
async function meetingsIn2025(page: Page): Promise<number> {
  await page.goto('/#/meetings?year=2025');
  const found = page.getByText(/^找到 \d+ 条$/);
  await expect(found).toBeVisible();
  return Number(/\d+/.exec(await found.innerText())?.[0]);
}

test.describe('台账导入', () => {
  test('导入五种台账：预览每行的操作和问题，导入后在各模块中，撤销一次导入后恢复原样', async ({ page }) => {
    test.setTimeout(120_000);
    await startWithDemo(page);
    await expect(page.getByText('还没有导入过')).toBeVisible();

    // 党员花名册: every row 新增 (转正时间 written to the month is no cause for a warning), one row left out.
    await choose(page, '党员花名册.xlsx');
    await expect(page.getByText(/识别为：党员花名册，表头在第3行，共 24 行数据/)).toBeVisible();
    await expect(page.getByTestId('sheet-counts')).toHaveText('新增 24 · 更新 0 · 跳过 0 · 冲突 0 · 有错误 0');
    await expect(page.getByTestId('import-selected')).toHaveText('将导入 党员花名册：新增 24 名党员');
    await expect(page.getByText('提示：转正时间一般在入党一年后（延长预备期不超过一年），请核对')).toHaveCount(0);
    await page.getByRole('checkbox', { name: '导入第4行' }).uncheck();
    await expect(page.getByTestId('import-selected')).toHaveText('将导入 党员花名册：新增 23 名党员');
    await commitImport(page, '党员花名册：新增 23 名党员');
    await expect(page.getByRole('cell', { name: '新增 23 名党员' })).toBeVisible();

    await page.goto('/#/members');
    const search = page.getByPlaceholder('搜索姓名、拼音首字母或身份证号后几位');
    await search.fill('程博鑫');
    await expect(page.getByText('程博鑫', { exact: true })).toBeVisible();
    await search.fill('莫涛建');
    await expect(page.getByText('莫涛建', { exact: true })).toHaveCount(0);

    // 三会一课: people are found on the roster just imported; the one left out is named in the row's notes.
    const meetingsBefore = await meetingsIn2025(page);
    await openLedgers(page);
    await choose(page, '三会一课台账.xlsx');
    await expect(page.getByTestId('sheet-counts')).toHaveText('新增 44 · 更新 0 · 跳过 0 · 冲突 0 · 有错误 0');
    await page.getByRole('switch', { name: '只看有问题的行' }).click();
    await expect(page.getByText('显示 11 行')).toBeVisible();
    await expect(page.getByText('提示：只写了“上午”，没有具体时刻，按 09:00 导入').first()).toBeVisible();
    await page.getByRole('switch', { name: '只看有问题的行' }).click();
    await expect(page.getByTestId('row-action').first()).toContainText('主持人“莫涛建”不在本支部花名册中');
    await commitImport(page, '“三会一课”会议记录：新增 44 条会议记录');
    expect(await meetingsIn2025(page)).toBe(meetingsBefore + 44);

    // 谈心谈话: rows naming the member left out cannot be imported.
    await openLedgers(page);
    await choose(page, '谈心谈话记录.xlsx');
    await expect(page.getByTestId('sheet-counts')).toHaveText('新增 16 · 更新 0 · 跳过 0 · 冲突 0 · 有错误 4');
    await expect(page.getByText('提示：谈话人“程博鑫”也是谈话对象，请核对')).toBeVisible();
    await commitImport(page, '谈心谈话记录：新增 16 条谈话记录');
    await page.goto('/#/talks?year=2025');
    await expect(page.getByText('2025年共 16 条')).toBeVisible();
    await expect(page.getByRole('row', { name: /2025年12月15日\s+田雪\s+马涛芳/ })).toBeVisible();

    // 思想动态分析: the period's analysis is created with one entry per member.
    await openLedgers(page);
    await choose(page, '党员思想动态分析.xlsx');
    await expect(page.getByTestId('sheet-counts')).toHaveText('新增 23 · 更新 0 · 跳过 0 · 冲突 0 · 有错误 1');
    await expect(page.getByTestId('row-action').first()).toContainText('新建2025年第二季度思想动态分析');
    // 分析时段 as its label (never raw JSON); the text of a 需关注 row is hidden, as in 思想动态分析.
    await expect(page.getByText('2025年第二季度', { exact: true }).first()).toBeVisible();
    await expect(page.getByText(/"kind"|"start"/)).toHaveCount(0);
    await expect(page.getByText('（已隐藏）').first()).toBeVisible();
    await commitImport(page, '党员思想动态分析：新增 23 名党员的分析');
    await page.goto('/#/analyses');
    await expect(page.getByRole('row', { name: /2025年第二季度\s+季度.*23人/ })).toBeVisible();

    // 整改台账: a problem listed twice is a 冲突; the user adds it as a new task.
    await openLedgers(page);
    await choose(page, '整改台账.xlsx');
    await expect(page.getByTestId('sheet-counts')).toHaveText('新增 11 · 更新 0 · 跳过 0 · 冲突 2 · 有错误 0');
    await page.getByRole('switch', { name: '只看有问题的行' }).click();
    await expect(page.getByText('显示 2 行')).toBeVisible();
    const resolver = page.getByRole('combobox', { name: /^处理第\d+行的冲突$/ }).first();
    await resolver.click();
    await pickOption(page, '作为新记录导入');
    await expect(page.getByTestId('sheet-counts')).toHaveText('新增 12 · 更新 0 · 跳过 0 · 冲突 1 · 有错误 0');
    await commitImport(page, '问题整改台账：新增 12 条整改问题');
    await page.goto('/#/rectifications');
    await page.getByRole('textbox', { name: '搜索整改任务' }).fill('党支部换届选举未按期进行');
    await expect(page.getByText('党支部换届选举未按期进行').first()).toBeVisible();

    // 撤销 the meetings import: the 44 meetings are gone, the other imports stay.
    await openLedgers(page);
    await page.getByRole('row', { name: /三会一课台账\.xlsx/ }).getByRole('button', { name: '撤销本次导入' }).click();
    const undo = page.getByRole('dialog', { name: '撤销本次导入' });
    await expect(undo).toContainText('本次导入新增 44 条会议记录');
    await undo.getByRole('button', { name: '撤销导入' }).click();
    await expect(page.getByText('已撤销本次导入')).toBeVisible();
    await expect(page.getByRole('row', { name: /三会一课台账\.xlsx/ })).toContainText('已撤销');
    await expect(page.getByRole('button', { name: '撤销本次导入' })).toHaveCount(4);
    expect(await meetingsIn2025(page)).toBe(meetingsBefore);
    await page.goto('/#/talks?year=2025');
    await expect(page.getByText('2025年共 16 条')).toBeVisible();
  });

  test('更改识别结果：列对应、表头行、台账类型，改后重新读取', async ({ page }) => {
    await startWithDemo(page);
    await choose(page, '党员花名册.xlsx');
    const preview = page.getByRole('table').first();
    await expect(preview.getByRole('columnheader', { name: '联系电话' })).toBeVisible();

    // 联系电话 not imported: the file is read again without it; every row is still 新增.
    await page.getByRole('button', { name: '列对应（13 列导入，共 14 列）' }).click();
    await page.getByRole('combobox', { name: 'M列“联系电话”导入为' }).fill('不导入');
    await pickOption(page, '不导入');
    await expect(page.getByRole('button', { name: '列对应（12 列导入，共 14 列）' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('columnheader', { name: '联系电话' })).toHaveCount(0);
    await expect(page.getByTestId('sheet-counts')).toHaveText('新增 24 · 更新 0 · 跳过 0 · 冲突 0 · 有错误 0');

    // 备注 read as 工作岗位: the column's header now stands for that field.
    await page.getByRole('combobox', { name: 'N列“备注”导入为' }).fill('工作岗位');
    await pickOption(page, '工作岗位');
    await expect(page.getByRole('columnheader', { name: '备注 → 工作岗位' })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('columnheader', { name: '工作岗位', exact: true })).toHaveCount(0);

    // The title row as header: nothing matches, the sheet says what is missing.
    await page.getByRole('combobox', { name: '工作表“党员花名册”的表头行' }).click();
    await pickOption(page, '第1行：中共某市统计局机关第一支部委员会党员花名册');
    await expect(page.getByText(/^未导入：按党员花名册读取时缺少“姓名”/)).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('sheet-counts')).toHaveCount(0);
    await page.getByRole('combobox', { name: '工作表“党员花名册”的表头行' }).click();
    await pickOption(page, '第3行：序号 | 姓名 | 性别 | 民族 | 出生日期 | 身份证号码 | 学历 | 入党时间');
    await expect(page.getByTestId('sheet-counts')).toHaveText('新增 24 · 更新 0 · 跳过 0 · 冲突 0 · 有错误 0', { timeout: 20_000 });

    // 不导入 for the sheet: nothing to import.
    await page.getByRole('combobox', { name: '工作表“党员花名册”的台账类型' }).click();
    await pickOption(page, '不导入');
    await expect(page.getByText('本工作表不导入')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByRole('button', { name: /^导\s?入$/ })).toHaveCount(0);
  });

  test('大文件：读取时显示进度和当前步骤，界面可操作，取消后回到选择文件', async ({ page }, testInfo) => {
    test.setTimeout(120_000);
    const path = testInfo.outputPath('大花名册.xlsx');
    writeFileSync(path, (await rosterWorkbook(20_000)).bytes);
    await startWithDemo(page);

    await startReading(page, path);
    await expect(page.getByRole('progressbar', { name: '读取进度' })).toBeVisible();
    // The stages follow the read: unzipping, the sheet being read, then the rows being checked.
    await expect(page.getByTestId('import-stage')).toContainText(/正在解压…|正在读取工作表“党员花名册”…|正在校验/);
    await expect(page.getByTestId('import-stage')).toContainText(/正在读取工作表“党员花名册”…|正在校验第\d+行…/, { timeout: 60_000 });
    // The page keeps taking the worker's messages: the bar moves on.
    const bar = page.getByRole('progressbar', { name: '读取进度' });
    const first = Number(await bar.getAttribute('aria-valuenow'));
    await expect.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 }).toBeGreaterThan(first);
    await page.getByRole('button', { name: /^取\s?消$/ }).click();
    await expect(page.getByText('已取消读取')).toBeVisible();
    await expect(page.getByRole('progressbar', { name: '读取进度' })).toHaveCount(0);
    await expect(page.getByText(/^预览：/)).toHaveCount(0);
    await expect(page.getByRole('button', { name: '选择文件' })).toBeEnabled();
  });

  test('另一系统的导入模板：说明文字跳过，预览中改单元格、设统一值，导入后资料不全的党员可补全', async ({ page }) => {
    test.setTimeout(120_000);
    await startWithDemo(page);
    const before = await incompleteOnDashboard(page);
    await openLedgers(page);

    // Two sample rows, a red * header per required column and a merged 填写注意事项 block: 2 members, the notes once.
    await choose(page, 'other-system-template.xlsx');
    await expect(page.getByText(/识别为：党员花名册，表头在第2行，共 2 行数据/)).toBeVisible();
    await expect(page.getByTestId('sheet-notes')).toHaveText(/^第6—12行：说明文字，已跳过（“填写注意事项：/);
    await expect(page.getByTestId('sheet-counts')).toHaveText('新增 2 · 更新 0 · 跳过 0 · 冲突 0 · 有错误 0');
    await expect(page.getByText(/党籍状态（正式党员或预备党员）\*”更贴切，本列未导入/)).toBeVisible();
    await expect(page.getByTestId('unused-columns')).toHaveText('未导入的列：G列“工作单位”、L列“工号”');
    await expect(page.getByText(/^提示：资料不全：缺少民族/)).toHaveCount(2);

    // A cell corrected in place: 李秀英's 民族; the row's issue goes before anything is written.
    await page.getByRole('button', { name: '修改第4行“民族”' }).click();
    await page.getByRole('textbox', { name: '修改第4行“民族”' }).fill('回族');
    await page.getByRole('textbox', { name: '修改第4行“民族”' }).press('Enter');
    await expect(page.getByText(/^提示：资料不全：缺少民族/)).toHaveCount(1);
    // One value for the column over the sheet: the remaining empty 民族 is 汉族; the corrected cell stays 回族.
    await page.getByRole('combobox', { name: '统一设置的项目' }).click();
    await pickOption(page, '民族');
    await page.getByRole('textbox', { name: '统一设置的值' }).fill('汉族');
    await page.getByRole('button', { name: '应用到本表空白处' }).click();
    await expect(page.getByText(/^提示：资料不全：缺少民族/)).toHaveCount(0);
    await expect(page.getByText('民族 = 汉族')).toBeVisible();
    await expect(page.getByText('提示：按本表统一设置的“汉族”导入')).toHaveCount(1);
    // The number with a wrong check digit is kept as written, 待核对; 出生日期 is not made up from it.
    await expect(page.getByText(/提示：待核对：公民身份号码未通过校验/)).toBeVisible();
    await expect(page.getByText('提示：资料不全：缺少出生日期，导入后可在花名册中补全')).toBeVisible();
    // The label of the switch toggles it.
    await page.getByText('只看有问题的行', { exact: true }).click();
    await expect(page.getByRole('switch', { name: '只看有问题的行' })).toBeChecked();
    await commitImport(page, '党员花名册：新增 2 名党员');

    // On the roster; 李秀英 is 资料不全 (the tag is the roster's, issue 10 records part).
    await page.goto('/#/members');
    const search = page.getByPlaceholder('搜索姓名、拼音首字母或身份证号后几位');
    await search.fill('王建国');
    await expect(page.getByText('王建国', { exact: true })).toBeVisible();
    await search.fill('李秀英');
    await expect(page.getByText('当前显示 1 人', { exact: false })).toBeVisible();
    await expect(page.getByText('李秀英', { exact: true })).toBeVisible();
    // The tag 资料不全 on her row (the search shows her alone), and 待核对 for the number that fails its check.
    await expect(page.getByText('资料不全', { exact: true })).toBeVisible();
    await expect(page.getByText('待核对', { exact: true })).toBeVisible();
    expect(await incompleteOnDashboard(page)).toBe(before + 1);

    // Completing the record (the right number gives 出生日期) takes her off the 工作台's count; 民族 is the corrected cell.
    await page.goto('/#/members');
    await search.fill('李秀英');
    await page.getByText('李秀英', { exact: true }).click();
    const detail = page.getByRole('dialog', { name: /^李秀英 / });
    await expect(detail.getByText('回族', { exact: true })).toBeVisible();
    await detail.getByRole('button', { name: '编辑' }).click();
    const form = page.getByRole('dialog', { name: '编辑党员' });
    await form.getByLabel('公民身份号码', { exact: true }).fill(VALID_LI_ID);
    await form.getByLabel('出生日期', { exact: true }).fill('1985年7月20日');
    await form.getByRole('button', { name: /^保\s?存$/ }).click();
    await expect(page.getByText('已保存')).toBeVisible();
    expect(await incompleteOnDashboard(page)).toBe(before);
  });
});
