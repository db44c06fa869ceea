import { describe, expect, it } from 'vitest';
import { makeTraining } from '../training/testFixtures';
import { DEFAULT_TRAINING_SETTINGS, trainingSettingsSchema } from '../training/settings';
import { trainingHours, trainingWeeklyStudy, type TrainingRuleInput } from './training';
import { makeBranch, makeCommittee, makeMeeting, makeMember } from './testFixtures';

function input(overrides: Partial<TrainingRuleInput>): TrainingRuleInput {
  return { branch: makeBranch(), members: [], records: [], today: '2026-01-10', year: 2025, settings: DEFAULT_TRAINING_SETTINGS, ...overrides };
}

describe('training.hours (党员教育培训工作规划: 党员 ≥ 32 学时, 书记和班子成员 ≥ 56)', () => {
  it('32 学时 exactly is enough; 31.5 is short by 0.5, with the name', () => {
    const members = [makeMember('a', { name: '王伟' }), makeMember('b', { name: '李娜' })];
    const records = [makeTraining('1', 'a', '2025-06-01', 32), makeTraining('2', 'b', '2025-06-01', 31.5)];
    const findings = trainingHours(input({ members, records }));
    expect(findings.map((f) => [f.rule, f.severity, f.period, f.message, f.subject])).toEqual([
      ['training.hours', 'warning', '2025', '党员李娜2025年学习培训31.5学时，未达到32学时，差0.5学时', { table: 'training', year: 2025, memberId: 'b' }],
    ]);
    expect(findings[0].source).toMatch(/32学时/);
  });

  it('asks 56 of the 书记 and the 支委; 55.5 is short', () => {
    const branch = makeBranch({}, makeCommittee(['s', 'c']));
    const members = [makeMember('s', { name: '赵书记' }), makeMember('c', { name: '钱委员' })];
    const records = [makeTraining('1', 's', '2025-06-01', 56), makeTraining('2', 'c', '2025-06-01', 55.5)];
    expect(trainingHours(input({ branch, members, records })).map((f) => f.message)).toEqual([
      '组织委员钱委员2025年学习培训55.5学时，未达到56学时，差0.5学时',
    ]);
  });

  it('shows the gap as info while the year runs, and follows the settings', () => {
    const members = [makeMember('a', { name: '王伟' })];
    const records = [makeTraining('1', 'a', '2025-06-01', 20)];
    expect(trainingHours(input({ members, records, today: '2025-07-01' })).map((f) => [f.severity, f.message])).toEqual([
      ['info', '党员王伟2025年学习培训20学时，距32学时还差12学时'],
    ]);
    const settings = trainingSettingsSchema.parse({ memberGoalHours: 20 });
    expect(trainingHours(input({ members, records, settings }))).toEqual([]);
    expect(trainingHours(input({ members, today: '2024-12-31' }))).toEqual([]);
    // A branch whose ledger starts in 2026 owes no 学时 of 2025.
    expect(trainingHours(input({ members, branch: makeBranch({ ledgerStartsOn: '2026-01-01' }) }))).toEqual([]);
  });
});

describe('training.weeklyStudy (每周一学, a local rule)', () => {
  it('is off by default', () => {
    expect(trainingWeeklyStudy(input({ today: '2025-02-01' }))).toEqual([]);
  });

  it('when on, names each week over without a 集中学习 or 支部学习', () => {
    const settings = trainingSettingsSchema.parse({ weeklyStudy: { enabled: true } });
    // 2025-01-06 is a Monday; the days before belong to a week that started in 2024.
    const meetings = [makeMeeting('s', '集中学习', '2025-01-08')];
    const records = [makeTraining('1', 'a', '2025-01-17', 2, { form: '支部学习' }), makeTraining('2', 'a', '2025-01-21', 2)];
    const findings = trainingWeeklyStudy(input({ settings, meetings, records, today: '2025-02-03' }));
    expect(findings.map((f) => f.message)).toEqual(['2025年1月20日至2025年1月26日这一周没有集中学习记录', '2025年1月27日至2025年2月2日这一周没有集中学习记录']);
  });
});
