import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { unzipSync, zipSync, type Zippable } from 'fflate';
import { test, expect } from '../fixtures';
import { cellText, chooseLedger, download, loadDemo } from '../support/ledgers';

const LEDGERS = [
  { label: '党员花名册', title: '党员花名册' },
  { label: '三会一课台账', title: '“三会一课”台账' },
  { label: '谈心谈话台账', title: '谈心谈话记录' },
  { label: '思想动态分析', title: '党员思想动态分析' },
  { label: '整改台账', title: '问题整改台账' },
  { label: '组织设置', title: '组织设置' },
] as const;

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** `npm run ledger -- verify <zip> --json`, as IT staff run it (tsx, in a child process): exit code and its JSON. */
function verifyWithCli(file: string): Promise<{ code: number; result: { ok: boolean; problems: { path: string; message: string }[] } }> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/ledger.ts', 'verify', file, '--json'], { cwd: REPO_ROOT }, (error, stdout) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      try {
        resolve({ code, result: JSON.parse(stdout) });
      } catch {
        reject(new Error(`verify printed no JSON (exit ${code}): ${error ? error.message : stdout}`));
      }
    });
  });
}

test.describe('导出与检查材料包', () => {
  test('导出每本台账：文件名含支部和年度，Excel 读回有标题、表头和数据行；下载空白模板', async ({ page }) => {
    test.setTimeout(120_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'export-e2e-'));
    const branchName = await loadDemo(page, '导出');
    const year = new Date().getFullYear();
    await expect(page.getByText(`导出期间：${year}年度`)).toBeVisible();
    // 需关注 details are left out unless asked for, with a warning when they are.
    await expect(page.getByText(/默认不导出：思想状况为“需关注”/)).toBeVisible();
    await page.getByRole('checkbox', { name: '包含“需关注”详情' }).check();
    await expect(page.getByText('导出文件将包含思想状况为“需关注”的党员的具体表现、存在问题和帮扶措施')).toBeVisible();
    await page.screenshot({ path: '/tmp/h6/export-panel.png', fullPage: true });
    await page.getByRole('checkbox', { name: '包含“需关注”详情' }).uncheck();
    await page.getByRole('checkbox', { name: /隐藏身份证号中间位/ }).check();

    for (const ledger of LEDGERS) {
      await chooseLedger(page, ledger.label);
      const file = await download(page, () => page.getByRole('button', { name: '导出Excel' }).click(), dir);
      expect(path.basename(file)).toBe(`${branchName}_${year}年度_${ledger.label}.xlsx`);
      await expect(page.getByText(`已导出 ${path.basename(file)}`)).toBeVisible();

      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(readFileSync(file) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0];
      expect(cellText(sheet.getRow(1).getCell(1).value)).toContain(ledger.title);
      expect(cellText(sheet.getRow(1).getCell(1).value)).toContain(branchName);
      const header = (sheet.getRow(3).values as ExcelJS.CellValue[]).map(cellText).filter(Boolean);
      expect(header.length, `${ledger.label} 的表头`).toBeGreaterThan(1);
      expect(sheet.actualRowCount, `${ledger.label} 的数据行`).toBeGreaterThan(3);
      if (ledger.label === '党员花名册') {
        // 隐藏身份证号中间位: 6 digits, asterisks, 4 characters, in the 公民身份号码 column.
        const column = header.findIndex((h) => h.includes('身份证') || h.includes('公民身份号码'));
        expect(column).toBeGreaterThanOrEqual(0);
        const idColumn = (sheet.getRow(3).values as ExcelJS.CellValue[]).map(cellText).indexOf(header[column]);
        expect(cellText(sheet.getRow(4).getCell(idColumn).value)).toMatch(/^\d{6}\*+[\dX]{4}$/);
        // The hidden digits are the birth date: 出生日期 is left blank with them.
        const birthColumn = (sheet.getRow(3).values as ExcelJS.CellValue[]).map(cellText).indexOf('出生日期');
        expect(birthColumn).toBeGreaterThan(0);
        expect(cellText(sheet.getRow(4).getCell(birthColumn).value)).toBe('');
      }
    }

    // 组织设置 has no import template; the others do.
    await expect(page.getByRole('button', { name: '下载空白模板' })).toBeDisabled();
    await chooseLedger(page, '谈心谈话台账');
    const template = await download(page, () => page.getByRole('button', { name: '下载空白模板' }).click(), dir);
    expect(path.basename(template)).toBe('谈心谈话台账_空白模板.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(template) as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((s) => s.name).join(' ')).toContain('填表说明');

    // A range whose end comes first is refused before anything runs.
    await page.getByRole('radio', { name: '自定义期间' }).check();
    await expect(page.getByText('请选择期间的开始日期')).toBeVisible();
    await expect(page.getByRole('button', { name: '导出Excel' })).toBeDisabled();
  });

  test('生成检查材料包 → 命令行核验通过；改动一个字节 → 核验指出该文件；在应用中校验并排对照', async ({ page }) => {
    test.setTimeout(120_000);
    const dir = mkdtempSync(path.join(tmpdir(), 'package-e2e-'));
    const branchName = await loadDemo(page, '检查材料包');
    const year = new Date().getFullYear();
    await expect(page.getByText('只读查看，不会导入本机数据')).toBeVisible();

    // 取消 stops the worker: no file, a message saying so, and the button is back.
    await page.getByRole('button', { name: '生成检查材料包' }).click();
    await expect(page.getByRole('status', { name: '正在生成检查材料包' })).toBeVisible();
    await page.getByRole('status', { name: '正在生成检查材料包' }).getByRole('button', { name: '取消' }).click();
    await expect(page.getByText('已取消生成检查材料包，没有生成文件')).toBeVisible();

    const file = await download(page, () => page.getByRole('button', { name: '生成检查材料包' }).click(), dir);
    expect(path.basename(file)).toBe(`${branchName}_${year}年度_党建台账.zip`);
    await expect(page.getByText(`检查材料包已生成：${path.basename(file)}`)).toBeVisible();

    const intact = await verifyWithCli(file);
    expect(intact.code).toBe(0);
    expect(intact.result.ok).toBe(true);

    // One byte of one file inside the package changed, the zip rebuilt: the manifest's SHA-256 no longer matches.
    const entries = unzipSync(new Uint8Array(readFileSync(file)));
    const target = Object.keys(entries).find((name) => name.startsWith('01_'));
    expect(target).toBeDefined();
    const rebuilt: Zippable = {};
    for (const [name, bytes] of Object.entries(entries)) {
      if (name === target) {
        const changed = bytes.slice();
        changed[Math.floor(changed.length / 2)] ^= 0x20;
        rebuilt[name] = changed;
      } else {
        rebuilt[name] = bytes;
      }
    }
    const altered = path.join(dir, '改动过的材料包.zip');
    writeFileSync(altered, zipSync(rebuilt));
    const broken = await verifyWithCli(altered);
    expect(broken.code).toBe(1);
    expect(broken.result.ok).toBe(false);
    expect(broken.result.problems.map((p) => p.path)).toEqual([target]);

    // In the app: both packages side by side, nothing imported.
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择检查材料包…' }).click();
    await (await choosing).setFiles([file, altered]);
    await expect(page.getByText(`与包内清单一致：${path.basename(file)}`)).toBeVisible({ timeout: 30_000 });
    await expect(page.getByLabel('材料包指纹').first()).toHaveText(/^([0-9a-f]{4} ){15}[0-9a-f]{4}$/);
    await expect(page.getByText('校验未通过：改动过的材料包.zip（1 个问题）')).toBeVisible();
    await expect(page.getByRole('list', { name: '改动过的材料包.zip 的问题' })).toContainText(target!);

    const basics = page.getByRole('table').filter({ has: page.getByRole('cell', { name: '校验结果' }) });
    await expect(basics.getByRole('columnheader', { name: path.basename(file) })).toBeVisible();
    await expect(basics.getByRole('columnheader', { name: '改动过的材料包.zip' })).toBeVisible();
    await expect(basics.getByRole('row', { name: /^支部/ })).toContainText(branchName);
    await expect(basics.getByRole('row', { name: /^期间/ })).toContainText(`${year}年度`);

    const rules = page.getByRole('table').filter({ has: page.getByRole('cell', { name: '支部党员大会', exact: true }) });
    const partyCongress = rules.getByRole('row').filter({ has: page.getByRole('cell', { name: '支部党员大会', exact: true }) });
    await expect(partyCongress.getByRole('cell')).toHaveCount(3);
    await expect(partyCongress).toContainText(/符合|不符合|需注意|提醒|不检查/);

    // Read only: the roster still holds the demo's members and nothing else.
    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '党员花名册' }).click();
    await expect(page.getByText('在册党员 25 人：正式党员 23 人，预备党员 2 人')).toBeVisible();

    // Asked to import, the package's ledgers read back as the very records they came from: every row 跳过.
    await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '台账导入导出' }).click();
    await page.getByRole('tab', { name: '导入' }).click();
    const importing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件' }).click();
    await (await importing).setFiles(file);
    await expect(page.getByText(`预览：${path.basename(file)}`)).toBeVisible({ timeout: 30_000 });
    const allSkipped = /^新增 0 · 更新 0 · 跳过 [1-9]\d* · 冲突 0 · 有错误 0$/;
    // 07–09 (民主评议, 党费, 学时) may hold no record of this year yet (kinds-ledgers.spec.ts fixes the date).
    const nothingNew = /^新增 0 · 更新 0 · 跳过 \d+ · 冲突 0 · 有错误 0$/;
    await expect(page.getByTestId('sheet-counts')).toHaveText([...Array<RegExp>(5).fill(allSkipped), ...Array<RegExp>(3).fill(nothingNew)]);
    await expect(page.getByTestId('import-selected')).toHaveText('没有可导入的行');
  });
});
