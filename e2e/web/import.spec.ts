import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { rosterWorkbook } from '../../scripts/bench/importDataset';
import { pickOption } from '../support/antd';
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

async function startReading(page: Page, path: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择文件' }).click();
  await (await chooser).setFiles(path);
}

/** Chooses a file through the platform's file chooser and waits for its preview. */
async function choose(page: Page, name: string) {
  await startReading(page, file(name));
  await expect(page.getByText(`预览：${name}`)).toBeVisible({ timeout: 30_000 });
}

/** 导入 → the confirmation lists what will be written → 导入 → the success message. */
async function commit(page: Page, summary: string) {
  await page.getByRole('button', { name: /^导\s?入$/ }).click();
  const confirm = page.getByRole('dialog', { name: '确认导入' });
  await expect(confirm).toContainText(summary);
  await confirm.getByRole('button', { name: /^导\s?入$/ }).click();
  await expect(page.getByText(`导入完成：${summary}`)).toBeVisible({ timeout: 20_000 });
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
    await commit(page, '党员花名册：新增 23 名党员');
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
    await commit(page, '“三会一课”会议记录：新增 44 条会议记录');
    expect(await meetingsIn2025(page)).toBe(meetingsBefore + 44);

    // 谈心谈话: rows naming the member left out cannot be imported.
    await openLedgers(page);
    await choose(page, '谈心谈话记录.xlsx');
    await expect(page.getByTestId('sheet-counts')).toHaveText('新增 16 · 更新 0 · 跳过 0 · 冲突 0 · 有错误 4');
    await expect(page.getByText('提示：谈话人“程博鑫”也是谈话对象，请核对')).toBeVisible();
    await commit(page, '谈心谈话记录：新增 16 条谈话记录');
    await page.goto('/#/talks?year=2025');
    await expect(page.getByText('2025年共 16 条')).toBeVisible();
    await expect(page.getByRole('row', { name: /2025年12月15日\s+田雪\s+马涛芳/ })).toBeVisible();

    // 思想动态分析: the period's analysis is created with one entry per member.
    await openLedgers(page);
    await choose(page, '党员思想动态分析.xlsx');
    await expect(page.getByTestId('sheet-counts')).toHaveText('新增 23 · 更新 0 · 跳过 0 · 冲突 0 · 有错误 1');
    await expect(page.getByTestId('row-action').first()).toContainText('新建2025年第二季度思想动态分析');
    await commit(page, '党员思想动态分析：新增 23 名党员的分析');
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
    await commit(page, '问题整改台账：新增 12 条整改问题');
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
});
