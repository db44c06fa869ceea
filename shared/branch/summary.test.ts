import { describe, expect, it } from 'vitest';
import { generateDemoBranch } from '../demo';
import type { Branch, CommitteeMember, Member } from '../model';
import { daysBetween, probationDue, summariseBranch, termStatus } from './summary';

const today = '2025-03-05';

let nextId = 0;
function member(fields: Partial<Member> = {}): Member {
  nextId += 1;
  return {
    id: `m${nextId}`,
    branchId: 'b1',
    createdAt: '2025-01-01T09:00:00+08:00',
    updatedAt: '2025-01-01T09:00:00+08:00',
    name: `党员${nextId}`,
    gender: '男',
    ethnicity: '汉族',
    birthDate: '1980-01-01',
    joinedOn: '2005-07-01',
    confirmedOn: '2006-07-01',
    category: '正式党员',
    status: '正常',
    ...fields,
  };
}

function probationary(joinedOn: string, fields: Partial<Member> = {}): Member {
  return member({ joinedOn, confirmedOn: undefined, category: '预备党员', ...fields });
}

function committee(electedOn: string | undefined, members: CommitteeMember[] = []): Branch['committee'] {
  return { electedOn, termYears: 3, members };
}

describe('daysBetween', () => {
  it('counts calendar days either way, across month and leap-day edges', () => {
    expect(daysBetween('2025-03-05', '2025-03-05')).toBe(0);
    expect(daysBetween('2025-03-05', '2025-03-04')).toBe(-1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
  });
});

describe('probationDue', () => {
  it('lists a 预备党员 whose 预备期 ends exactly 3 months from today, but not one day later', () => {
    const due = probationary('2024-06-05');
    const later = probationary('2024-06-06');
    expect(probationDue([due, later], today).map((d) => d.memberId)).toEqual([due.id]);
    expect(probationDue([due], today)[0]).toMatchObject({ probationEndsOn: '2025-06-05', daysLeft: 92 });
  });

  it('counts 0 days on the day 预备期 ends and -1 one day after', () => {
    const dueToday = probationary('2024-03-05');
    const overdue = probationary('2024-03-04');
    expect(probationDue([dueToday, overdue], today)).toEqual([
      { memberId: overdue.id, name: overdue.name, joinedOn: '2024-03-04', probationEndsOn: '2025-03-04', daysLeft: -1 },
      { memberId: dueToday.id, name: dueToday.name, joinedOn: '2024-03-05', probationEndsOn: '2025-03-05', daysLeft: 0 },
    ]);
  });

  it('ignores 正式党员 and members who left', () => {
    const left = probationary('2024-03-01', { departure: { reason: '转出', date: '2025-01-10' } });
    expect(probationDue([member(), left], today)).toEqual([]);
  });

  it('counts a month-precision 入党时间 from the first of the month', () => {
    expect(probationDue([probationary('2024-04')], today)[0]).toMatchObject({ probationEndsOn: '2025-04-01', daysLeft: 27 });
  });
});

describe('termStatus', () => {
  it('is unknown without 选举日期', () => {
    expect(termStatus(committee(undefined), today)).toEqual({ state: 'unknown' });
  });

  it('warns when 届满 is within 6 months, inclusive', () => {
    expect(termStatus(committee('2022-09-05'), today)).toMatchObject({ state: 'running', endsOn: '2025-09-05', monthsLeft: 6, soon: true });
    expect(termStatus(committee('2022-09-06'), today)).toMatchObject({ state: 'running', endsOn: '2025-09-06', monthsLeft: 6, soon: false });
  });

  it('is still running on the day of 届满 and expired the day after', () => {
    expect(termStatus(committee('2022-03-05'), today)).toMatchObject({ state: 'running', daysLeft: 0, monthsLeft: 0, soon: true });
    expect(termStatus(committee('2022-03-04'), today)).toEqual({ state: 'expired', endsOn: '2025-03-04', monthsOver: 0, daysOver: 1 });
    expect(termStatus(committee('2021-11-05'), today)).toMatchObject({ state: 'expired', monthsOver: 4 });
  });

  it('uses the 任期年限', () => {
    expect(termStatus({ ...committee('2021-03-05'), termYears: 5 }, today)).toMatchObject({ endsOn: '2026-03-05', monthsLeft: 12 });
  });
});

describe('summariseBranch', () => {
  const fullMembers = (n: number) => Array.from({ length: n }, () => member());

  it('counts active 正式党员 and 预备党员 only', () => {
    const members = [...fullMembers(4), probationary('2024-10-01'), member({ departure: { reason: '死亡', date: '2024-12-01' } })];
    expect(summariseBranch({ committee: committee(undefined) }, members, today)).toMatchObject({
      fullMembers: 4,
      probationaryMembers: 1,
      activeMembers: 5,
    });
  });

  it('warns below 3 正式党员 (预备党员 do not count)', () => {
    const kinds = (members: Member[]) => summariseBranch({ committee: committee(undefined) }, members, today).warnings.map((w) => w.kind);
    expect(kinds([...fullMembers(2), probationary('2024-10-01')])).toEqual(['too-few-full-members']);
    expect(kinds(fullMembers(3))).toEqual([]);
    expect(summariseBranch({ committee: committee(undefined) }, [], today).warnings[0].message).toBe('还没有登记正式党员');
  });

  it('warns above 50 members', () => {
    const secretary = { memberId: 'x', role: '书记' as const };
    const deputy = { memberId: 'y', role: '组织委员' as const };
    const kinds = (members: Member[]) =>
      summariseBranch({ committee: committee('2024-01-01', [secretary, deputy]) }, members, today).warnings.map((w) => w.kind);
    expect(kinds(fullMembers(50))).toEqual([]);
    expect(kinds([...fullMembers(50), probationary('2024-10-01')])).toEqual(['too-many-members']);
  });

  it('asks for a 支部委员会 from 7 正式党员 when only a 书记 is registered', () => {
    const kinds = (n: number, roles: CommitteeMember['role'][]) =>
      summariseBranch(
        { committee: committee('2024-01-01', roles.map((role, i) => ({ memberId: `c${i}`, role }))) },
        fullMembers(n),
        today,
      ).warnings.map((w) => w.kind);
    expect(kinds(6, ['书记'])).toEqual([]);
    expect(kinds(7, ['书记'])).toEqual(['committee-missing']);
    expect(kinds(7, [])).toEqual(['committee-missing']);
    expect(kinds(7, ['书记', '组织委员'])).toEqual([]);
  });

  it('summarises the demo branch: 23 + 2, one 转正 within a month, 届满 within 6 months, no warnings', () => {
    const demo = generateDemoBranch({ today });
    const summary = summariseBranch(demo.branch, demo.members, today);
    expect(summary).toMatchObject({ fullMembers: 23, probationaryMembers: 2, activeMembers: 25, warnings: [] });
    expect(summary.probationDue).toHaveLength(1);
    expect(summary.probationDue[0].daysLeft).toBeGreaterThan(0);
    expect(summary.probationDue[0].daysLeft).toBeLessThanOrEqual(31);
    expect(summary.term).toMatchObject({ state: 'running', monthsLeft: 4, soon: true });
  });
});
