import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, gotoApp } from '../fixtures';

const DEMO_MEMBERS = '在册党员 25 人：正式党员 23 人，预备党员 2 人';

async function openSettings(page: Page, tab: '支部管理' | '数据备份') {
  await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '设置' }).click();
  await page.getByRole('tab', { name: tab }).click();
}

async function openRoster(page: Page) {
  await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '党员花名册' }).click();
  await expect(page.getByRole('heading', { name: '党员花名册' })).toBeVisible();
}

/** Loads the demo, backs it up with 立即备份 and returns the downloaded file's path and the demo branch's name. */
async function demoWithBackup(page: Page, dir: string): Promise<{ file: string; branchName: string }> {
  await gotoApp(page);
  await page.getByRole('button', { name: '加载示例数据' }).click();
  const branchName = (await page.getByRole('banner').innerText()).split('\n').find((line) => line.includes('示例')) ?? '';
  await openSettings(page, '数据备份');
  await expect(page.getByText('在浏览器中运行时没有备份文件夹')).toBeVisible();
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '立即备份' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^支部台账备份_\d{4}-\d{2}-\d{2}_\d{4}\.blbak$/);
  const file = path.join(dir, download.suggestedFilename());
  await download.saveAs(file);
  await expect(page.getByText(/备份已保存.*已校验/)).toBeVisible();
  return { file, branchName };
}

async function chooseBackupFile(page: Page, file: string | { name: string; mimeType: string; buffer: Buffer }) {
  const choosing = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '从备份恢复' }).click();
  await (await choosing).setFiles(file);
}

test.describe('数据备份', () => {
  test('立即备份 → 移除全部数据 → 在欢迎页从备份恢复：示例支部和 25 名党员回来了', async ({ page }) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backup-e2e-'));
    const { file } = await demoWithBackup(page, dir);

    await openSettings(page, '支部管理');
    await page.getByRole('button', { name: '移除示例数据' }).click();
    await page.getByRole('button', { name: /^移\s?除$/ }).click();
    await expect(page.getByRole('heading', { name: '欢迎使用支部台账' })).toBeVisible();

    await chooseBackupFile(page, file);
    const dialog = page.getByRole('dialog', { name: '从备份恢复' });
    await expect(dialog.getByRole('list', { name: '备份中的支部' }).getByRole('listitem')).toHaveCount(1);
    await expect(dialog.getByRole('list', { name: '备份中的支部' })).toContainText('示例');
    await expect(dialog).toContainText('党员 25 人');
    // The later kinds too (the demo's 民主评议 is last year's, its 党费 the twelve months before this one).
    await expect(dialog).toContainText(/民主评议结果 [1-9]\d* 人次，党费记录 [1-9]\d* 条，学时记录 \d+ 条/);
    await expect(dialog).toContainText('手动备份');
    await page.screenshot({ path: '/tmp/backup-restore-dialog.png' });
    await dialog.getByRole('button', { name: '替换为备份中的数据' }).click();

    await expect(page.getByText(/已从备份恢复/)).toBeVisible();
    await expect(page.getByRole('banner')).toContainText('示例');
    await openRoster(page);
    await expect(page.getByText(DEMO_MEMBERS)).toBeVisible();
  });

  test('损坏的备份文件被拒绝，说明原因，数据不变', async ({ page }) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backup-e2e-'));
    const { file } = await demoWithBackup(page, dir);
    const bytes = readFileSync(file);
    const middle = Math.floor(bytes.length / 2);
    for (let i = middle; i < middle + 32; i += 1) {
      bytes[i] ^= 0xff;
    }
    const damaged = path.join(dir, '损坏的备份.blbak');
    writeFileSync(damaged, bytes);

    await chooseBackupFile(page, damaged);
    const error = page.getByRole('dialog').filter({ hasText: '无法从这个文件恢复' });
    await expect(error).toContainText('损坏的备份.blbak：备份文件已损坏');
    await expect(error).toContainText('当前数据没有任何改动');
    await page.screenshot({ path: '/tmp/backup-corrupted.png' });
    await error.getByRole('button').filter({ hasText: /知\s?道|确\s?定|OK/ }).click();
    await expect(page.getByRole('dialog', { name: '从备份恢复' })).toHaveCount(0);

    // Not a backup at all.
    await chooseBackupFile(page, { name: '名册.xlsx', mimeType: 'application/octet-stream', buffer: Buffer.from('hello') });
    await expect(page.getByRole('dialog').filter({ hasText: '无法从这个文件恢复' })).toContainText('这不是支部台账的备份文件');

    await page.reload();
    await expect(page.getByRole('banner')).toContainText('示例');
    await openRoster(page);
    await expect(page.getByText(DEMO_MEMBERS)).toBeVisible();
  });

  test('恢复前先下载当前数据的备份', async ({ page }) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backup-e2e-'));
    const { file } = await demoWithBackup(page, dir);
    await chooseBackupFile(page, file);
    const dialog = page.getByRole('dialog', { name: '从备份恢复' });
    const safety = page.waitForEvent('download');
    await dialog.getByRole('button', { name: '替换为备份中的数据' }).click();
    expect((await safety).suggestedFilename()).toMatch(/^恢复前备份_\d{4}-\d{2}-\d{2}_\d{6}\.blbak$/);
    await expect(page.getByText(/已从备份恢复/)).toBeVisible();
    await openRoster(page);
    await expect(page.getByText(DEMO_MEMBERS)).toBeVisible();
  });
});
