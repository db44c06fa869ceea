import { describe, expect, it } from 'vitest';
import { meetingMatrix, partyCongressQuarterly, committeeMonthly, partyGroupMonthly, partyLecture, themeDayMonthly, orgLifeYearly, democraticReviewYearly } from './meetings';
import { DEFAULT_RULE_SETTINGS } from './settings';
import { makeBranch, makeCommittee, makeInput, makeMeeting, makeMember, makeMembers } from './testFixtures';

const congress = (id: string, startAt: string) => makeMeeting(id, '支部党员大会', startAt);

describe('第十一条 支部党员大会 一般每季度召开1次', () => {
  it('counts a meeting at 23:30 on 31 March for Q1 and one just after midnight on 1 April for Q2', () => {
    const input = makeInput({
      members: makeMembers(5),
      meetings: [congress('q1', '2025-03-31T23:30:00+08:00'), congress('q2', '2025-04-01T00:30:00+08:00')],
      today: '2025-07-10',
    });
    const row = meetingMatrix(input).find((r) => r.type === '支部党员大会')!;
    expect(row.cells.map((c) => [c.period, c.status, c.meetingIds])).toEqual([
      ['2025-Q1', 'done', ['q1']],
      ['2025-Q2', 'done', ['q2']],
      ['2025-Q3', 'notDue', []],
      ['2025-Q4', 'notDue', []],
    ]);
    expect(row.cells[0].months).toEqual([1, 2, 3]);
    expect(partyCongressQuarterly(input).filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('reports a quarter once it has ended, not on its last day', () => {
    const onLastDay = makeInput({ members: makeMembers(5), today: '2025-03-31' });
    expect(partyCongressQuarterly(onLastDay)).toEqual([
      expect.objectContaining({ severity: 'info', period: '2025-Q1', message: expect.stringContaining('本季度尚未召开支部党员大会') }),
    ]);
    const dayAfter = makeInput({ members: makeMembers(5), today: '2025-04-01' });
    expect(partyCongressQuarterly(dayAfter)).toEqual([
      {
        rule: 'meeting.partyCongress.quarterly',
        severity: 'error',
        period: '2025-Q1',
        message: '2025年第一季度未召开支部党员大会（每季度至少1次）',
        source: '《中国共产党支部工作条例（试行）》第十一条',
        subject: { table: 'branches', id: 'branch-1' },
      },
      expect.objectContaining({ severity: 'info', period: '2025-Q2' }),
    ]);
  });

  it('reports every quarter of a past year and nothing for a future one', () => {
    const kept2024 = makeBranch({ ledgerStartsOn: '2024-01-01' });
    const past = partyCongressQuarterly(makeInput({ branch: kept2024, year: 2024, today: '2025-06-15' }));
    expect(past.map((f) => f.period)).toEqual(['2024-Q1', '2024-Q2', '2024-Q3', '2024-Q4']);
    expect(partyCongressQuarterly(makeInput({ year: 2026, today: '2025-06-15' }))).toEqual([]);
  });

  it('counts a meeting of another type that also counts as 支部党员大会, but not a planned one', () => {
    const input = makeInput({
      today: '2025-05-10',
      meetings: [
        makeMeeting('a', '主题党日', '2025-02-10', { alsoCountsAs: ['支部党员大会'] }),
        congress('planned', '2025-06-20'),
      ],
    });
    const cells = meetingMatrix(input).find((r) => r.type === '支部党员大会')!.cells;
    expect(cells[0]).toMatchObject({ status: 'done', count: 1, meetingIds: ['a'] });
    expect(cells[1]).toMatchObject({ status: 'notDue', count: 0, plannedMeetingIds: ['planned'] });
  });

  it('ignores meetings of another branch', () => {
    const input = makeInput({ today: '2025-04-10', meetings: [makeMeeting('x', '支部党员大会', '2025-02-10', { branchId: 'other' })] });
    expect(partyCongressQuarterly(input)[0]).toMatchObject({ severity: 'error', period: '2025-Q1' });
  });

  it('honours a higher count: 只召开了1次', () => {
    const settings = { ...DEFAULT_RULE_SETTINGS, partyCongress: { enabled: true, period: 'quarter' as const, minCount: 2 } };
    const input = makeInput({ settings, today: '2025-04-10', meetings: [congress('a', '2025-02-10')] });
    expect(partyCongressQuarterly(input)[0].message).toBe('2025年第一季度只召开了1次支部党员大会（每季度至少2次）');
  });

  it('does not require quarters that ended before the branch was founded', () => {
    const input = makeInput({ branch: makeBranch({ foundedOn: '2025-05-20' }), today: '2025-10-10' });
    const cells = meetingMatrix(input).find((r) => r.type === '支部党员大会')!.cells;
    expect(cells.map((c) => c.status)).toEqual(['notRequired', 'missing', 'missing', 'notDue']);
  });
});

describe('第十二条 支部委员会会议 一般每月召开1次', () => {
  it('is not required from a branch under 7 正式党员 with only a 书记', () => {
    const members = [...makeMembers(6), makeMember('p1', { category: '预备党员', confirmedOn: undefined, joinedOn: '2025-01-10' })];
    const input = makeInput({ branch: makeBranch({}, makeCommittee(['m1'])), members });
    expect(meetingMatrix(input).some((r) => r.type === '支部委员会')).toBe(false);
    expect(committeeMonthly(input)).toEqual([]);
  });

  it('is required from a branch with 7 正式党员 even before its committee is recorded', () => {
    const input = makeInput({ members: makeMembers(7), today: '2025-03-15' });
    expect(committeeMonthly(input).map((f) => [f.period, f.severity])).toEqual([
      ['2025-01', 'error'],
      ['2025-02', 'error'],
      ['2025-03', 'info'],
    ]);
    expect(committeeMonthly(input)[0].message).toBe('2025年1月未召开支部委员会会议（每月至少1次）');
  });

  it('is required from an elected committee even below 7 正式党员', () => {
    const input = makeInput({ branch: makeBranch({}, makeCommittee(['m1', 'm2', 'm3'])), members: makeMembers(5), today: '2025-02-15' });
    expect(committeeMonthly(input).map((f) => f.period)).toEqual(['2025-01', '2025-02']);
  });

  it('starts in the month the 7th member is confirmed', () => {
    const members = [...makeMembers(6), makeMember('late', { joinedOn: '2024-04-10', confirmedOn: '2025-04-10' })];
    const input = makeInput({ members, today: '2025-06-15' });
    const cells = meetingMatrix(input).find((r) => r.type === '支部委员会')!.cells;
    expect(cells.slice(0, 6).map((c) => c.status)).toEqual(['notRequired', 'notRequired', 'notRequired', 'missing', 'missing', 'notDue']);
  });

  it('keeps the current month open when today is in the middle of it', () => {
    const input = makeInput({
      branch: makeBranch({}, makeCommittee(['m1', 'm2', 'm3'])),
      members: makeMembers(7),
      today: '2025-06-15',
      meetings: ['01', '02', '03', '04', '05'].map((m) => makeMeeting(`c${m}`, '支部委员会', `2025-${m}-05`)),
    });
    const findings = committeeMonthly(input);
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'info', period: '2025-06', message: '本月尚未召开支部委员会会议（每月至少1次，2025年6月30日前完成即可）' }),
    ]);
    const cells = meetingMatrix(input).find((r) => r.type === '支部委员会')!.cells;
    expect(cells.map((c) => c.status)).toEqual([...Array(5).fill('done'), ...Array(7).fill('notDue')]);
  });
});

describe('第十三条 党小组会 一般每月召开1次', () => {
  const groups = [{ id: 'g1', name: '第一党小组' }, { id: 'g2', name: '第二党小组' }, { id: 'g3', name: '空党小组' }];

  it('checks each group with members, linking the group', () => {
    const members = [makeMember('a', { partyGroupId: 'g1' }), makeMember('b', { partyGroupId: 'g2' }), makeMember('c')];
    const input = makeInput({
      branch: makeBranch({ partyGroups: groups }),
      members,
      today: '2025-02-10',
      meetings: [makeMeeting('x', '党小组会', '2025-01-20', { partyGroupId: 'g1' })],
    });
    expect(meetingMatrix(input).filter((r) => r.type === '党小组会').map((r) => r.label)).toEqual(['第一党小组 党小组会', '第二党小组 党小组会']);
    expect(partyGroupMonthly(input).filter((f) => f.severity === 'error')).toEqual([
      expect.objectContaining({ period: '2025-01', message: '第二党小组2025年1月未召开党小组会（每月至少1次）', subject: { table: 'partyGroups', id: 'g2' } }),
    ]);
  });

  it('does not require a group before its only member joined', () => {
    const members = [makeMember('a', { partyGroupId: 'g1', joinedOn: '2025-03-10', confirmedOn: undefined, category: '预备党员' })];
    const input = makeInput({ branch: makeBranch({ partyGroups: groups.slice(0, 1) }), members, today: '2025-05-10' });
    expect(partyGroupMonthly(input).filter((f) => f.severity === 'error').map((f) => f.period)).toEqual(['2025-03', '2025-04']);
  });
});

describe('第十六条 党课 (configurable) and 主题党日 每月1次', () => {
  it('warns (local rule) per quarter by default, per half-year or not at all when configured', () => {
    const input = makeInput({ today: '2025-07-10' });
    expect(partyLecture(input).filter((f) => f.severity === 'warning').map((f) => f.period)).toEqual(['2025-Q1', '2025-Q2']);
    expect(partyLecture(input)[0].source).toContain('第十六条');
    const halfYear = { ...DEFAULT_RULE_SETTINGS, partyLecture: { enabled: true, period: 'halfYear' as const, minCount: 1 } };
    expect(partyLecture({ ...input, settings: halfYear }).map((f) => [f.period, f.severity])).toEqual([
      ['2025-H1', 'warning'],
      ['2025-H2', 'info'],
    ]);
    const off = { ...DEFAULT_RULE_SETTINGS, partyLecture: { ...DEFAULT_RULE_SETTINGS.partyLecture, enabled: false } };
    expect(partyLecture({ ...input, settings: off })).toEqual([]);
    expect(meetingMatrix({ ...input, settings: off }).some((r) => r.type === '党课')).toBe(false);
  });

  it('requires a 主题党日 every month', () => {
    const input = makeInput({ today: '2025-03-01', meetings: [makeMeeting('t', '主题党日', '2025-01-31T18:00:00+08:00')] });
    expect(themeDayMonthly(input).map((f) => [f.period, f.severity])).toEqual([
      ['2025-02', 'error'],
      ['2025-03', 'info'],
    ]);
  });
});

describe('第十七条 组织生活会 and 第十八条 民主评议党员 每年', () => {
  it('is open during the year and missing after it', () => {
    expect(orgLifeYearly(makeInput({ today: '2025-12-31' }))).toEqual([
      expect.objectContaining({ severity: 'info', period: '2025', message: expect.stringContaining('本年度尚未召开组织生活会') }),
    ]);
    const kept2024 = makeBranch({ ledgerStartsOn: '2024-01-01' });
    expect(orgLifeYearly(makeInput({ branch: kept2024, year: 2024, today: '2025-01-01' }))[0]).toMatchObject({
      severity: 'error',
      message: '2024年未召开组织生活会（每年至少1次）',
      source: '《中国共产党支部工作条例（试行）》第十七条',
    });
    const review = makeInput({ year: 2024, today: '2025-01-01', meetings: [makeMeeting('r', '组织生活会', '2024-12-20', { alsoCountsAs: ['民主评议党员'] })] });
    expect(orgLifeYearly(review)).toEqual([]);
    expect(democraticReviewYearly(review)).toEqual([]);
  });
});
