import type { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { makePayment } from '../dues/testFixtures';
import { readLedgerFile } from '../ledgers';
import { RULE_IDS, RULE_LABELS, runAllRules } from '../rules';
import { ruleInputFor } from '../rules/input';
import { buildSelfCheckWorkbook, periodKeyRange, selfCheckRows } from './selfCheck';
import { loadExcelJs } from './sheet';
import { demoDataset, findingsOf, TEST_OPTIONS, TEST_TODAY } from './testData';
import type { LedgerDataset } from './types';

async function open(bytes: Uint8Array): Promise<Workbook> {
  const ExcelJS = await loadExcelJs();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

// Without any 主题党日 the months January to May (over by 15 June) are missing.
const demo = demoDataset();
const data: LedgerDataset = { ...demo, meetings: demo.meetings.filter((m) => m.type !== '主题党日' && !m.alsoCountsAs.includes('主题党日')) };

describe('00_自检报告', () => {
  it('has one row per rule, filled from the findings and the records', () => {
    const findings = findingsOf(data);
    const rows = selfCheckRows(findings, data, TEST_OPTIONS);
    expect(rows.map((r) => r.rule)).toEqual([...RULE_IDS]);
    const themeDay = rows.find((r) => r.rule === 'meeting.themeDay.monthly');
    expect(themeDay?.label).toBe(RULE_LABELS['meeting.themeDay.monthly']);
    expect(themeDay?.requirement).toBe('主题党日活动每月至少1次');
    expect(themeDay?.source).toContain('第十六条');
    expect(themeDay?.conclusion).toBe('不符合');
    expect(themeDay?.actual).toBe('已开展0次；已结束的5个周期中0个达到要求');
    expect(themeDay?.gaps).toHaveLength(findings.filter((f) => f.rule === 'meeting.themeDay.monthly').length);
    expect(themeDay?.gaps[0]).toMatch(/^2025年1月：/);
    // A rule with no finding is 符合; its 实际 still says what was done.
    const lecture = rows.find((r) => r.rule === 'meeting.partyLecture');
    expect(findings.some((f) => f.rule === 'meeting.partyLecture')).toBe(false);
    expect(lecture?.conclusion).toBe('符合');
    expect(lecture?.actual).toMatch(/^已开展\d+次；已结束的2个周期中2个达到要求$/);
    // Only 提醒 (the quarter is still open): neither 符合 nor 不符合.
    expect(rows.find((r) => r.rule === 'meeting.partyCongress.quarterly')?.conclusion).toBe('提醒');
    // Every conclusion follows the worst finding of its rule.
    for (const row of rows) {
      const own = findings.filter((f) => f.rule === row.rule);
      if (row.conclusion === '不检查') {
        // 民主评议, 党费, 学时 are not in this dataset; 每周一学 is off by default.
        expect(row.rule, row.rule).toMatch(/^(review|dues|training)\./);
        expect(own).toEqual([]);
        continue;
      }
      const expected = own.some((f) => f.severity === 'error') ? '不符合' : own.some((f) => f.severity === 'warning') ? '需注意' : own.length ? '提醒' : '符合';
      expect(row.conclusion, row.rule).toBe(expected);
    }
  });

  it('has the rows of 民主评议, 党费 and 学时 with their requirement, and says when the package holds no such records', () => {
    const unpaid = data.members.find((m) => !m.departure && m.category === '正式党员');
    if (!unpaid) throw new Error('the demo has 正式党员');
    const months = ['2024-12', '2025-01', '2025-02', '2025-03', '2025-04', '2025-05'];
    // Everyone else paid the first half year; one member nothing since December (6 months over on 15 June).
    const dues = data.members
      .filter((m) => !m.departure && m.id !== unpaid.id)
      .flatMap((m) => months.map((month) => makePayment(m.id, month, { branchId: data.branch.id, id: `${m.id}-${month}` })));
    // A package made from a source without 学时 (an older export): the dataset carries no training table.
    const { training: _none, ...withoutTraining } = { ...data, dues };
    const withDues = withoutTraining as LedgerDataset;
    const rows = selfCheckRows(findingsOf(withDues), withDues, TEST_OPTIONS);
    const row = rows.find((r) => r.rule === 'dues.unpaid');
    expect(row?.label).toBe('党费按月交纳');
    expect(row?.requirement).toBe('按月交纳党费（一年中3个月以上未交提醒，连续6个月未交列为问题）');
    expect(row?.conclusion).toBe('不符合');
    expect(row?.gaps).toEqual([expect.stringMatching(new RegExp(`^2025年5月：党员${unpaid.name}已连续6个月未交纳党费`))]);
    // No 学时 in this package: not judged, rather than 符合.
    const hours = rows.find((r) => r.rule === 'training.hours');
    expect(hours?.requirement).toBe('党员每年学习培训不少于32学时，书记和支委不少于56学时');
    expect([hours?.conclusion, hours?.actual]).toEqual(['不检查', '未包含该台账记录，未检查']);
    expect(rows.find((r) => r.rule === 'training.weeklyStudy')?.conclusion).toBe('不检查');
  });

  it('judges 党费 and 学时 by the settings the dataset carries, not the defaults, in 要求 and in the findings', () => {
    const settled: LedgerDataset = {
      ...demo,
      duesSettings: { ...demo.duesSettings, unpaidWarnMonths: 2, unpaidFlagMonths: 4, backPayMonths: 3 },
      trainingSettings: { ...demo.trainingSettings, memberGoalHours: 40, leaderGoalHours: 60 },
    };
    const options = { ...TEST_OPTIONS, generatedOn: '2025-12-31' };
    const findings = runAllRules(ruleInputFor(settled, { year: 2025, today: '2025-12-31' }));
    const rows = selfCheckRows(findings, settled, options);
    const row = (rule: string) => rows.find((r) => r.rule === rule);
    expect(row('training.hours')?.requirement).toBe('党员每年学习培训不少于40学时，书记和支委不少于60学时');
    expect(row('dues.unpaid')?.requirement).toBe('按月交纳党费（一年中2个月以上未交提醒，连续4个月未交列为问题）');
    expect(row('dues.lateBackPay')?.requirement).toBe('补交党费一般不超过3个月');
    const hours = row('training.hours');
    expect(hours?.conclusion).not.toBe('不检查');
    expect(hours?.gaps.length).toBeGreaterThan(0);
    expect(hours?.gaps.every((gap) => /(40|60)学时/.test(gap))).toBe(true);
    expect(hours?.gaps.some((gap) => gap.includes('40学时'))).toBe(true);
  });

  it('gives each requirement its whole basis, whatever the findings of the period quote (党费按月交纳: 党章 第九条 too)', () => {
    const late = data.members.find((m) => !m.departure && m.category === '正式党员');
    if (!late) throw new Error('the demo has 正式党员');
    const months = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06'];
    // Everyone paid the first half year but one member, who missed three months only: a warning quoting the 规定.
    const dues = data.members
      .filter((m) => !m.departure)
      .flatMap((m) => months.filter((month) => m.id !== late.id || !['2025-02', '2025-03', '2025-04'].includes(month)).map((month) => makePayment(m.id, month, { branchId: data.branch.id, id: `${m.id}-${month}` })));
    const withDues = { ...data, dues };
    const findings = findingsOf(withDues).filter((f) => f.rule === 'dues.unpaid');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => !f.source.includes('第九条'))).toBe(true);
    const row = selfCheckRows(findingsOf(withDues), withDues, TEST_OPTIONS).find((r) => r.rule === 'dues.unpaid');
    expect(row?.source).toContain('《中国共产党章程》第九条');
    expect(row?.source).toContain('党员应按月足额交纳党费');
  });

  it('says 不适用 for talk coverage without a committee, never 0/0（100%）', () => {
    const bare: LedgerDataset = { ...data, branch: { ...data.branch, committee: { ...data.branch.committee, members: [] } } };
    const talk = selfCheckRows(findingsOf(bare), bare, TEST_OPTIONS).find((r) => r.rule === 'talk.coverage');
    expect(talk?.actual).toContain('未设支部委员会，不适用');
    expect(talk?.actual).not.toMatch(/0\/0/);
  });

  it('leaves out findings of periods outside the export period', () => {
    const findings = findingsOf(data);
    const firstQuarter = { ...TEST_OPTIONS, period: { start: '2025-01-01', end: '2025-03-31', label: '2025年第一季度' } };
    const themeDay = selfCheckRows(findings, data, firstQuarter).find((r) => r.rule === 'meeting.themeDay.monthly');
    expect(themeDay?.gaps.map((g) => g.slice(0, 7))).toEqual(['2025年1月', '2025年2月', '2025年3月']);
    expect(periodKeyRange('2025-Q2')).toEqual({ start: '2025-04-01', end: '2025-06-30' });
    expect(periodKeyRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
  });

  it('writes the report sheet and the list of findings, neither taken for a ledger by the importer', async () => {
    const findings = findingsOf(data);
    const bytes = await buildSelfCheckWorkbook(findings, data, TEST_OPTIONS);
    const workbook = await open(bytes);
    const sheet = workbook.getWorksheet('自检报告');
    expect((sheet?.getRow(3).values as unknown[]).slice(1)).toEqual(['规则', '要求', '实际', '结论', '缺口明细']);
    expect(sheet?.rowCount).toBe(3 + RULE_IDS.length);
    const themeRow = (sheet?.getRows(4, RULE_IDS.length) ?? []).find((r) => r.getCell(1).value === RULE_LABELS['meeting.themeDay.monthly']);
    expect(themeRow?.getCell(2).text).toMatch(/^主题党日活动每月至少1次（依据：《中国共产党支部工作条例（试行）》第十六条）$/);
    expect(themeRow?.getCell(4).value).toBe('不符合');
    // January to May missed, June still open.
    expect(themeRow?.getCell(5).text.split('\n')).toHaveLength(6);
    const list = workbook.getWorksheet('问题清单');
    expect(list?.rowCount).toBe(3 + findings.length);
    const read = await readLedgerFile('00_自检报告.xlsx', bytes, { today: TEST_TODAY });
    expect(read.sheets.every((s) => s.ledger === undefined)).toBe(true);
  });
});
