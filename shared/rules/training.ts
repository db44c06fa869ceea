import dayjs from 'dayjs';
import type { Branch } from '../model/branch';
import type { Meeting } from '../model/meeting';
import type { Member } from '../model/member';
import type { TrainingRecord } from '../model/training';
import { formatDate } from '../dates';
import { hoursByMember, isLeaderPost } from '../training/hours';
import { DEFAULT_TRAINING_SETTINGS, type TrainingSettings } from '../training/settings';
import { isReportedPeriod, reportingStartOf } from './ledgerStart';
import { SOURCES } from './sources';
import type { Finding, RuleInput } from './types';
import { countsAs, meetingDate, own } from './roster';

/** The rules of 学习培训学时 (DOMAIN §1.2, §3.10, §8.8). */
export interface TrainingRuleInput {
  branch: Pick<Branch, 'id' | 'committee' | 'partyGroups' | 'createdAt'> & Partial<Pick<Branch, 'ledgerStartsOn' | 'foundedOn'>>;
  members: readonly Member[];
  records: readonly TrainingRecord[];
  /** For 每周一学: the 集中学习 meetings. */
  meetings?: readonly Meeting[];
  today: string;
  year: number;
  settings: TrainingSettings;
}

/**
 * training.hours: each member's 学时 of the year against 32 (书记 and 支委: 56), with the gap. A year that is over
 * gives a warning per member short of the goal; the running year an info (still time); a future year, or one over
 * before the branch's 台账起始日期, nothing.
 */
export function trainingHours(input: TrainingRuleInput): Finding[] {
  const end = `${input.year}-12-31`;
  // A year that ended before 台账起始日期 owes nothing (ledgerStart.ts), as for the meetings and talks.
  if (input.today < `${input.year}-01-01` || !isReportedPeriod({ end }, reportingStartOf({ branch: input.branch, meetings: input.meetings }))) {
    return [];
  }
  const over = input.today > end;
  const rows = hoursByMember(input.branch, own(input.members, input.branch.id), own(input.records, input.branch.id), input.year, input.settings);
  return rows
    .filter((row) => row.gap > 0)
    .map((row) => {
      const who = isLeaderPost(row.post) ? row.post : '党员';
      return {
        rule: 'training.hours',
        severity: over ? 'warning' : 'info',
        period: String(input.year),
        message: `${who}${row.member.name}${input.year}年学习培训${row.hours}学时，${over ? '未达到' : '距'}${row.goal}学时${over ? '，差' : '还差'}${row.gap}学时`,
        source: SOURCES.trainingHours,
        subject: { table: 'training', year: input.year, memberId: row.member.id },
      };
    });
}

/**
 * training.weeklyStudy (每周一学, off by default): every week (Monday–Sunday) that starts in the year and is over
 * by today has a 集中学习 meeting or a 支部学习 record. Weeks are counted by the day they start.
 */
export function trainingWeeklyStudy(input: TrainingRuleInput): Finding[] {
  if (!input.settings.weeklyStudy.enabled) {
    return [];
  }
  const studied = new Set<string>();
  const mondayOf = (date: string) => {
    const d = dayjs(date);
    return d.subtract((d.day() + 6) % 7, 'day').format('YYYY-MM-DD');
  };
  for (const m of own(input.meetings ?? [], input.branch.id)) {
    if (countsAs(m, '集中学习')) {
      studied.add(mondayOf(meetingDate(m)));
    }
  }
  for (const r of own(input.records, input.branch.id)) {
    if (r.form === '支部学习') {
      studied.add(mondayOf(r.date));
    }
  }
  const findings: Finding[] = [];
  let monday = dayjs(mondayOf(`${input.year}-01-01`));
  if (monday.year() < input.year) {
    monday = monday.add(7, 'day');
  }
  while (monday.year() === input.year) {
    const start = monday.format('YYYY-MM-DD');
    const sunday = monday.add(6, 'day').format('YYYY-MM-DD');
    if (sunday >= input.today) {
      break;
    }
    if (!studied.has(start)) {
      findings.push({
        rule: 'training.weeklyStudy',
        severity: 'warning',
        period: start.slice(0, 7),
        message: `${formatDate(start)}至${formatDate(sunday)}这一周没有集中学习记录`,
        source: SOURCES.weeklyStudy,
        subject: { table: 'training', year: input.year },
      });
    }
    monday = monday.add(7, 'day');
  }
  return findings;
}

/** The training rules' part of RuleInput; undefined without 学时 records (nothing to check). */
export function trainingInputOf(input: RuleInput): TrainingRuleInput | undefined {
  const { branch, members, meetings, training, today, year, trainingSettings } = input;
  return training ? { branch, members, records: training, meetings, today, year, settings: trainingSettings ?? DEFAULT_TRAINING_SETTINGS } : undefined;
}

/** Every rule of the kind, in the order reported. */
export function trainingFindings(input: TrainingRuleInput): Finding[] {
  return [...trainingHours(input), ...trainingWeeklyStudy(input)];
}
