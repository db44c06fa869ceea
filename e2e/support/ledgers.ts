import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type ExcelJS from 'exceljs';
import { gotoApp } from '../fixtures';

/**
 * What the 台账导入导出 specs do as a user: load the demo and open a tab, download what a button starts, choose a ledger on 导出, choose a file
 * on 导入 and commit it, and read a cell of a downloaded workbook as text.
 */

/** Loads the demo, opens 台账导入导出 → `tab` and returns the branch's name as the tab's card shows it. */
export async function loadDemo(page: Page, tab: '导出' | '检查材料包'): Promise<string> {
  await gotoApp(page);
  await page.getByRole('button', { name: '加载示例数据' }).click();
  await expect(page.getByText('已加载示例数据')).toBeVisible();
  await page.getByRole('menu', { name: '主菜单' }).getByRole('menuitem', { name: '台账导入导出' }).click();
  await expect(page.getByRole('heading', { name: '台账导入导出' })).toBeVisible();
  await page.getByRole('tab', { name: tab }).click();
  const prefix = tab === '导出' ? '导出台账：' : '生成检查材料包：';
  const title = await page.getByText(new RegExp(`^${prefix}`)).innerText();
  const branchName = title.slice(prefix.length).trim();
  expect(branchName).toContain('示例');
  return branchName;
}

/** Clicks through `click` and saves the download it starts into `dir`; returns the file's path. */
export async function download(page: Page, click: () => Promise<void>, dir: string, timeout = 60_000): Promise<string> {
  const downloading = page.waitForEvent('download', { timeout });
  await click();
  const done = await downloading;
  const file = path.join(dir, done.suggestedFilename());
  await done.saveAs(file);
  return file;
}

/** The ledgers on 导出 are button-style radios: the label is what a user clicks. */
export async function chooseLedger(page: Page, label: string): Promise<void> {
  const group = page.getByRole('radiogroup', { name: '台账' });
  await group.getByText(label, { exact: true }).click();
  await expect(group.getByRole('radio', { name: label })).toBeChecked();
}

/** Starts reading `file` on 导入 through the platform's file chooser (the preview comes later). */
export async function startReading(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: '选择文件' }).click();
  await (await chooser).setFiles(file);
}

/** Chooses `file` on 导入 and waits for its preview. */
export async function choosePreview(page: Page, file: string): Promise<void> {
  await startReading(page, file);
  await expect(page.getByText(`预览：${path.basename(file)}`)).toBeVisible({ timeout: 30_000 });
}

/** 导入 → the confirmation lists what will be written → 导入 → the success message. */
export async function commitImport(page: Page, summary: string): Promise<void> {
  await page.getByRole('button', { name: /^导\s?入$/ }).click();
  const confirm = page.getByRole('dialog', { name: '确认导入' });
  await expect(confirm).toContainText(summary);
  await confirm.getByRole('button', { name: /^导\s?入$/ }).click();
  await expect(page.getByText(`导入完成：${summary}`)).toBeVisible({ timeout: 20_000 });
}

/** A cell's value as the text a reader sees (rich text joined, empty for nothing). */
export function cellText(value: ExcelJS.CellValue): string {
  if (value && typeof value === 'object' && 'richText' in value) {
    return value.richText.map((r) => r.text).join('');
  }
  if (value === null || value === undefined) {
    return '';
  }
  return typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : String(value);
}
