import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { ImportContext } from '@shared/imports';
import { readLedgerFile } from '@shared/ledgers';
import { branchSchema, type Branch, type Member } from '@shared/model';
import { applyChoices, buildPreview, countsText, isMaskedCell, newBranchNames, noteText, rowKey, rowsToWrite, showValue, writeSummary } from './previewModel';
import { countPlan } from '@shared/imports';
import { emptyLedgerRecords } from '@shared/model';
import { generateDemoBranch } from '@shared/demo';
import { buildLedgerWorkbook, ledgerDataset, yearPeriod } from '@shared/exports';
import { demoLedgers } from '@shared/kinds';

const TODAY = '2026-11-27';
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../shared/ledgers/fixtures/${name}`, import.meta.url)));

const branch: Branch = branchSchema.parse({
  id: '00000000-0000-4000-8000-000000000001',
  name: '机关第一支部',
  createdAt: '2026-01-01T00:00:00+08:00',
  updatedAt: '2026-01-01T00:00:00+08:00',
});

function context(members: Member[] = []): ImportContext {
  return { branchId: branch.id, branches: [branch], ...emptyLedgerRecords(), members, today: TODAY };
}

describe('import preview', () => {
  it('plans a 党费 row of several months as one plan per month, each written or left out on its own', async () => {
    const demo = generateDemoBranch({ today: '2025-06-15' });
    const dues = demoLedgers(demo, { today: '2025-06-15' }).dues;
    const data = ledgerDataset({ branch: demo.branch, ...emptyLedgerRecords(), members: demo.members, dues });
    const bytes = await buildLedgerWorkbook('dues', data, { period: yearPeriod(2025), generatedOn: '2025-06-15' });
    const result = await readLedgerFile('08_党费收缴台账.xlsx', bytes, { today: '2025-06-15' });
    const context: ImportContext = { branchId: demo.branch.id, branches: [demo.branch], ...emptyLedgerRecords(), members: demo.members, today: '2025-06-15' };
    const plans = buildPreview(result, context).plans.get(0) ?? [];
    const rows = result.sheets[0].rows;
    expect(plans.length).toBeGreaterThan(rows.length);
    expect(plans.every((p) => p.action === '新增' && p.part !== undefined)).toBe(true);
    // In sheet order: each row's months together.
    expect(plans.map((p) => p.rowNumber)).toEqual([...plans.map((p) => p.rowNumber)].sort((a, b) => a - b));
    const first = plans[0];
    const written = rowsToWrite(new Map([[0, plans]]), new Set([rowKey(0, first.rowNumber, first.part)]));
    expect(written).toHaveLength(plans.length - 1);
    expect(written).not.toContain(first);
  });


  it('plans every row of the sample roster as 新增 into an empty branch; excluded rows are not written', async () => {
    const result = await readLedgerFile('党员花名册.xlsx', fixture('党员花名册.xlsx'), { today: TODAY });
    const preview = buildPreview(result, context());
    const plans = preview.plans.get(0) ?? [];
    expect(countsText(countPlan(plans))).toBe('新增 24 · 更新 0 · 跳过 0 · 冲突 0 · 有错误 0');
    const rows = rowsToWrite(preview.plans, new Set([rowKey(0, 4)]));
    expect(rows).toHaveLength(23);
    expect(rows.map((r) => r.rowNumber)).not.toContain(4);
    expect(writeSummary(rows)).toEqual(['党员花名册：新增 23 名党员']);
  });

  it('plans a roster and a meeting sheet of one file separately, and settles a 冲突 by the choice made', async () => {
    const roster = await readLedgerFile('党员花名册.xlsx', fixture('党员花名册.xlsx'), { today: TODAY });
    const meetings = await readLedgerFile('三会一课台账.xlsx', fixture('三会一课台账.xlsx'), { today: TODAY });
    // One workbook holding both ledgers, with the roster's first row repeated at the end (a 冲突 within the file).
    const rosterSheet = roster.sheets[0];
    const repeated = { ...rosterSheet.rows[0], rowNumber: 99 };
    const combined = { ...roster, sheets: [{ ...rosterSheet, rows: [...rosterSheet.rows, repeated] }, meetings.sheets[0]] };
    const preview = buildPreview(combined, context());
    expect(preview.plans.get(0)?.every((p) => p.kind === 'members')).toBe(true);
    expect(preview.plans.get(1)?.every((p) => p.kind === 'meetings')).toBe(true);
    expect(preview.plans.get(1)).toHaveLength(meetings.sheets[0].rows.length);

    const conflict = preview.plans.get(0)?.find((p) => p.rowNumber === 99);
    expect(conflict).toMatchObject({ action: '冲突', blocked: false });
    expect(rowsToWrite(preview.plans, new Set()).some((r) => r.kind === 'members' && r.rowNumber === 99)).toBe(false);

    const asNew = applyChoices(preview, new Map([[rowKey(0, 99), 'new']]));
    expect(asNew.get(0)?.find((p) => p.rowNumber === 99)?.action).toBe('新增');
    expect(rowsToWrite(asNew, new Set()).some((r) => r.kind === 'members' && r.rowNumber === 99)).toBe(true);
    // Other sheets' plans are untouched by a choice on the roster.
    expect(asNew.get(1)).toEqual(preview.plans.get(1));

    const skipped = applyChoices(preview, new Map([[rowKey(0, 99), 'skip']]));
    expect(skipped.get(0)?.find((p) => p.rowNumber === 99)?.action).toBe('跳过');
  });

  it('sends roster rows to the branch their 所在党支部 names, or to a branch the import creates', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('花名册');
    ws.addRow(['姓名', '公民身份号码', '民族', '入党时间', '党员类别', '所在党支部']);
    ws.addRow(['张三', '110105199907065421', '汉族', '2020-05-04', '预备党员', '中共机关第一支部委员会']);
    ws.addRow(['李四', '11010519870324049X', '回族', '2008-07-01', '正式党员', '机关第二党支部']);
    ws.addRow(['王五', '110105198001010016', '汉族', '2001-07-01', '正式党员', '']);
    const result = await readLedgerFile('两个支部.xlsx', new Uint8Array(await wb.xlsx.writeBuffer()), { today: TODAY });
    const preview = buildPreview(result, context());
    const plans = preview.plans.get(0) ?? [];
    expect(plans.map((p) => [p.action, p.target])).toEqual([
      ['新增', { branchId: branch.id }],
      ['新增', { newBranchName: '机关第二党支部' }],
      ['新增', { branchId: branch.id }],
    ]);
    const rows = rowsToWrite(preview.plans, new Set());
    expect(newBranchNames(rows)).toEqual(['机关第二党支部']);
    expect(newBranchNames(rowsToWrite(preview.plans, new Set([rowKey(0, 3)])))).toEqual([]);
  });

  it('shows dates as 2025年3月5日, times, yes/no and lists in Chinese', () => {
    expect(showValue('2025-03-05')).toBe('2025年3月5日');
    expect(showValue('1992-08')).toBe('1992年8月');
    expect(showValue('2025-03-05T14:30:00+08:00')).toBe('2025年3月5日 14:30');
    expect(showValue({ date: '2025-01-06', partOfDay: '上午' })).toBe('2025年1月6日 上午');
    expect(showValue(true)).toBe('是');
    expect(showValue(['张三', '李四'])).toBe('张三、李四');
    expect(showValue(undefined)).toBe('');
  });

  it('shows a 分析时段 by its label, hides the text of a 需关注 row, and says each notes block once', async () => {
    const result = await readLedgerFile('党员思想动态分析.xlsx', fixture('党员思想动态分析.xlsx'), { today: TODAY });
    const [sheet] = result.sheets;
    const watched = sheet.rows.find((r) => r.values.state === '需关注')!;
    expect(showValue(watched.values.period)).toBe('2025年第二季度');
    const settings = { states: [{ label: '需关注', sensitive: true }] } as never;
    expect(isMaskedCell('analyses', 'details', watched.values, settings)).toBe(true);
    expect(isMaskedCell('analyses', 'name', watched.values, settings)).toBe(false);
    const calm = sheet.rows.find((r) => r.values.state === '稳定')!;
    expect(isMaskedCell('analyses', 'details', calm.values, settings)).toBe(false);
    // Without settings the built-in 需关注 is still sensitive.
    expect(isMaskedCell('analyses', 'details', watched.values, undefined)).toBe(true);
    expect(noteText({ rows: [6, 7, 8], text: '填写注意事项：\n1. 带*的列为必填项' })).toBe('第6—8行：说明文字，已跳过（“填写注意事项： 1. 带*的列为必填项”）');
    expect(noteText({ rows: [7], text: '说明：本表由支部组织委员填写' })).toBe('第7行：说明文字，已跳过（“说明：本表由支部组织委员填写”）');
  });
});
