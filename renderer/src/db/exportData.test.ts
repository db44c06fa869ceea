// Node environment on purpose: fake-indexeddb keeps real Blobs there (see backup.test.ts).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ANALYSIS_SETTINGS_KEY, type Meeting } from '@shared/model';
import { DEFAULT_RULE_SETTINGS, RULE_SETTINGS_KEY } from '@shared/rules/settings';
import { DEFAULT_DUES_SETTINGS } from '@shared/dues/settings';
import { yearPeriod } from '@shared/exports/period';
import { selfCheckRows } from '@shared/exports/selfCheck';
import { buildLedgerWorkbook } from '@shared/exports/workbook';
import { readLedgerFile } from '@shared/ledgers';
import { packageFindings } from '@shared/package/findings';
import { DEFAULT_TRAINING_SETTINGS } from '@shared/training/settings';
import { putDuesSettings, putTrainingSettings } from './kindSettings';
import { loadDemoData } from './branches';
import type { BranchLedgerDatabase } from './database';
import { currentBranch } from './branches';
import { listAttachmentMeta, loadAttachmentBytes, readExportData, wholeYearsOf } from './exportData';
import { freshDatabase, storeMeetingPhoto } from './testing';

let db: BranchLedgerDatabase;
beforeEach(() => {
  db = freshDatabase();
});
afterEach(() => {
  db.close();
});

const TODAY = '2025-09-15';

function meetingOn(branchId: string, startAt: string, title: string): Meeting {
  return {
    id: crypto.randomUUID(),
    branchId,
    createdAt: startAt,
    updatedAt: startAt,
    type: '党课',
    alsoCountsAs: [],
    title,
    startAt,
    location: '党员活动室',
    attendance: [],
    topics: [],
    speeches: [],
    resolutions: [],
  };
}

describe('readExportData', () => {
  it('reads the branch, all its members, and only the meetings and talks dated inside the window (both ends included)', async () => {
    const branch = await loadDemoData(db, TODAY);
    await db.meetings.bulkAdd([
      meetingOn(branch.id, '2024-12-31T23:30:00+08:00', '窗口前一天'),
      meetingOn(branch.id, '2025-01-01T00:00:00+08:00', '窗口第一天'),
      meetingOn(branch.id, '2025-06-30T23:59:00+08:00', '窗口最后一天'),
      meetingOn(branch.id, '2025-07-01T08:00:00+08:00', '窗口后一天'),
      meetingOn('other-branch', '2025-03-01T09:00:00+08:00', '别的支部'),
    ]);
    const { dataset, ruleSettings } = await readExportData(db, branch.id, { start: '2025-01-01', end: '2025-06-30' });

    expect(dataset.branch.id).toBe(branch.id);
    expect(dataset.members).toHaveLength(await db.members.where('branchId').equals(branch.id).count());
    const titles = dataset.meetings.map((m) => m.title);
    expect(titles).toContain('窗口第一天');
    expect(titles).toContain('窗口最后一天');
    expect(titles).not.toContain('窗口前一天');
    expect(titles).not.toContain('窗口后一天');
    expect(titles).not.toContain('别的支部');
    expect(dataset.meetings.every((m) => m.branchId === branch.id && m.startAt.slice(0, 10) >= '2025-01-01' && m.startAt.slice(0, 10) <= '2025-06-30')).toBe(true);

    const allTalks = await db.talks.where('branchId').equals(branch.id).toArray();
    const expectedTalks = allTalks.filter((t) => t.date >= '2025-01-01' && t.date <= '2025-06-30');
    expect(expectedTalks.length).toBeGreaterThan(0);
    expect(dataset.talks.map((t) => t.id).sort()).toEqual(expectedTalks.map((t) => t.id).sort());

    expect(dataset.rectifications.length).toBe(await db.rectifications.where('branchId').equals(branch.id).count());
    expect(dataset.analyses.length).toBe(await db.analyses.where('branchId').equals(branch.id).count());
    // No setting stored: both fall back to their defaults.
    expect(dataset.analysisSettings.states.length).toBeGreaterThan(0);
    expect(ruleSettings).toEqual(DEFAULT_RULE_SETTINGS);
  });

  it('uses the stored analysis and rule settings', async () => {
    const branch = await loadDemoData(db, TODAY);
    await db.settings.put({ key: ANALYSIS_SETTINGS_KEY, value: { states: [{ label: '积极', sensitive: false }, { label: '消极', sensitive: true }], period: '半年' } });
    const { dataset } = await readExportData(db, branch.id, { start: '2025-01-01', end: '2025-12-31' });
    expect(dataset.analysisSettings.period).toBe('半年');
    expect(dataset.analysisSettings.states.map((s) => s.label)).toEqual(['积极', '消极']);
    await db.settings.put({ key: RULE_SETTINGS_KEY, value: { talkMinPerPair: 2 } });
    const { ruleSettings } = await readExportData(db, branch.id, { start: '2025-01-01', end: '2025-12-31' });
    expect(ruleSettings.talkMinPerPair).toBe(2);
    expect(ruleSettings.termYears).toBe(DEFAULT_RULE_SETTINGS.termYears);
  });

  it('carries the stored 党费规定 and 学时 settings: the 自检报告 and 学时统计 of a branch whose goal is 40 say 40', async () => {
    const branch = await loadDemoData(db, TODAY);
    const before = await readExportData(db, branch.id, { start: '2025-01-01', end: '2025-12-31' });
    expect(before.dataset.trainingSettings).toEqual(DEFAULT_TRAINING_SETTINGS);
    expect(before.dataset.duesSettings).toEqual(DEFAULT_DUES_SETTINGS);
    await putTrainingSettings(db, { ...DEFAULT_TRAINING_SETTINGS, memberGoalHours: 40 });
    await putDuesSettings(db, { ...DEFAULT_DUES_SETTINGS, backPayMonths: 4 });
    const { dataset, ruleSettings } = await readExportData(db, branch.id, { start: '2025-01-01', end: '2025-12-31' });
    expect(dataset.trainingSettings.memberGoalHours).toBe(40);
    expect(dataset.duesSettings.backPayMonths).toBe(4);

    const options = { period: yearPeriod(2025), generatedOn: TODAY, ruleSettings };
    const findings = packageFindings({ dataset, period: options.period, today: TODAY, ruleSettings });
    const rows = selfCheckRows(findings, dataset, options);
    expect(rows.find((r) => r.rule === 'training.hours')?.requirement).toBe('党员每年学习培训不少于40学时，书记和支委不少于56学时');
    expect(rows.find((r) => r.rule === 'dues.lateBackPay')?.requirement).toBe('补交党费一般不超过4个月');
    const gaps = rows.find((r) => r.rule === 'training.hours')?.gaps ?? [];
    expect(gaps.some((gap) => gap.includes('40学时'))).toBe(true);
    expect(gaps.some((gap) => gap.includes('32学时'))).toBe(false);

    const result = await readLedgerFile('09.xlsx', await buildLedgerWorkbook('training', dataset, options), { today: TODAY });
    expect(result.sheets.map((s) => s.name)).toEqual(['学时登记', '学时统计']);
    expect(result.sheets[1].ledger).toBeUndefined();
  });

  it('refuses, in Chinese, a branch that does not exist', async () => {
    await expect(readExportData(db, 'no-such-branch', { start: '2025-01-01', end: '2025-12-31' })).rejects.toThrow('要导出的支部不存在');
  });
});

describe('attachments for the package', () => {
  it('lists metadata without bytes, then loads one file\'s exact bytes', async () => {
    const branch = await loadDemoData(db, TODAY);
    const bytes = new Uint8Array(300).map((_, i) => (i * 7) % 256);
    await storeMeetingPhoto(db, branch.id, bytes);
    const metas = await listAttachmentMeta(db, branch.id);
    expect(metas.length).toBe(await db.attachments.where('branchId').equals(branch.id).count());
    const photo = metas.find((m) => m.id === 'photo-1')!;
    expect(photo).toMatchObject({ name: '会议照片.png', size: 300, ownerTable: 'meetings' });
    expect(metas.every((m) => !('data' in m) && !('thumbnail' in m))).toBe(true);
    expect(await loadAttachmentBytes(db, 'photo-1')).toEqual(bytes);
    await expect(loadAttachmentBytes(db, 'gone')).rejects.toThrow('已不在本机数据中');
  });
});

describe('helpers', () => {
  it('widens a period to the whole years it touches', () => {
    expect(wholeYearsOf({ start: '2025-03-01', end: '2026-02-28' })).toEqual({ start: '2025-01-01', end: '2026-12-31' });
  });

  it('finds the current branch', async () => {
    expect(await currentBranch(db)).toBeUndefined();
    const branch = await loadDemoData(db, TODAY);
    expect((await currentBranch(db))?.id).toBe(branch.id);
  });
});
