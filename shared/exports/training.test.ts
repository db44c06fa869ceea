import type { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readLedgerFile } from '../ledgers';
import { DEFAULT_TRAINING_SETTINGS } from '../training/settings';
import { loadExcelJs } from './sheet';
import { demoDataset, TEST_OPTIONS, TEST_TODAY } from './testData';
import { trainingTotalsInPeriod } from './training';
import { buildLedgerWorkbook } from './workbook';

async function open(bytes: Uint8Array): Promise<Workbook> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('09_学习培训学时: the 学时统计 sheet', () => {
  const data = { ...demoDataset(), trainingSettings: { ...DEFAULT_TRAINING_SETTINGS, memberGoalHours: 40, leaderGoalHours: 60 } };

  it('follows the ledger with each member’s hours against the branch’s goals (not the defaults) and the gap', async () => {
    const workbook = await open(await buildLedgerWorkbook('training', data, TEST_OPTIONS));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['学时登记', '学时统计']);
    const sheet = workbook.getWorksheet('学时统计')!;
    expect(sheet.getCell('A2').text).toContain('党员每年不少于40学时，书记和支委不少于60学时');
    expect((sheet.getRow(3).values as unknown[]).slice(1)).toEqual(['统计年度', '姓名', '党内身份', '应完成学时', '已完成学时', '尚差学时']);
    const totals = trainingTotalsInPeriod(data, TEST_OPTIONS, data.trainingSettings);
    expect(totals.length).toBeGreaterThan(10);
    expect(sheet.rowCount).toBe(3 + totals.length);
    const rows = totals.map((_, i) => (sheet.getRow(4 + i).values as unknown[]).slice(1));
    expect(rows).toEqual(totals.map((t) => [2025, t.member.name, t.post ?? undefined, t.goal, t.hours, t.gap].map((v) => (v === '' ? undefined : v))));
    // Every goal is one of the branch's two; the gap is what is missing to it, never negative.
    expect(new Set(totals.map((t) => t.goal))).toEqual(new Set([40, 60]));
    expect(totals.every((t) => t.gap === Math.max(0, t.goal - t.hours))).toBe(true);
    expect(totals.some((t) => t.gap > 0)).toBe(true);
  });

  it('is no ledger when the file is read back: the first sheet is the 学时 ledger, the statistics are left alone', async () => {
    const result = await readLedgerFile('09_学习培训学时.xlsx', await buildLedgerWorkbook('training', data, TEST_OPTIONS), { today: TEST_TODAY });
    expect(result.sheets.map((s) => [s.name, s.ledger])).toEqual([
      ['学时登记', 'training'],
      ['学时统计', undefined],
    ]);
    const totals = result.sheets[1];
    expect(totals.mappedAs).toBeUndefined();
    expect(totals.rows).toEqual([]);
  });
});
