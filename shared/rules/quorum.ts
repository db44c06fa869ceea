import { formatDate } from '../dates';
import type { Branch } from '../model/branch';
import type { Attendance, Meeting } from '../model/meeting';
import type { Member } from '../model/member';
import { isInYear } from './periods';
import {
  countsAs,
  hasVoteAtMeeting,
  isOnRosterAtMeeting,
  meetingDate,
  ownRecords,
  rosterEntries,
  type RosterEntry,
} from './roster';
import type { PassThreshold, RuleSettings, Threshold } from './settings';
import { SOURCES } from './sources';
import type { Finding, RuleInput } from './types';

/**
 * 到会 and 表决 of one meeting (DOMAIN §1.3). 党员大会: 表决必须有半数以上有表决权的党员到会方可进行，赞成人数
 * 超过应到会有表决权的党员的半数为通过 (第十一条). 支委会: 须有半数以上委员到会方可进行 (第十二条); its decisions
 * pass by a majority of the 应到会 委员 (少数服从多数; the 条例 says no more).
 * 应到 is the roster on the meeting day: who joined, transferred in or was confirmed at that very meeting
 * does not count yet; who left before it does not count.
 * A meeting with counts and no list (出席名单未导入: `headcount`) is checked on the ledger's 应到/实到, taken as the
 * people with a vote (a ledger's counts cannot tell 预备党员 apart): nothing is made up from the roster.
 * Votes are cast by those present: 赞成, 反对, 弃权 each and together are at most the 实到 with a vote.
 */

/** Which quorum rule applies: 党员大会 (also when another meeting counts as one), 支委会, 党小组会, or none. */
export type QuorumKind = 'partyCongress' | 'committee' | 'partyGroup' | 'other';

export interface ResolutionOutcome {
  text: string;
  votesFor?: number;
  votesAgainst?: number;
  abstentions?: number;
  /** 赞成 votes needed; null where no rule applies (党小组会, 党课…). */
  votesNeeded: number | null;
  /** null when the votes were not recorded or no rule applies; false also when the meeting lacked its quorum. */
  passed: boolean | null;
}

export interface QuorumResult {
  kind: QuorumKind;
  /** The meeting's calendar day. */
  date: string;
  /** 应到: the whole roster, the 委员 for a 支委会, the group's members for a 党小组会. */
  expected: number;
  /** 实到: of those, marked 出席. */
  present: number;
  /** 请假 among those expected. */
  onLeave: number;
  /** 缺席 = 应到 − 实到 (请假, 缺席 and not recorded). */
  absent: number;
  absentMemberIds: string[];
  /** 有表决权应到: 正式党员 not under 留党察看 (all 委员 in a 支委会). */
  votingExpected: number;
  votingPresent: number;
  /** Whether any attendance was recorded (a list, or a ledger's counts); without it the quorum is unknown. */
  attendanceRecorded: boolean;
  /** The figures are a ledger's counts, not a list (出席名单未导入). */
  countsOnly: boolean;
  /** People needed present; null when no rule applies. */
  quorumNeeded: number | null;
  /** null when no rule applies or attendance was not recorded. */
  quorumMet: boolean | null;
  resolutions: ResolutionOutcome[];
  /** The article the quorum and pass rules come from. */
  source: string;
}

/** The smallest head-count that satisfies a threshold of `base` (never 0: nobody cannot be a quorum). */
export function minimumCount(base: number, threshold: Threshold): number {
  const exact = base * threshold.share;
  const needed = threshold.inclusive ? Math.ceil(exact - 1e-9) : Math.floor(exact + 1e-9) + 1;
  return Math.max(1, needed);
}

function kindOf(meeting: Pick<Meeting, 'type' | 'alsoCountsAs'>): QuorumKind {
  if (countsAs(meeting, '支部党员大会')) {
    return 'partyCongress';
  }
  if (countsAs(meeting, '支部委员会')) {
    return 'committee';
  }
  return countsAs(meeting, '党小组会') ? 'partyGroup' : 'other';
}

export function quorumOf(
  meeting: Meeting,
  members: readonly Member[],
  branch: Pick<Branch, 'id' | 'committee'>,
  settings: Pick<RuleSettings, 'partyCongressQuorum' | 'partyCongressPass' | 'committeeQuorum' | 'committeePass'>,
): QuorumResult {
  return quorumFromRoster(meeting, prepareQuorumRoster(members.filter((m) => m.branchId === branch.id), branch), settings);
}

/** The branch's members prepared once: meetingQuorum checks hundreds of meetings a year against them. */
interface QuorumRoster {
  /** Every member, in input order. */
  entries: RosterEntry[];
  /** Positions in `entries` of the committee's members, in the same order. */
  committee: number[];
  /** Every position in `entries`, in order. */
  everyone: number[];
  /** Member id → positions in `entries` (one, unless the same id was recorded twice). */
  positions: Map<string, number[]>;
  /**
   * Scratch for counting one meeting: the attendance state by position, valid where `stampAt` holds the
   * meeting's `stamp` (so nothing needs clearing between meetings).
   */
  stateAt: (Attendance['state'] | undefined)[];
  stampAt: number[];
  stamp: number;
}

function prepareQuorumRoster(members: readonly Member[], branch: Pick<Branch, 'committee'>): QuorumRoster {
  const entries = rosterEntries(members);
  const committeeIds = new Set(branch.committee.members.map((c) => c.memberId));
  const positions = new Map<string, number[]>();
  entries.forEach((entry, index) => {
    const list = positions.get(entry.member.id);
    if (list) {
      list.push(index);
    } else {
      positions.set(entry.member.id, [index]);
    }
  });
  return {
    entries,
    committee: entries.flatMap((entry, index) => (committeeIds.has(entry.member.id) ? [index] : [])),
    everyone: entries.map((_entry, index) => index),
    positions,
    stateAt: new Array<Attendance['state'] | undefined>(entries.length).fill(undefined),
    stampAt: new Array<number>(entries.length).fill(0),
    stamp: 0,
  };
}

function quorumFromRoster(
  meeting: Meeting,
  roster: QuorumRoster,
  settings: Pick<RuleSettings, 'partyCongressQuorum' | 'partyCongressPass' | 'committeeQuorum' | 'committeePass'>,
): QuorumResult {
  const date = meetingDate(meeting);
  const kind = kindOf(meeting);
  const attendance = meeting.attendance ?? [];
  // Each member's state by position (a later line for the same member wins), in the roster's scratch arrays.
  const { stateAt, stampAt } = roster;
  const stamp = (roster.stamp += 1);
  for (const line of attendance) {
    for (const position of roster.positions.get(line.memberId) ?? []) {
      stateAt[position] = line.state;
      stampAt[position] = stamp;
    }
  }
  const attendanceRecorded = attendance.length > 0;

  // One pass over who was expected (the roster on the day; the 委员 of a 支委会, the group of a 党小组会).
  const group = kind === 'partyGroup' && meeting.partyGroupId ? meeting.partyGroupId : undefined;
  let expected = 0;
  let present = 0;
  let onLeave = 0;
  let votingExpected = 0;
  let votingPresent = 0;
  const absentMemberIds: string[] = [];
  for (const position of kind === 'committee' ? roster.committee : roster.everyone) {
    const entry = roster.entries[position];
    if ((group !== undefined && entry.member.partyGroupId !== group) || !isOnRosterAtMeeting(entry, date)) {
      continue;
    }
    // In a 支委会 every 委员 votes; elsewhere only 正式党员 not under 留党察看.
    const votes = kind === 'committee' || hasVoteAtMeeting(entry, date);
    const state = stampAt[position] === stamp ? stateAt[position] : undefined;
    expected += 1;
    votingExpected += votes ? 1 : 0;
    if (state === '出席') {
      present += 1;
      votingPresent += votes ? 1 : 0;
    } else {
      absentMemberIds.push(entry.member.id);
      onLeave += state === '请假' ? 1 : 0;
    }
  }

  // Counts only: the ledger's figures stand for 应到/实到 (with a vote); no names, no list made up from the roster.
  const headcount = attendanceRecorded ? undefined : meeting.headcount;
  if (headcount) {
    expected = votingExpected = headcount.expected;
    present = votingPresent = headcount.present;
    onLeave = headcount.onLeave ?? 0;
    absentMemberIds.length = 0;
  }

  let quorum: Threshold | undefined;
  let pass: PassThreshold | undefined;
  let source: string;
  if (kind === 'partyCongress') {
    quorum = settings.partyCongressQuorum;
    pass = settings.partyCongressPass;
    source = SOURCES.partyCongress;
  } else if (kind === 'committee') {
    quorum = settings.committeeQuorum;
    pass = settings.committeePass;
    source = `${SOURCES.committeeMeeting}；${SOURCES.majority}`;
  } else {
    source = SOURCES.votingRights;
  }

  const quorumNeeded = quorum ? minimumCount(votingExpected, quorum) : null;
  const recorded = attendanceRecorded || headcount !== undefined;
  const quorumMet = quorumNeeded === null || !recorded ? null : votingPresent >= quorumNeeded;

  const resolutions = (meeting.resolutions ?? []).map((resolution): ResolutionOutcome => {
    const votesNeeded = pass
      ? minimumCount(pass.base === 'expected' ? votingExpected : votingPresent, pass)
      : null;
    const passed =
      votesNeeded === null || resolution.votesFor === undefined
        ? null
        : resolution.votesFor >= votesNeeded && quorumMet !== false;
    return { ...resolution, votesNeeded, passed };
  });

  return {
    kind,
    date,
    expected,
    present,
    onLeave,
    absent: headcount?.absent ?? Math.max(0, expected - present),
    absentMemberIds,
    votingExpected,
    votingPresent,
    attendanceRecorded: recorded,
    countsOnly: headcount !== undefined,
    quorumNeeded,
    quorumMet,
    resolutions,
    source,
  };
}

/** `半数`, or a percentage for other shares. */
function shareName(threshold: Threshold): string {
  return threshold.share === 0.5 ? '半数' : `${Math.round(threshold.share * 100)}%`;
}

/** `未超过` (more than the share was needed) or `不足` (at least the share was needed). */
function fallsShort(threshold: Threshold): string {
  return threshold.inclusive ? '不足' : '未超过';
}

/**
 * meeting.quorum: every 党员大会 with a vote (a resolution) in the year must have had its quorum and each
 * resolution its votes; every 支委会 with recorded attendance must have had more than half of the 委员.
 */
export function meetingQuorum(input: RuleInput): Finding[] {
  const { members, meetings } = ownRecords(input);
  const { branch, settings, today, year } = input;
  const roster = prepareQuorumRoster(members, branch);
  const reported: { meeting: Meeting; findings: Finding[] }[] = [];
  for (const meeting of meetings) {
    const date = meetingDate(meeting);
    if (!isInYear(date, year) || date > today) {
      continue;
    }
    // Decide from the record alone whether the meeting is checked, before counting anyone.
    const kind = kindOf(meeting);
    const hasVote = meeting.resolutions.length > 0;
    if (kind !== 'partyCongress' && kind !== 'committee') {
      continue;
    }
    if (kind === 'partyCongress' && !hasVote) {
      continue;
    }
    if (kind === 'committee' && !hasVote && (meeting.attendance ?? []).length === 0 && !meeting.headcount) {
      continue;
    }
    const findings = quorumFindings(meeting, quorumFromRoster(meeting, roster, settings), settings);
    if (findings.length > 0) {
      reported.push({ meeting, findings });
    }
  }
  // In the order the meetings were held; only the few with a finding need sorting (stable: ties keep input order).
  reported.sort((a, b) => (a.meeting.startAt < b.meeting.startAt ? -1 : a.meeting.startAt > b.meeting.startAt ? 1 : 0));
  return reported.flatMap((r) => r.findings);
}

function quorumFindings(meeting: Meeting, result: QuorumResult, settings: RuleSettings): Finding[] {
  const findings: Finding[] = [];
  const name = result.kind === 'partyCongress' ? '支部党员大会' : '支部委员会会议';
  // Most meetings are in order: name the meeting only when there is something to say about it.
  let named: string | undefined;
  const where = () => (named ??= `${formatDate(result.date)}${name}「${meeting.title}」`);
  const base = { rule: 'meeting.quorum' as const, period: result.date.slice(0, 7), source: result.source, subject: { table: 'meetings' as const, id: meeting.id } };

  if (!result.attendanceRecorded) {
    findings.push({ ...base, severity: 'warning', message: `${where()}未登记出席情况，无法核对到会人数是否符合规定` });
    return findings;
  }
  if (result.quorumMet === false) {
    const threshold = result.kind === 'partyCongress' ? settings.partyCongressQuorum : settings.committeeQuorum;
    const who = result.kind === 'partyCongress' ? '有表决权的党员' : '委员';
    const consequence = result.kind === 'partyCongress' ? '不能进行表决' : '会议不能进行';
    findings.push({
      ...base,
      severity: 'error',
      message: `${where()}：${who}应到${result.votingExpected}人，实到${result.votingPresent}人，${fallsShort(threshold)}${shareName(threshold)}（至少需${result.quorumNeeded}人），${consequence}`,
    });
    return findings;
  }
  const voters = result.kind === 'partyCongress' ? '有表决权党员' : '委员';
  const pass = result.kind === 'partyCongress' ? settings.partyCongressPass : settings.committeePass;
  const passBase = `${pass.base === 'expected' ? '应到会' : '实到会'}${voters}（${pass.base === 'expected' ? result.votingExpected : result.votingPresent}人）`;
  for (const resolution of result.resolutions) {
    if (resolution.votesFor === undefined) {
      findings.push({ ...base, severity: 'warning', message: `${where()}决议「${resolution.text}」未记录赞成票数，无法确认是否通过` });
      continue;
    }
    if (resolution.passed === false) {
      findings.push({
        ...base,
        severity: 'warning',
        message: `${where()}决议「${resolution.text}」赞成${resolution.votesFor}票，${fallsShort(pass)}${passBase}的${shareName(pass)}（至少需${resolution.votesNeeded}票），未获通过`,
      });
    }
    const cast = resolution.votesFor + (resolution.votesAgainst ?? 0) + (resolution.abstentions ?? 0);
    // Those present vote: a record saved before the form checked this (or imported) is still pointed out.
    if (cast > result.votingPresent) {
      findings.push({
        ...base,
        severity: 'warning',
        message: `${where()}决议「${resolution.text}」赞成、反对、弃权合计${cast}票，多于实到会${voters}${result.votingPresent}人，请核对`,
      });
    }
  }
  return findings;
}

export type VoteField = 'votesFor' | 'votesAgainst' | 'abstentions';

export interface VoteProblem {
  /** The resolution, by position. */
  index: number;
  field: VoteField;
  message: string;
}

const VOTE_LABELS: Record<VoteField, string> = { votesFor: '赞成', votesAgainst: '反对', abstentions: '弃权' };

/** Who may vote at this meeting, for the messages: 有表决权党员实到, 委员实到, or 实到. */
function voterLimitLabel(kind: QuorumKind): string {
  return kind === 'partyCongress' ? '有表决权党员实到' : kind === 'committee' ? '委员实到' : '实到';
}

/**
 * Votes against the people who could cast them (DOMAIN §1.3): 赞成, 反对 and 弃权 each, and together, at most the
 * 实到 with a vote (all 实到 for other meetings). Nothing to say without attendance (a list or a ledger's counts).
 * A total over the limit is put on the last count filled in, where the user typed it.
 */
export function voteProblems(meeting: Pick<Meeting, 'resolutions'>, result: QuorumResult): VoteProblem[] {
  if (!result.attendanceRecorded) {
    return [];
  }
  const partyOrCommittee = result.kind === 'partyCongress' || result.kind === 'committee';
  const limit = partyOrCommittee ? result.votingPresent : result.present;
  const who = voterLimitLabel(partyOrCommittee ? result.kind : 'other');
  const problems: VoteProblem[] = [];
  (meeting.resolutions ?? []).forEach((resolution, index) => {
    const filled = (['votesFor', 'votesAgainst', 'abstentions'] as const).flatMap((field) => {
      const votes = resolution[field];
      return votes === undefined ? [] : [{ field, votes }];
    });
    let single = false;
    for (const { field, votes } of filled) {
      if (votes > limit) {
        single = true;
        problems.push({ index, field, message: `${VOTE_LABELS[field]}${votes}票，多于${who}${limit}人` });
      }
    }
    const total = filled.reduce((sum, f) => sum + f.votes, 0);
    if (!single && filled.length > 1 && total > limit) {
      problems.push({ index, field: filled[filled.length - 1].field, message: `赞成、反对、弃权合计${total}票，多于${who}${limit}人` });
    }
  });
  return problems;
}
