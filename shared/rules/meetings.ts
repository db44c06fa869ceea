import { formatDate } from '../dates';
import type { Meeting, MeetingType } from '../model/meeting';
import { committeeRequired, meetingDate, ownRecords, wasOnRosterBetween } from './roster';
import { isReportedPeriod, reportingStartOf } from './ledgerStart';
import { currentPeriodName, isInYear, periodsOfYear, periodState, type Period } from './periods';
import { frequencyLabel, type MeetingFrequency } from './settings';
import { SOURCES } from './sources';
import type { Finding, RuleId, RuleInput, Severity } from './types';

/**
 * How often each kind of meeting must be held (DOMAIN §1.2, §8.1–2): the 类型×月 matrix of the dashboard
 * and the inspection package, and one rule per kind that reports the missing periods.
 */

interface MeetingRequirement {
  rule: RuleId;
  type: MeetingType;
  setting: 'partyCongress' | 'committeeMeeting' | 'partyGroupMeeting' | 'partyLecture' | 'themeDay' | 'orgLife' | 'democraticReview';
  /** How the meeting is named in a sentence. */
  name: string;
  verb: string;
  source: string;
  /** 党课 counts are a local floor, not an article: a gap is a warning. */
  missingSeverity: Severity;
}

export const MEETING_REQUIREMENTS: readonly MeetingRequirement[] = [
  { rule: 'meeting.partyCongress.quarterly', type: '支部党员大会', setting: 'partyCongress', name: '支部党员大会', verb: '召开', source: SOURCES.partyCongress, missingSeverity: 'error' },
  { rule: 'meeting.committee.monthly', type: '支部委员会', setting: 'committeeMeeting', name: '支部委员会会议', verb: '召开', source: SOURCES.committeeMeeting, missingSeverity: 'error' },
  { rule: 'meeting.partyGroup.monthly', type: '党小组会', setting: 'partyGroupMeeting', name: '党小组会', verb: '召开', source: SOURCES.partyGroupMeeting, missingSeverity: 'error' },
  { rule: 'meeting.partyLecture', type: '党课', setting: 'partyLecture', name: '党课', verb: '组织', source: `${SOURCES.localRule}；${SOURCES.partyLecture}`, missingSeverity: 'warning' },
  { rule: 'meeting.themeDay.monthly', type: '主题党日', setting: 'themeDay', name: '主题党日活动', verb: '开展', source: SOURCES.themeDay, missingSeverity: 'error' },
  { rule: 'meeting.orgLife.yearly', type: '组织生活会', setting: 'orgLife', name: '组织生活会', verb: '召开', source: SOURCES.orgLife, missingSeverity: 'error' },
  { rule: 'meeting.democraticReview.yearly', type: '民主评议党员', setting: 'democraticReview', name: '民主评议党员', verb: '开展', source: SOURCES.democraticReview, missingSeverity: 'error' },
];

/**
 * done: held often enough; missing: the period is over and it was not; notDue: the period is still open
 * or has not begun; notRequired: nothing to hold (no committee that month, an empty 党小组, the period ended
 * before the branch was founded or before its 台账起始日期).
 */
export type MeetingCellStatus = 'done' | 'missing' | 'notDue' | 'notRequired';

export interface MeetingMatrixCell {
  /** `2025-03`, `2025-Q1`, `2025-H1` or `2025`. */
  period: string;
  label: string;
  /** The months the cell spans: a quarterly cell spans 3 columns of a 12-month table. */
  months: number[];
  start: string;
  end: string;
  status: MeetingCellStatus;
  /** Meetings needed in the period (0 when notRequired). */
  required: number;
  /** Meetings held: dated in the period and not after today. */
  count: number;
  meetingIds: string[];
  /** Meetings recorded in the period but dated after today (planned, not held yet). */
  plannedMeetingIds: string[];
}

export interface MeetingMatrixRow {
  rule: RuleId;
  type: MeetingType;
  /** `支部党员大会`, or `第一党小组 党小组会` for a group's row. */
  label: string;
  partyGroupId?: string;
  frequency: MeetingFrequency;
  source: string;
  cells: MeetingMatrixCell[];
}

function earlier(a: string, b: string): string {
  return a < b ? a : b;
}

interface DatedMeeting {
  meeting: Meeting;
  /** meetingDate(meeting). */
  date: string;
}

/** The index of the first meeting on or after `day` in a list sorted by date. */
function firstOnOrAfter(list: readonly DatedMeeting[], day: string): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle].date < day) {
      low = middle + 1;
    } else {
      high = middle;
    }
  }
  return low;
}

/**
 * One row per required meeting type (one per 党小组 for 党小组会) and one cell per period of the year.
 * Types switched off in the settings, the 支委会 of a branch without a committee and empty 党小组 have no row.
 */
export function meetingMatrix(input: RuleInput): MeetingMatrixRow[] {
  const { members, meetings } = ownRecords(input);
  const { branch, settings, today, year } = input;
  // Periods that end before 台账起始日期 or 成立日期 owe nothing (ledgerStart.ts).
  const reportingStart = reportingStartOf(input);
  const rows: MeetingMatrixRow[] = [];

  const dated: DatedMeeting[] = meetings
    .map((meeting) => ({ meeting, date: meetingDate(meeting) }))
    .filter(({ date }) => isInYear(date, year))
    .sort((a, b) => (a.meeting.startAt < b.meeting.startAt ? -1 : a.meeting.startAt > b.meeting.startAt ? 1 : 0));
  // The year's meetings under every type they count as (countsAs), still in date order: each row takes its list
  // from here instead of testing every meeting for every row.
  const ofType = new Map<string, DatedMeeting[]>();
  const file = (type: string, entry: DatedMeeting) => {
    const list = ofType.get(type);
    if (list) {
      list.push(entry);
    } else {
      ofType.set(type, [entry]);
    }
  };
  for (const entry of dated) {
    const type = entry.meeting.type;
    const alsoCountsAs = entry.meeting.alsoCountsAs ?? [];
    file(type, entry);
    alsoCountsAs.forEach((other, index) => {
      // Once per type, however often it is listed.
      if (other !== type && alsoCountsAs.indexOf(other) === index) {
        file(other, entry);
      }
    });
  }

  for (const requirement of MEETING_REQUIREMENTS) {
    const frequency = settings[requirement.setting];
    if (!frequency.enabled) {
      continue;
    }
    const periods = periodsOfYear(year, frequency.period);
    // The day on which a period's facts (committee, group members) are judged.
    const judgedOn = (period: Period) => earlier(period.end, today);

    const buildRow = (
      label: string,
      isRequired: (period: Period) => boolean,
      ofRow: readonly DatedMeeting[],
      partyGroupId?: string,
    ): MeetingMatrixRow => ({
      rule: requirement.rule,
      type: requirement.type,
      label,
      partyGroupId,
      frequency,
      source: requirement.source,
      cells: periods.map((period) => {
        // Held: dated in the period and not after today; planned: dated in the period after today.
        const held: string[] = [];
        const planned: string[] = [];
        for (let i = firstOnOrAfter(ofRow, period.start); i < ofRow.length && ofRow[i].date <= period.end; i += 1) {
          (ofRow[i].date <= today ? held : planned).push(ofRow[i].meeting.id);
        }
        const required = isReportedPeriod(period, reportingStart) && isRequired(period);
        let status: MeetingCellStatus;
        if (!required) {
          status = 'notRequired';
        } else if (held.length >= frequency.minCount) {
          status = 'done';
        } else {
          status = periodState(period, today) === 'past' ? 'missing' : 'notDue';
        }
        return {
          period: period.key,
          label: period.label,
          months: period.months,
          start: period.start,
          end: period.end,
          status,
          required: required ? frequency.minCount : 0,
          count: held.length,
          meetingIds: held,
          plannedMeetingIds: planned,
        };
      }),
    });

    if (requirement.type === '党小组会') {
      for (const group of branch.partyGroups) {
        const groupMembers = members.filter((m) => m.partyGroupId === group.id);
        const row = buildRow(
          `${group.name} 党小组会`,
          (period) => {
            const end = judgedOn(period);
            const start = earlier(period.start, end);
            return groupMembers.some((m) => wasOnRosterBetween(m, start, end));
          },
          (ofType.get(requirement.type) ?? []).filter(({ meeting }) => meeting.partyGroupId === group.id),
          group.id,
        );
        if (row.cells.some((cell) => cell.status !== 'notRequired')) {
          rows.push(row);
        }
      }
      continue;
    }

    const row = buildRow(
      requirement.type === '支部委员会' ? '支部委员会会议' : requirement.name,
      requirement.type === '支部委员会'
        ? (period) => committeeRequired(branch, members, judgedOn(period), settings)
        : () => true,
      ofType.get(requirement.type) ?? [],
    );
    if (requirement.type !== '支部委员会' || row.cells.some((cell) => cell.status !== 'notRequired')) {
      rows.push(row);
    }
  }
  return rows;
}

function findingsOfRow(row: MeetingMatrixRow, requirement: MeetingRequirement, input: RuleInput): Finding[] {
  const findings: Finding[] = [];
  const group = row.partyGroupId ? input.branch.partyGroups.find((g) => g.id === row.partyGroupId) : undefined;
  const where = group ? group.name : '';
  const subject = group
    ? { table: 'partyGroups' as const, id: group.id }
    : { table: 'branches' as const, id: input.branch.id };
  const rule = frequencyLabel(row.frequency);
  for (const cell of row.cells) {
    if (cell.status === 'missing') {
      const message =
        cell.count === 0
          ? `${where}${cell.label}未${requirement.verb}${requirement.name}（${rule}）`
          : `${where}${cell.label}只${requirement.verb}了${cell.count}次${requirement.name}（${rule}）`;
      findings.push({ rule: row.rule, severity: requirement.missingSeverity, period: cell.period, message, source: row.source, subject });
    } else if (cell.status === 'notDue' && periodState(cell, input.today) === 'current') {
      const now = currentPeriodName(row.frequency.period);
      const message =
        cell.count === 0
          ? `${where}${now}尚未${requirement.verb}${requirement.name}（${rule}，${formatDate(cell.end)}前完成即可）`
          : `${where}${now}已${requirement.verb}${cell.count}次${requirement.name}，还需${cell.required - cell.count}次（${rule}，${formatDate(cell.end)}前完成即可）`;
      findings.push({ rule: row.rule, severity: 'info', period: cell.period, message, source: row.source, subject });
    }
  }
  return findings;
}

/** The findings of the frequency rules from an already built matrix (runAllRules builds it once). */
export function meetingFrequencyFindings(input: RuleInput, rows: readonly MeetingMatrixRow[], rule: RuleId): Finding[] {
  const requirement = MEETING_REQUIREMENTS.find((r) => r.rule === rule);
  if (!requirement) {
    return [];
  }
  return rows.filter((row) => row.rule === rule).flatMap((row) => findingsOfRow(row, requirement, input));
}

function frequencyRule(rule: RuleId): (input: RuleInput) => Finding[] {
  return (input) => meetingFrequencyFindings(input, meetingMatrix(input), rule);
}

/** 支部党员大会 一般每季度召开1次 (第十一条). */
export const partyCongressQuarterly = frequencyRule('meeting.partyCongress.quarterly');
/** 支部委员会会议 一般每月召开1次 (第十二条), where the branch has (or must have) a committee. */
export const committeeMonthly = frequencyRule('meeting.committee.monthly');
/** 党小组会 一般每月召开1次 (第十三条), for each 党小组 with members. */
export const partyGroupMonthly = frequencyRule('meeting.partyGroup.monthly');
/** 党课: the configured local floor (the 条例 sets no branch count). */
export const partyLecture = frequencyRule('meeting.partyLecture');
/** 主题党日 每月相对固定1天 (第十六条). */
export const themeDayMonthly = frequencyRule('meeting.themeDay.monthly');
/** 组织生活会 每年至少召开1次 (第十七条). */
export const orgLifeYearly = frequencyRule('meeting.orgLife.yearly');
/** 民主评议党员 一般每年开展1次 (第十八条). */
export const democraticReviewYearly = frequencyRule('meeting.democraticReview.yearly');
