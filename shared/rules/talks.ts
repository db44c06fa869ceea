import type { Talk } from '../model/talk';
import { isReportedPeriod, reportingStartOf } from './ledgerStart';
import { isInYear, periodLabel, referenceDate } from './periods';
import { membersOnRoster, nameLookup, ownRecords } from './roster';
import { SOURCES } from './sources';
import type { Finding, RuleInput } from './types';

/**
 * 谈心谈话 coverage of 第十九条: 党支部委员之间、党支部委员和党员之间、党员和党员之间，每年谈心谈话一般不少于1次.
 * A talk links its 谈话人 with each 谈话对象 (either direction counts; a 集中 talk links the talker with
 * everyone present, not those present with each other). Talks of every kind count. Who is judged: the
 * members on the roster at the end of the year (or today, during the year); 支委 are the committee's members
 * among them, 党员 the others.
 */

export type TalkRequirement = 'committeePairs' | 'committeeMember' | 'memberMember';

export const TALK_REQUIREMENT_LABELS: Record<TalkRequirement, string> = {
  committeePairs: '支委之间',
  committeeMember: '支委和党员之间',
  memberMember: '党员和党员之间',
};

export interface TalkRequirementCoverage {
  requirement: TalkRequirement;
  label: string;
  /** The configured reading (talkCommitteePairs / talkCommitteeMember / talkMemberMember). */
  mode: string;
  /** Pairs (or members, in the "at least one" readings) that must have talked. */
  required: number;
  met: number;
  /** met / required, 0–100, rounded down (100 when nothing is required). */
  percent: number;
}

/** A pair that has not talked enough, or (no otherId) a member who has not talked with anyone required. */
export interface MissingTalk {
  requirement: TalkRequirement;
  memberId: string;
  /** The other one of the pair; absent for "with any 支委 / any other 党员", or when no 书记 is recorded. */
  otherId?: string;
  /** Talks so far in the year. */
  count: number;
}

export interface TalkCoverage {
  year: number;
  /** Matrix rows: the 支委 on the roster, in committee order. */
  committeeIds: string[];
  /** Matrix columns: 支委 first, then the other members on the roster (the 党员). */
  memberIds: string[];
  /** cells[row][column]: latest talk date of the year between the two, either direction; null if none (or self). */
  cells: (string | null)[][];
  requirements: TalkRequirementCoverage[];
  missing: MissingTalk[];
  /** Talks of the year counted (dated in the year, not after today). */
  talkCount: number;
}

interface PairStats {
  count: number;
  latest: string;
}

/** member → other member → their talks; both directions share one PairStats. */
type PairTable = Map<string, Map<string, PairStats>>;

function link(pairs: PairTable, a: string, b: string, stats: PairStats): void {
  const row = pairs.get(a);
  if (row) {
    row.set(b, stats);
  } else {
    pairs.set(a, new Map([[b, stats]]));
  }
}

/** Talks per pair of members in the year, up to today. */
function pairStatistics(talks: readonly Talk[], year: number, today: string): { pairs: PairTable; counted: number } {
  const pairs: PairTable = new Map();
  let counted = 0;
  for (const talk of talks) {
    if (!isInYear(talk.date, year) || talk.date > today) {
      continue;
    }
    counted += 1;
    // Each 谈话对象 once, however often listed (one interviewee needs no de-duplicating).
    const interviewees = talk.intervieweeIds.length === 1 ? talk.intervieweeIds : new Set(talk.intervieweeIds);
    for (const other of interviewees) {
      if (other === talk.talkerId) {
        continue;
      }
      const stats = pairs.get(talk.talkerId)?.get(other);
      if (!stats) {
        const created = { count: 1, latest: talk.date };
        link(pairs, talk.talkerId, other, created);
        link(pairs, other, talk.talkerId, created);
      } else {
        stats.count += 1;
        if (talk.date > stats.latest) {
          stats.latest = talk.date;
        }
      }
    }
  }
  return { pairs, counted };
}

function coverageOf(requirement: TalkRequirement, mode: string, required: number, met: number): TalkRequirementCoverage {
  return {
    requirement,
    label: TALK_REQUIREMENT_LABELS[requirement],
    mode,
    required,
    met,
    percent: required === 0 ? 100 : Math.floor((met * 100) / required),
  };
}

/**
 * How one 谈心谈话 requirement is shown on the 工作台: `已完成 6/10（60%）` with its bar, or, when nobody has to
 * talk (no committee, a single 支委, fewer than two 党员), why it does not apply — never "0/0（100%）".
 */
export type CoverageView = { applies: true; text: string; percent: number } | { applies: false; text: string };

export function coverageView(requirement: TalkRequirementCoverage, coverage: Pick<TalkCoverage, 'committeeIds' | 'memberIds'>): CoverageView {
  if (requirement.required > 0) {
    return { applies: true, text: `已完成 ${requirement.met}/${requirement.required}（${requirement.percent}%）`, percent: requirement.percent };
  }
  const committee = coverage.committeeIds.length;
  const others = coverage.memberIds.length - committee;
  switch (requirement.requirement) {
    case 'committeePairs':
      return { applies: false, text: committee === 0 ? '未设支部委员会，不适用' : '支委不足2人，不适用' };
    case 'committeeMember':
      return { applies: false, text: committee === 0 ? '未设支部委员会，不适用' : others === 0 ? '没有支委以外的党员，不适用' : '不适用' };
    case 'memberMember':
      return { applies: false, text: others < 2 ? '支委以外的党员不足2人，不适用' : '不适用' };
  }
}

export function talkCoverage(input: RuleInput): TalkCoverage {
  return coverageWith(input, true);
}

/** talkCoverage; the findings need no matrix, so `withCells: false` leaves `cells` empty. */
function coverageWith(input: RuleInput, withCells: boolean): TalkCoverage {
  const { members, talks } = ownRecords(input);
  const { branch, settings, today, year } = input;
  const roster = membersOnRoster(members, referenceDate(year, today));
  const rosterIds = new Set(roster.map((m) => m.id));
  const committeeIds = [...new Set(branch.committee.members.map((c) => c.memberId))].filter((id) => rosterIds.has(id));
  const committeeSet = new Set(committeeIds);
  const partyMemberIds = roster.map((m) => m.id).filter((id) => !committeeSet.has(id));
  const memberIds = [...committeeIds, ...partyMemberIds];
  const { pairs, counted } = pairStatistics(talks, year, today);
  const countOf = (a: string, b: string) => (a === b ? 0 : pairs.get(a)?.get(b)?.count ?? 0);
  const min = settings.talkMinPerPair;

  const cells = (withCells ? committeeIds : []).map((row) =>
    memberIds.map((column) => (row === column ? null : pairs.get(row)?.get(column)?.latest ?? null)),
  );
  const requirements: TalkRequirementCoverage[] = [];
  const missing: MissingTalk[] = [];

  /** Every pair of `ids` (or `rows` × `columns`) must have talked `min` times. */
  const checkPairs = (requirement: TalkRequirement, mode: string, list: [string, string][]) => {
    let met = 0;
    for (const [a, b] of list) {
      const count = countOf(a, b);
      if (count >= min) {
        met += 1;
      } else {
        missing.push({ requirement, memberId: a, otherId: b, count });
      }
    }
    requirements.push(coverageOf(requirement, mode, list.length, met));
  };
  /**
   * Each of `ids` must have talked `min` times in total with anyone `isOther` accepts. Walks the few people
   * each member did talk with rather than everyone he or she might have (a 100-member branch has 10,000 pairs).
   */
  const checkAny = (requirement: TalkRequirement, mode: string, ids: string[], isOther: (id: string, other: string) => boolean) => {
    let met = 0;
    for (const id of ids) {
      let count = 0;
      for (const [other, stats] of pairs.get(id) ?? []) {
        if (isOther(id, other)) {
          count += stats.count;
        }
      }
      if (count >= min) {
        met += 1;
      } else {
        missing.push({ requirement, memberId: id, count });
      }
    }
    requirements.push(coverageOf(requirement, mode, ids.length, met));
  };
  const pairsWithin = (ids: string[]): [string, string][] =>
    ids.flatMap((a, i) => ids.slice(i + 1).map((b): [string, string] => [a, b]));

  if (settings.talkCommitteePairs === 'everyPair') {
    checkPairs('committeePairs', settings.talkCommitteePairs, pairsWithin(committeeIds));
  }

  const committeeMode = settings.talkCommitteeMember;
  if (committeeMode !== 'off' && committeeIds.length > 0) {
    if (committeeMode === 'everyPair') {
      checkPairs('committeeMember', committeeMode, committeeIds.flatMap((c) => partyMemberIds.map((p): [string, string] => [c, p])));
    } else if (committeeMode === 'secretary') {
      const secretary = branch.committee.members.find((c) => c.role === '书记' && rosterIds.has(c.memberId))?.memberId;
      if (secretary) {
        checkPairs('committeeMember', committeeMode, partyMemberIds.map((p): [string, string] => [secretary, p]));
      } else {
        checkAny('committeeMember', committeeMode, partyMemberIds, () => false);
      }
    } else {
      checkAny('committeeMember', committeeMode, partyMemberIds, (_id, other) => committeeSet.has(other));
    }
  }

  const memberMode = settings.talkMemberMember;
  if (memberMode === 'everyPair') {
    checkPairs('memberMember', memberMode, pairsWithin(partyMemberIds));
  } else if (memberMode === 'anyMember') {
    // With a single 党员 there is nobody to talk with.
    const ids = partyMemberIds.length > 1 ? partyMemberIds : [];
    const partySet = new Set(partyMemberIds);
    checkAny('memberMember', memberMode, ids, (id, other) => other !== id && partySet.has(other));
  }

  return { year, committeeIds, memberIds, cells, requirements, missing, talkCount: counted };
}

function listNames(ids: string[], nameOf: (id: string) => string): string {
  const names = ids.slice(0, 5).map(nameOf).join('、');
  return ids.length > 5 ? `${names}等${ids.length}人` : names;
}

/**
 * talk.coverage: during the year, one info line per requirement not yet met; after the year, a warning per
 * member left out (the article says "一般"), and an error when no talk at all was recorded.
 */
export function talkCoverageFindings(input: RuleInput): Finding[] {
  const { year, today, settings, branch } = input;
  // A year not begun, or over before 台账起始日期 (or 成立日期), owes nothing.
  if (today < `${year}-01-01` || !isReportedPeriod({ end: `${year}-12-31` }, reportingStartOf(input))) {
    return [];
  }
  const coverage = coverageWith(input, false);
  const period = String(year);
  const source = SOURCES.talks;
  const times = `每年不少于${settings.talkMinPerPair}次`;
  const branchSubject = { table: 'branches' as const, id: branch.id };
  const yearOver = today > `${year}-12-31`;

  if (!yearOver) {
    return coverage.requirements
      .filter((r) => r.met < r.required)
      .map((r) => ({
        rule: 'talk.coverage' as const,
        severity: 'info' as const,
        period,
        message: `本年度${r.label}谈心谈话已完成${r.met}/${r.required}（${r.percent}%），${year}年12月31日前完成即可（${times}）`,
        source,
        subject: branchSubject,
      }));
  }

  const nameOf = nameLookup(ownRecords(input).members);
  const findings: Finding[] = [];
  if (coverage.talkCount === 0 && coverage.memberIds.length > 1) {
    findings.push({ rule: 'talk.coverage', severity: 'error', period, message: `${periodLabel(period)}未登记任何谈心谈话`, source, subject: branchSubject });
    return findings;
  }
  const isCommittee = new Set(coverage.committeeIds);
  const roleOf = new Map(branch.committee.members.map((c) => [c.memberId, c.role]));
  const title = (id: string) => `${roleOf.get(id) === '书记' ? '书记' : isCommittee.has(id) ? '支委' : '党员'}${nameOf(id)}`;
  // One line per member and requirement, naming whom he or she has not talked with.
  const grouped = new Map<string, { requirement: TalkRequirement; memberId: string; others: string[] }>();
  for (const gap of coverage.missing) {
    const key = `${gap.requirement}|${gap.memberId}`;
    const entry = grouped.get(key) ?? { requirement: gap.requirement, memberId: gap.memberId, others: [] };
    if (gap.otherId) {
      entry.others.push(gap.otherId);
    }
    grouped.set(key, entry);
  }
  for (const { requirement, memberId, others } of grouped.values()) {
    let whom: string;
    if (others.length > 0) {
      whom = `${requirement === 'committeePairs' ? '支委' : '党员'}${listNames(others, nameOf)}`;
    } else if (requirement === 'memberMember') {
      whom = '其他党员';
    } else {
      whom = settings.talkCommitteeMember === 'secretary' ? '书记（未登记书记）' : '任何支委';
    }
    findings.push({
      rule: 'talk.coverage',
      severity: 'warning',
      period,
      message: `${periodLabel(period)}${title(memberId)}未与${whom}谈心谈话（${TALK_REQUIREMENT_LABELS[requirement]}，${times}）`,
      source,
      subject: { table: 'members', id: memberId },
    });
  }
  return findings;
}
