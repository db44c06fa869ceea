import { describe, expect, it } from 'vitest';
import { branchSchema, checkMeeting, checkMember, meetingSchema, memberSchema, talkSchema } from '../model';
import { DEFAULT_RULE_SETTINGS, meetingMatrix, runAllRules, talkCoverage, type RuleInput } from '../rules';
import { checkTalk } from '../talks';
import { sortByPinyin } from '../text/pinyin';
import { generateDemoBranch } from './index';

function ruleInput(today: string): RuleInput {
  const { branch, members, meetings, talks } = generateDemoBranch({ today });
  return { branch, members, meetings, talks, settings: DEFAULT_RULE_SETTINGS, today, year: Number(today.slice(0, 4)) };
}

/** The matrix row of a label as a compact string: `d` done, `m` missing, `n` not due, `-` not required. */
function statuses(input: RuleInput, label: string): string {
  const row = meetingMatrix(input).find((r) => r.label === label);
  return (row?.cells ?? []).map((c) => ({ done: 'd', missing: 'm', notDue: 'n', notRequired: '-' })[c.status]).join('');
}

describe('generateDemoBranch', () => {
  const today = '2025-03-05';

  it('is deterministic for a seed and a day', () => {
    expect(generateDemoBranch({ today })).toEqual(generateDemoBranch({ today }));
    expect(generateDemoBranch({ today: '2026-11-27' })).toEqual(generateDemoBranch({ today: '2026-11-27' }));
    expect(generateDemoBranch({ today, seed: 2 }).branch.id).not.toBe(generateDemoBranch({ today }).branch.id);
  });

  it('makes a valid branch of 25 members with a committee, groups and 预备党员', () => {
    const { branch, members } = generateDemoBranch({ today });
    expect(branchSchema.parse(branch)).toBeTruthy();
    expect(branch.isDemo).toBe(true);
    expect(members).toHaveLength(25);
    expect(branch.committee.members.map((m) => m.role)).toEqual(['书记', '副书记', '组织委员', '宣传委员', '纪检委员']);
    expect(branch.partyGroups).toHaveLength(3);
    expect(members.filter((m) => m.category === '预备党员')).toHaveLength(2);
    const ids = new Set(members.map((m) => m.idNumber));
    expect(ids.size).toBe(25);
    for (const member of members) {
      expect(memberSchema.parse(member)).toBeTruthy();
      expect(checkMember(member, { today }).filter((i) => i.severity === 'error')).toEqual([]);
    }
  });

  it('holds this year\'s meetings up to yesterday and last year\'s 组织生活会 and 民主评议, with attendance', () => {
    const { branch, members, meetings } = generateDemoBranch({ today });
    // 2025-03-05: January and February are over, March has begun.
    const count = (prefix: string, type: string) => meetings.filter((m) => m.startAt.startsWith(prefix) && m.type === type).length;
    expect(meetings).toHaveLength(12);
    expect(count('2024-12', '组织生活会')).toBe(1);
    expect(count('2024-12', '民主评议党员')).toBe(1);
    expect(count('2025', '主题党日')).toBe(2);
    expect(count('2025', '党小组会')).toBe(6);
    expect(count('2025', '支部委员会')).toBe(1);
    expect(count('2025-03', '支部委员会')).toBe(0);
    expect(count('2025', '党课')).toBe(1);
    for (const meeting of meetings) {
      expect(meetingSchema.parse(meeting)).toBeTruthy();
      expect(checkMeeting(meeting)).toEqual([]);
      expect(meeting.startAt.slice(0, 10) < today).toBe(true);
      expect(meeting.branchId).toBe(branch.id);
      expect(meeting.attendance.length).toBeGreaterThan(0);
      const ids = new Set(members.map((m) => m.id));
      expect(meeting.attendance.every((a) => ids.has(a.memberId))).toBe(true);
    }
    // The 民主评议 votes as a 党员大会 on its 评定意见.
    const review = meetings.find((m) => m.type === '民主评议党员')!;
    expect(review.alsoCountsAs).toEqual(['支部党员大会']);
    expect(review.resolutions[0].votesFor).toBeGreaterThan(0);
  });

  it('late in a year: 党员大会 every past quarter, 支委会 not every month and not yet this month, one quorum short', () => {
    const input = ruleInput('2026-11-27');
    expect(input.meetings).toHaveLength(60);
    expect(statuses(input, '支部党员大会')).toBe('dddn');
    expect(statuses(input, '支部委员会会议')).toBe('ddddddddmdnn');
    expect(statuses(input, '第三党小组 党小组会')).toBe('ddddddmddddn');
    expect(statuses(input, '党课')).toBe('ddmd');
    expect(statuses(input, '主题党日活动')).toBe('dddddddddddn');
    const congress = input.meetings.filter((m) => m.type === '支部党员大会');
    expect(congress[0].resolutions).toHaveLength(1);
    // Never 25 expected with 23 present (the meetings e2e records exactly that and finds it in the list).
    expect(input.meetings.filter((m) => m.attendance.length - m.attendance.filter((a) => a.state === '出席').length === 2 && m.attendance.length === 25)).toEqual([]);
    const findings = runAllRules(input);
    expect(findings.filter((f) => f.rule === 'meeting.quorum').map((f) => f.period)).toEqual(['2026-08']);
    expect(findings.find((f) => f.rule === 'meeting.committee.monthly' && f.period === '2026-11')?.severity).toBe('info');
    // Under 每半年 the third quarter's gap is covered by the fourth's 党课.
    const halfYearly = { ...input, settings: { ...input.settings, partyLecture: { enabled: true, period: 'halfYear' as const, minCount: 1 } } };
    expect(statuses(halfYearly, '党课')).toBe('dd');
  });

  it('records talks partly covering 第十九条: the 书记 with most 党员, some 支委 pairs, nobody with the first 党员', () => {
    const input = ruleInput('2026-11-27');
    const { branch, members, talks } = input;
    expect(talks).toHaveLength(29);
    for (const talk of talks) {
      expect(talkSchema.parse(talk)).toBeTruthy();
      expect(checkTalk(talk, { today: input.today })).toEqual([]);
      expect(['教育谈话', '年度总结谈话']).not.toContain(talk.kind);
    }
    const coverage = talkCoverage(input);
    expect(coverage.requirements.map((r) => [r.requirement, r.met, r.required])).toEqual([
      ['committeePairs', 6, 10],
      ['committeeMember', 18, 20],
      ['memberMember', 10, 20],
    ]);
    const secretary = branch.committee.members.find((c) => c.role === '书记')!.memberId;
    const withSecretary = new Set(talks.filter((t) => t.talkerId === secretary).flatMap((t) => t.intervieweeIds));
    const committee = new Set(branch.committee.members.map((c) => c.memberId));
    const party = members.filter((m) => !committee.has(m.id));
    expect(party.filter((m) => withSecretary.has(m.id)).length).toBe(16);
    const first = sortByPinyin(party, (m) => m.name)[0];
    expect(talks.filter((t) => t.talkerId === first.id || t.intervieweeIds.includes(first.id))).toEqual([]);
    // New Year's Day: nothing to record yet.
    expect(generateDemoBranch({ today: '2026-01-01' }).talks).toEqual([]);
  });
});
