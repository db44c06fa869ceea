import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { craftXlsx, rowsXml, SHEET_HEAD, SHEET_TAIL } from '../../shared/ledgers/read/craftXlsx';
import { filled, utf8Bytes } from '../../shared/zip/craft';
import { test, expect, gotoApp } from '../fixtures';

const roster = fileURLToPath(new URL('../fixtures-files/党员花名册.xlsx', import.meta.url));
let dir: string;

test.beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'branch-ledger-hostile-'));
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test.describe('恶意或损坏的文件', () => {
  test('导入一个解压后 3 GB 的工作簿：说明原因，页面照常可用，随后正常导入成功', async ({ page }) => {
    test.setTimeout(120_000);
    // 3 MB on disk, a worksheet of 3 GiB of spaces between its rows; its zip declares 1 kB.
    const head = utf8Bytes(SHEET_HEAD + rowsXml([['姓名', '性别', '出生日期'], ['张三', '男', '1990-01-01']]));
    const bomb = path.join(dir, '花名册（炸弹）.xlsx');
    writeFileSync(bomb, craftXlsx([{ name: '花名册', part: { prefix: head, bytes: filled(1024 * 1024, 0x20), times: 3 * 1024, suffix: utf8Bytes(SHEET_TAIL), declaredSize: 1024 } }]));

    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await expect(page.getByRole('menu', { name: '主菜单' })).toBeVisible();
    await page.goto('/#/ledgers');
    const choose = async (file: string) => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: '选择文件' }).click();
      await (await chooser).setFiles(file);
    };

    await choose(bomb);
    await expect(page.getByText('工作簿中的工作表“花名册”（xl/worksheets/sheet1.xml）解压后超过 200 MB，无法读取', { exact: false })).toBeVisible({
      timeout: 30_000,
    });
    // The page is still usable: the same page reads and imports a real ledger.
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /^(知道了|确\s?定|OK)$/ }).click({ timeout: 2_000 }).catch(() => undefined);
    await choose(roster);
    await expect(page.getByText('预览：党员花名册.xlsx')).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: /^导\s?入$/ }).click();
    const confirm = page.getByRole('dialog', { name: '确认导入' });
    await confirm.getByRole('button', { name: /^导\s?入$/ }).click();
    await expect(page.getByText(/^导入完成：/)).toBeVisible({ timeout: 30_000 });
  });

  test('一页出错时显示原因和“重新加载”，左侧菜单照常可用', async ({ page }) => {
    await gotoApp(page);
    await page.getByRole('button', { name: '加载示例数据' }).click();
    await expect(page.getByRole('menu', { name: '主菜单' })).toBeVisible();
    // The branch record damaged outside the app (its 党小组 not a list), as a broken disk or a hand edit might.
    await page.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('branch-ledger');
          open.onerror = () => reject(open.error ?? new Error('IndexedDB request failed'));
          open.onsuccess = () => {
            const db = open.result;
            const transaction = db.transaction('branches', 'readwrite');
            transaction.oncomplete = () => resolve();
            transaction.onerror = () => reject(transaction.error ?? new Error('IndexedDB request failed'));
            const cursor = transaction.objectStore('branches').openCursor();
            cursor.onsuccess = () => {
              const row = cursor.result!.value as Record<string, unknown>;
              cursor.result!.update({ ...row, partyGroups: 'x', committee: { ...(row.committee as object), members: 'x' } });
            };
            cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB request failed'));
          };
        }),
    );
    await page.reload();
    await page.goto('/#/settings');
    await expect(page.getByText('这一页出错了')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByRole('button', { name: '重新加载' })).toBeVisible();
    await page.getByRole('menu', { name: '主菜单' }).getByText('台账导入导出').click();
    await expect(page.getByRole('heading', { name: '台账导入导出' })).toBeVisible();
  });
});
