import { addMonths, monthsBetween, toComparableDate } from '../dates';
import { COMMITTEE_THRESHOLD, termEndDate, type Branch } from '../model/branch';
import { isActiveMember, probationEndDate, type Member } from '../model/member';

/** 预备党员 whose 预备期 ends within this many months are listed for 转正 (上级 needs time to approve). */
export const PROBATION_LOOKAHEAD_MONTHS = 3;
/** 换届 is prepared this many months before 届满 (DOMAIN §1.4). */
export const TERM_WARNING_MONTHS = 6;
/** 有正式党员3人以上的, 应当成立党支部 (支部条例 第四条). */
export const MIN_FULL_MEMBERS = 3;
/** 党支部党员人数一般不超过50人 (支部条例 第四条). */
export const MAX_BRANCH_MEMBERS = 50;

export type TermStatus =
  /** 选举日期 not entered yet. */
  | { state: 'unknown' }
  /** The term runs until `endsOn` (inclusive); `soon` when 届满 is within TERM_WARNING_MONTHS. */
  | { state: 'running'; endsOn: string; monthsLeft: number; daysLeft: number; soon: boolean }
  /** 届满 has passed: 换届 is overdue. */
  | { state: 'expired'; endsOn: string; monthsOver: number; daysOver: number };

export interface ProbationDue {
  memberId: string;
  name: string;
  joinedOn: string;
  /** 预备期满: one year after 入党时间. */
  probationEndsOn: string;
  /** Days from today to 预备期满: 0 on the day itself, negative when overdue. */
  daysLeft: number;
}

export type BranchWarningKind = 'too-few-full-members' | 'too-many-members' | 'committee-missing';

export interface BranchWarning {
  kind: BranchWarningKind;
  message: string;
  /** The rule it comes from, quoted for the secretary. */
  rule: string;
}

export interface BranchSummary {
  /** Active members only (历史党员 are not counted). */
  fullMembers: number;
  probationaryMembers: number;
  activeMembers: number;
  term: TermStatus;
  /** 预备党员 overdue or due for 转正 within PROBATION_LOOKAHEAD_MONTHS, earliest first. */
  probationDue: ProbationDue[];
  warnings: BranchWarning[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Calendar days from `from` to `to`, independent of the time zone (no DST surprises). */
export function daysBetween(from: string, to: string): number {
  const utc = (value: string) => {
    const [y, m, d] = toComparableDate(value).split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

export function termStatus(committee: Branch['committee'], today: string): TermStatus {
  const endsOn = termEndDate(committee);
  if (!endsOn) {
    return { state: 'unknown' };
  }
  const daysLeft = daysBetween(today, endsOn);
  if (daysLeft < 0) {
    return { state: 'expired', endsOn, monthsOver: monthsBetween(endsOn, today), daysOver: -daysLeft };
  }
  return {
    state: 'running',
    endsOn,
    monthsLeft: monthsBetween(today, endsOn),
    daysLeft,
    soon: endsOn <= addMonths(today, TERM_WARNING_MONTHS),
  };
}

/** 预备党员 whose 预备期 has ended or ends within the look-ahead, earliest first. */
export function probationDue(members: readonly Member[], today: string): ProbationDue[] {
  const horizon = addMonths(today, PROBATION_LOOKAHEAD_MONTHS);
  return members
    .filter((m) => isActiveMember(m) && m.category === '预备党员')
    .flatMap((m) => {
      const probationEndsOn = probationEndDate(m);
      return m.joinedOn && probationEndsOn
        ? [{ memberId: m.id, name: m.name, joinedOn: m.joinedOn, probationEndsOn, daysLeft: daysBetween(today, probationEndsOn) }]
        : [];
    })
    .filter((due) => due.probationEndsOn <= horizon)
    .sort((a, b) => (a.probationEndsOn < b.probationEndsOn ? -1 : a.probationEndsOn > b.probationEndsOn ? 1 : 0));
}

/** Organisation set-up checks of DOMAIN §1.1. */
export function branchWarnings(
  branch: Pick<Branch, 'committee'>,
  counts: { fullMembers: number; activeMembers: number },
): BranchWarning[] {
  const warnings: BranchWarning[] = [];
  if (counts.fullMembers < MIN_FULL_MEMBERS) {
    warnings.push({
      kind: 'too-few-full-members',
      message: counts.fullMembers === 0 ? '还没有登记正式党员' : `正式党员只有 ${counts.fullMembers} 人，不足 ${MIN_FULL_MEMBERS} 人`,
      rule: '支部条例 第四条：有正式党员3人以上的，应当成立党支部',
    });
  }
  if (counts.activeMembers > MAX_BRANCH_MEMBERS) {
    warnings.push({
      kind: 'too-many-members',
      message: `党员共 ${counts.activeMembers} 人，超过 ${MAX_BRANCH_MEMBERS} 人`,
      rule: '支部条例 第四条：党支部党员人数一般不超过50人',
    });
  }
  const beyondSecretary = branch.committee.members.filter((m) => m.role !== '书记');
  if (counts.fullMembers >= COMMITTEE_THRESHOLD && beyondSecretary.length === 0) {
    warnings.push({
      kind: 'committee-missing',
      message: `正式党员 ${counts.fullMembers} 人，应设立支部委员会，但尚未登记书记以外的支委成员`,
      rule: '支部条例 第六章：有正式党员7人以上的党支部，设立党支部委员会',
    });
  }
  return warnings;
}

/** What 工作台 shows about a branch today: member counts, 换届, 转正 due, set-up warnings. */
export function summariseBranch(branch: Pick<Branch, 'committee'>, members: readonly Member[], today: string): BranchSummary {
  const active = members.filter(isActiveMember);
  const fullMembers = active.filter((m) => m.category === '正式党员').length;
  const probationaryMembers = active.filter((m) => m.category === '预备党员').length;
  return {
    fullMembers,
    probationaryMembers,
    activeMembers: active.length,
    term: termStatus(branch.committee, today),
    probationDue: probationDue(active, today),
    warnings: branchWarnings(branch, { fullMembers, activeMembers: active.length }),
  };
}
