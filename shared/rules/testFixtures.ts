import { branchSchema, type Branch, type CommitteeMember } from '../model/branch';
import { meetingSchema, type Meeting } from '../model/meeting';
import { memberSchema, type Member } from '../model/member';
import { talkSchema, type Talk } from '../model/talk';
import { DEFAULT_RULE_SETTINGS } from './settings';
import type { RuleInput } from './types';

/**
 * Small literal records for the rule tests (the demo generator is used where a whole branch is wanted).
 * They go through the model's schemas, so fields the model adds later get their defaults.
 */

export const BRANCH_ID = 'branch-1';
const STAMP = '2025-01-01T09:00:00+08:00';

export function makeBranch(overrides: Partial<Branch> = {}, committee: CommitteeMember[] = []): Branch {
  return branchSchema.parse({
    id: BRANCH_ID,
    createdAt: STAMP,
    updatedAt: STAMP,
    name: '中共测试局机关第一支部委员会',
    category: '党政机关',
    committee: { termYears: 3, members: committee },
    partyGroups: [],
    isDemo: false,
    ...overrides,
  });
}

export function makeMember(id: string, overrides: Partial<Member> = {}): Member {
  return memberSchema.parse({
    id,
    branchId: BRANCH_ID,
    createdAt: STAMP,
    updatedAt: STAMP,
    name: id,
    gender: '男',
    ethnicity: '汉族',
    birthDate: '1980-01-01',
    joinedOn: '2010-07-01',
    confirmedOn: '2011-07-01',
    category: '正式党员',
    status: '正常',
    ...overrides,
  });
}

/** `count` 正式党员 with ids `${prefix}1`…. */
export function makeMembers(count: number, prefix = 'm', overrides: Partial<Member> = {}): Member[] {
  return Array.from({ length: count }, (_, i) => makeMember(`${prefix}${i + 1}`, overrides));
}

/** A 支部委员会 of the given members: the first is 书记, then 组织委员, 宣传委员, 纪检委员, 其他委员. */
export function makeCommittee(ids: string[]): CommitteeMember[] {
  const roles: CommitteeMember['role'][] = ['书记', '组织委员', '宣传委员', '纪检委员', '其他委员', '其他委员', '其他委员'];
  return ids.map((memberId, i) => ({ memberId, role: roles[i] }));
}

export function makeMeeting(id: string, type: string, startAt: string, overrides: Partial<Meeting> = {}): Meeting {
  return meetingSchema.parse({
    id,
    branchId: BRANCH_ID,
    createdAt: STAMP,
    updatedAt: STAMP,
    type,
    alsoCountsAs: [],
    title: `${type}${id}`,
    startAt: startAt.includes('T') ? startAt : `${startAt}T09:00:00+08:00`,
    attendance: [],
    topics: [],
    resolutions: [],
    ...overrides,
  });
}

export function makeTalk(id: string, date: string, talkerId: string, intervieweeIds: string[], overrides: Partial<Talk> = {}): Talk {
  return talkSchema.parse({
    id,
    branchId: BRANCH_ID,
    createdAt: STAMP,
    updatedAt: STAMP,
    date,
    talkerId,
    intervieweeIds,
    kind: '交流谈话',
    form: '个别',
    ...overrides,
  });
}

export function makeInput(overrides: Partial<RuleInput> = {}): RuleInput {
  return {
    branch: makeBranch(),
    members: [],
    meetings: [],
    talks: [],
    settings: DEFAULT_RULE_SETTINGS,
    today: '2025-06-15',
    year: 2025,
    ...overrides,
  };
}

/** Attendance marking the given members 出席 and the rest of `all` 缺席. */
export function attendance(all: readonly Member[], presentIds: readonly string[]): Meeting['attendance'] {
  const present = new Set(presentIds);
  return all.map((m) => ({ memberId: m.id, state: present.has(m.id) ? ('出席' as const) : ('缺席' as const) }));
}
