import { toComparableDate } from '../dates';
import type { Branch } from '../model/branch';
import type { Meeting } from '../model/meeting';
import type { Member } from '../model/member';
import type { Talk } from '../model/talk';
import type { RuleSettings } from './settings';
import type { RuleInput } from './types';

/**
 * Who was on the roster when. A member counts from 入党时间, or from 组织关系转入时间 when that is later, until
 * the day of leaving (departure.date, exclusive). 正式 from 转正时间; a 正式党员 without one counts as 正式
 * throughout (older records often lack it).
 */

/** The calendar day of a meeting as recorded: `2025-03-31T23:30+08:00` is 31 March wherever the app runs. */
export function meetingDate(meeting: Pick<Meeting, 'startAt'>): string {
  return meeting.startAt.slice(0, 10);
}

/** A meeting counts for its own type and for every type in alsoCountsAs. */
export function countsAs(meeting: Pick<Meeting, 'type' | 'alsoCountsAs'>, type: string): boolean {
  return meeting.type === type || (meeting.alsoCountsAs ?? []).includes(type);
}

/** Before every recorded date: a member whose 入党时间 is not on file counts as on the roster all along. */
const UNKNOWN_START = '0000-01-01';

/** The first day on this branch's roster. */
export function rosterStart(member: Pick<Member, 'joinedOn' | 'transferredInOn'>): string {
  const joined = member.joinedOn ? toComparableDate(member.joinedOn) : UNKNOWN_START;
  const transferred = member.transferredInOn ? toComparableDate(member.transferredInOn) : joined;
  return transferred > joined ? transferred : joined;
}

/**
 * On the roster on `date`. With `atMeeting`, someone who joins or transfers in on the meeting day itself
 * does not count: that meeting is the one that admits him or her.
 */
export function isOnRoster(
  member: Pick<Member, 'joinedOn' | 'transferredInOn' | 'departure'>,
  date: string,
  atMeeting = false,
): boolean {
  const start = rosterStart(member);
  if (atMeeting ? start >= date : start > date) {
    return false;
  }
  return !member.departure || date < member.departure.date;
}

/** 正式党员 on `date`; with `atMeeting`, a 转正 voted on that very day does not count yet. */
export function isFullMemberOn(
  member: Pick<Member, 'category' | 'confirmedOn'>,
  date: string,
  atMeeting = false,
): boolean {
  if (member.confirmedOn) {
    const confirmed = toComparableDate(member.confirmedOn);
    return atMeeting ? confirmed < date : confirmed <= date;
  }
  return member.category === '正式党员';
}

/** 表决权: 正式党员 only, and not during 留党察看 (党章 第七条, 选举条例 第五条). */
export function hasVoteAt(member: Member, date: string, atMeeting = false): boolean {
  return (
    isOnRoster(member, date, atMeeting) && isFullMemberOn(member, date, atMeeting) && member.status !== '留党察看'
  );
}

/**
 * A member's roster dates, read once per run: rules that ask "on the roster / with a vote at this meeting?"
 * for hundreds of meetings use these instead of re-reading the member each time. Same readings as
 * isOnRoster, isFullMemberOn and hasVoteAt with `atMeeting`.
 */
export interface RosterEntry {
  member: Member;
  /** rosterStart. */
  start: string;
  /** The member left: on the roster only before `leaves` (departure.date, exclusive). */
  departed: boolean;
  leaves?: string;
  /** 转正时间 as a comparable date, if recorded. */
  confirmed?: string;
  /** 正式党员 by category (what counts when no 转正时间 is recorded). */
  fullByCategory: boolean;
  /** 留党察看: no vote. */
  suspended: boolean;
}

export function rosterEntries(members: readonly Member[]): RosterEntry[] {
  return members.map((member) => ({
    member,
    start: rosterStart(member),
    departed: Boolean(member.departure),
    leaves: member.departure?.date,
    confirmed: member.confirmedOn ? toComparableDate(member.confirmedOn) : undefined,
    fullByCategory: member.category === '正式党员',
    suspended: member.status === '留党察看',
  }));
}

/** isOnRoster(member, date, true) for a prepared entry. */
export function isOnRosterAtMeeting(entry: RosterEntry, date: string): boolean {
  return entry.start < date && (!entry.departed || (entry.leaves !== undefined && date < entry.leaves));
}

/** hasVoteAt(member, date, true) for a prepared entry. */
export function hasVoteAtMeeting(entry: RosterEntry, date: string): boolean {
  return (
    isOnRosterAtMeeting(entry, date) &&
    (entry.confirmed !== undefined ? entry.confirmed < date : entry.fullByCategory) &&
    !entry.suspended
  );
}

export function membersOnRoster(members: readonly Member[], date: string): Member[] {
  return members.filter((m) => isOnRoster(m, date));
}

export function fullMembersOn(members: readonly Member[], date: string): Member[] {
  return members.filter((m) => isOnRoster(m, date) && isFullMemberOn(m, date));
}

/** On the roster at any time between `from` and `to` (inclusive). */
export function wasOnRosterBetween(member: Member, from: string, to: string): boolean {
  const start = rosterStart(member);
  return start <= to && (!member.departure || member.departure.date > from);
}

/** The committee has members beyond 书记 and 副书记: a 支部委员会 was elected. */
export function hasElectedCommittee(branch: Pick<Branch, 'committee'>): boolean {
  return branch.committee.members.some((m) => m.role !== '书记' && m.role !== '副书记');
}

/**
 * Whether 支委会 meetings are required on `date`: an elected committee has to meet (第十二条), and a branch
 * with 7 正式党员 or more must have one (第六章), whether or not it was recorded. A branch below that, with
 * only a 书记 (and 副书记), has no 支委会 to hold.
 */
export function committeeRequired(
  branch: Pick<Branch, 'committee'>,
  members: readonly Member[],
  date: string,
  settings: Pick<RuleSettings, 'committeeFromFullMembers'>,
): boolean {
  return hasElectedCommittee(branch) || fullMembersOn(members, date).length >= settings.committeeFromFullMembers;
}

/**
 * The records of the input's branch only. The dashboard passes one branch's records, so each list is returned
 * as it is when nothing needs leaving out (every rule asks, and copying thousands of records adds up).
 */
export function ownRecords(input: RuleInput): {
  members: readonly Member[];
  meetings: readonly Meeting[];
  talks: readonly Talk[];
} {
  const id = input.branch.id;
  return { members: own(input.members, id), meetings: own(input.meetings, id), talks: own(input.talks, id) };
}

/** The records of one branch (the list itself when it holds no other: rules run over thousands of records). */
export function own<T extends { branchId: string }>(records: readonly T[], branchId: string): readonly T[] {
  return records.every((r) => r.branchId === branchId) ? records : records.filter((r) => r.branchId === branchId);
}

/** id → name, for messages; an unknown id shows as 未知党员. */
export function nameLookup(members: readonly Member[]): (id: string) => string {
  const names = new Map(members.map((m) => [m.id, m.name]));
  return (id) => names.get(id) ?? '未知党员';
}
