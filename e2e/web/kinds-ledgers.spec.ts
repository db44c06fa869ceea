import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { pickOption } from '../support/antd';
import { cellText, chooseLedger, choosePreview, download, loadDemo } from '../support/ledgers';
import { test, expect } from '../fixtures';

/**
 * The three later ledgers (民主评议党员, 党费收缴, 学习培训学时) leave the app as files and come back: exported from
 * the demo branch, each file read on 导入 plans every row as 跳过; the 检查材料包 holds their files 07–09 and the
 * 自检报告 judges their rules. The clock is fixed at 2026-11-20 (as in kinds.spec.ts): the demo's 民主评议 is last
 * December's, its 党费 the twelve months before November, its 学时 this year's up to yesterday.
 */
const TODAY = new Date('2026-11-20T10:00:00+08:00');

/** What the preview counts for a sheet whose every row is already stored. */
const allSkipped = /^新增 0 · 更新 0 · 跳过 [1-9]\d* · 冲突 0 · 有错误 0$/;

const LEDGERS = [
  { label: '民主评议党员', year: 2025, title: '民主评议党员结果' },
  { label: '党费收缴台账', year: 2026, title: '党费收缴明细表' },
  { label: '学习培训学时', year: 2026, title: '学习培训学时登记表' },
] as const;

/** Every row of a sheet as the text of its cells, from row `from` on. */
function rowsOf(sheet: ExcelJS.Worksheet, from = 1): string[][] {
  const rows: string[][] = [];
  sheet.eachRow((row, number) => {
    if (number >= from) {
      rows.push(row.values instanceof Array ? row.values.slice(1).map(cellText) : []);
    }
  });
  return rows;
}

async function workbookOf(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

async function chooseYear(page: Page, year: number) {
  await page.getByRole('combobox', { name: '年度' }).click();
  await pickOption(page, `${year}年度`);
  await expect(page.getByText(`导出期间：${year}年度`)).toBeVisible();
}

test.describe('民主评议、党费、学时：导出、再导入、检查材料包', () => {
  test('导出三本台账 → 在导入中每行都是跳过，没有可导入的行；党费空白模板有填表说明', async ({ page }) => {
    test.setTimeout(120_000);
    await page.clock.setFixedTime(TODAY);
    const dir = mkdtempSync(path.join(tmpdir(), 'kinds-ledgers-e2e-'));
    const branchName = await loadDemo(page, '导出');

    const files: string[] = [];
    for (const ledger of LEDGERS) {
      await chooseYear(page, ledger.year);
      await chooseLedger(page, ledger.label);
      const file = await download(page, () => page.getByRole('button', { name: '导出Excel' }).click(), dir);
      expect(path.basename(file)).toBe(`${branchName}_${ledger.year}年度_${ledger.label}.xlsx`);
      await expect(page.getByText(`已导出 ${path.basename(file)}`)).toBeVisible();
      const sheet = (await workbookOf(readFileSync(file))).worksheets[0];
      const title = cellText(sheet.getRow(1).getCell(1).value);
      expect(title).toContain(ledger.title);
      expect(title).toContain(branchName);
      // Title, information line, header, then the records.
      expect(rowsOf(sheet, 4).length, `${ledger.label} 的数据行`).toBeGreaterThan(1);
      files.push(file);
    }

    // The blank 党费 template: the long shape a treasurer fills, with its 填表说明.
    await chooseLedger(page, '党费收缴台账');
    const template = await download(page, () => page.getByRole('button', { name: '下载空白模板' }).click(), dir);
    expect(path.basename(template)).toBe('党费收缴台账_空白模板.xlsx');
    const guide = (await workbookOf(readFileSync(template))).getWorksheet('填表说明');
    expect(guide, '填表说明 工作表').toBeDefined();
    expect(cellText(guide!.getRow(1).getCell(1).value)).toContain('党费收缴台账导入模板 填表说明');
    const guideRows = rowsOf(guide!);
    const month = guideRows.find((r) => r[0] === '所属月份');
    expect(month?.[1]).toBe('是');
    expect(month?.[2]).toContain('党费所属的月份（不是交纳日期）');
    expect(guideRows.find((r) => r[0] === '核定基数')?.[2]).toContain('单位元，精确到分');

    // Read back on 导入, every row is what the branch already holds: 跳过, nothing to write.
    await page.getByRole('tab', { name: '导入' }).click();
    await expect(page.getByText(/^支持 \.xlsx、\.xlsm 和 \.csv：党员花名册、.*、民主评议党员结果、党费收缴台账、学习培训学时；/)).toBeVisible();
    for (const file of files) {
      await choosePreview(page, file);
      await expect(page.getByTestId('sheet-counts')).toHaveText([allSkipped]);
      await expect(page.getByTestId('import-selected')).toHaveText('没有可导入的行');
      await expect(page.getByRole('button', { name: /^导\s?入$/ })).toBeDisabled();
      if (file.endsWith('_党费收缴台账.xlsx')) {
        await expect(page.getByText(/识别为：党费收缴台账/)).toBeVisible();
        // A member's row holds a record per month: each line says which, and money reads in 元 as written.
        await expect(page.getByText('党费记录 2026年1月', { exact: true }).first()).toBeVisible();
        await expect(page.getByText('党费记录 2026年2月', { exact: true }).first()).toBeVisible();
        await expect(page.getByText(/^\d+\.\d{2}元$/).first()).toBeVisible();
        await page.screenshot({ path: test.info().outputPath('dues-import-preview.png'), fullPage: true });
      }
      await page.getByRole('button', { name: /^放\s?弃$/ }).click();
      await expect(page.getByText(/^预览：/)).toHaveCount(0);
    }
  });

  test('检查材料包含 07 民主评议、08 党费、09 学时，自检报告有它们的规则；导入材料包时三本台账也是跳过', async ({ page }) => {
    test.setTimeout(120_000);
    await page.clock.setFixedTime(TODAY);
    const dir = mkdtempSync(path.join(tmpdir(), 'kinds-package-e2e-'));
    const branchName = await loadDemo(page, '检查材料包');
    const file = await download(page, () => page.getByRole('button', { name: '生成检查材料包' }).click(), dir);
    expect(path.basename(file)).toBe(`${branchName}_2026年度_党建台账.zip`);

    const entries = unzipSync(new Uint8Array(readFileSync(file)));
    const names = Object.keys(entries);
    expect(names).toContain('07_民主评议党员.xlsx');
    expect(names).toContain('08_党费收缴台账.xlsx');
    expect(names).toContain('09_学习培训学时.xlsx');
    // 党费 and 学时 of 2026 have records in the demo; 民主评议 of 2026 is not held yet (its sheet is the header alone).
    for (const name of ['08_党费收缴台账.xlsx', '09_学习培训学时.xlsx']) {
      const sheet = (await workbookOf(entries[name])).worksheets[0];
      expect(rowsOf(sheet, 4).length, `${name} 的数据行`).toBeGreaterThan(1);
    }
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json'])) as { files: { path: string }[] };
    expect(manifest.files.map((f) => f.path)).toEqual(expect.arrayContaining(['07_民主评议党员.xlsx', '08_党费收缴台账.xlsx', '09_学习培训学时.xlsx']));

    // 00_自检报告: one row per rule; the new rules are judged (their records are in the package).
    const report = (await workbookOf(entries['00_自检报告.xlsx'])).getWorksheet('自检报告');
    expect(report, '自检报告 工作表').toBeDefined();
    const rows = rowsOf(report!);
    const rowOf = (label: string) => rows.find((r) => r[0] === label);
    for (const label of ['民主评议结果', '优秀党员比例', '评议结果处置', '党费足额交纳', '党费按月交纳', '党费补交期限', '学习培训学时']) {
      const row = rowOf(label);
      expect(row, `自检报告中“${label}”一行`).toBeDefined();
      expect(row![3], `“${label}”的结论`).toMatch(/^(符合|不符合|需注意|提醒)$/);
    }
    // The gaps name the members: three months behind, one month paid short, hours short of 32.
        expect(rowOf('党费按月交纳')![1]).toContain('按月足额交纳党费');
    expect(rowOf('党费按月交纳')![4]).toMatch(/党员.+有3个月未交纳党费/);
    expect(rowOf('党费足额交纳')![4]).toMatch(/党员.+应交[\d.]+元，实交[\d.]+元，未足额交纳/);
    expect(rowOf('学习培训学时')![1]).toContain('不少于32学时');
    expect(rowOf('学习培训学时')![4]).toMatch(/党员.+学习培训[\d.]+学时，距32学时还差[\d.]+学时/);

    // The package chosen on 导入: every ledger in it, 07–09 too, reads back as the very records it came from.
    await page.getByRole('tab', { name: '导入' }).click();
    await choosePreview(page, file);
    for (const sheet of ['07_民主评议党员 › 民主评议党员', '08_党费收缴台账 › 党费收缴', '09_学习培训学时 › 学时登记']) {
      await expect(page.getByText(`工作表：${sheet}`, { exact: true })).toBeVisible();
    }
    const empty = '新增 0 · 更新 0 · 跳过 0 · 冲突 0 · 有错误 0';
    // 01–05, then 07 (no 民主评议 in 2026 yet), 08 and 09.
    await expect(page.getByTestId('sheet-counts')).toHaveText([...Array<RegExp>(5).fill(allSkipped), empty, allSkipped, allSkipped]);
    await expect(page.getByTestId('import-selected')).toHaveText('没有可导入的行');
  });
});
