import type { Analysis, AnalysisSettings } from '../model/analysis';
import type { AttachmentMeta } from '../model/attachment';
import type { Branch } from '../model/branch';
import type { DuesPayment } from '../model/dues';
import type { Meeting } from '../model/meeting';
import type { Member } from '../model/member';
import type { Rectification } from '../model/rectification';
import type { ReviewResult } from '../model/review';
import type { Talk } from '../model/talk';
import type { TrainingRecord } from '../model/training';
import type { DuesSettings } from '../dues/settings';
import type { TrainingSettings } from '../training/settings';
import type { RuleSettings } from './settings';

/** Stable rule ids: pages, exports and stored dismissals refer to them; never rename one. */
export const RULE_IDS = [
  'branch.setup',
  'roster.incomplete',
  'term.expiry',
  'probation.due',
  'meeting.partyCongress.quarterly',
  'meeting.committee.monthly',
  'meeting.partyGroup.monthly',
  'meeting.partyLecture',
  'meeting.themeDay.monthly',
  'meeting.orgLife.yearly',
  'meeting.democraticReview.yearly',
  'meeting.quorum',
  'talk.coverage',
  'talk.mustTalk',
  'rectification.overdue',
  'rectification.closedWithoutEvidence',
  'analysis.due',
  'review.missing',
  'review.excellentQuota',
  'review.disposal',
  'dues.mismatch',
  'dues.unpaid',
  'dues.lateBackPay',
  'training.hours',
  'training.weeklyStudy',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** What each rule checks, in the secretary's words. */
export const RULE_LABELS: Record<RuleId, string> = {
  'branch.setup': '组织设置',
  'roster.incomplete': '党员资料完整',
  'term.expiry': '支部委员会换届',
  'probation.due': '预备党员转正',
  'meeting.partyCongress.quarterly': '支部党员大会',
  'meeting.committee.monthly': '支部委员会会议',
  'meeting.partyGroup.monthly': '党小组会',
  'meeting.partyLecture': '党课',
  'meeting.themeDay.monthly': '主题党日',
  'meeting.orgLife.yearly': '组织生活会',
  'meeting.democraticReview.yearly': '民主评议党员',
  'meeting.quorum': '会议到会人数与表决',
  'talk.coverage': '谈心谈话',
  'talk.mustTalk': '必谈情形（六必谈）',
  'rectification.overdue': '整改任务逾期',
  'rectification.closedWithoutEvidence': '整改销号材料不全',
  'analysis.due': '思想动态分析',
  'review.missing': '民主评议结果',
  'review.excellentQuota': '优秀党员比例',
  'review.disposal': '评议结果处置',
  'dues.mismatch': '党费足额交纳',
  'dues.unpaid': '党费按月交纳',
  'dues.lateBackPay': '党费补交期限',
  'training.hours': '学习培训学时',
  'training.weeklyStudy': '每周一学',
};

/** error: a rule is broken; warning: due soon or doubtful; info: still open, nothing wrong yet. */
export type Severity = 'error' | 'warning' | 'info';

/** The table of the record a finding is about (party groups live inside their branch record). */
export type SubjectTable = 'branches' | 'members' | 'meetings' | 'talks' | 'partyGroups' | 'rectifications';

/** The ledgers kept per year (and member): their findings point at a year of the ledger, not at one record. */
export type YearLedgerTable = 'reviews' | 'dues' | 'training';

/**
 * One record (`id`), a filtered list of a table (`filter`: `incomplete` = the roster's 资料不全), or a year of a
 * ledger kept per member (民主评议结果, 党费, 学时), of one member when `memberId` is set.
 */
export type FindingSubject =
  | { table: SubjectTable; id: string; filter?: undefined }
  | { table: 'members'; filter: 'incomplete'; id?: undefined }
  | { table: YearLedgerTable; year: number; memberId?: string; id?: undefined; filter?: undefined };

/** What tells two findings' subjects apart (dedupe keys, list keys). */
export function subjectKey(subject: FindingSubject | undefined): string {
  if (!subject) {
    return '';
  }
  if (subject.id !== undefined) {
    return subject.id;
  }
  return subject.filter ?? `${subject.table}:${subject.year}:${subject.memberId ?? ''}`;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** `2025`, `2025-H1`, `2025-Q1` or `2025-03`: the period the finding belongs to. */
  period: string;
  /** Chinese: what is missing or wrong, and where. */
  message: string;
  /** The article, e.g. `《中国共产党支部工作条例（试行）》第十一条`. */
  source: string;
  /** The record to link to. */
  subject?: FindingSubject;
}

/**
 * Everything a rule looks at. Records of other branches are ignored. `year` is the year being checked;
 * `today` (`YYYY-MM-DD`) decides which periods are over: the current month, quarter or year is never
 * missing before it ends.
 */
export interface RuleInput {
  branch: Branch;
  members: readonly Member[];
  meetings: readonly Meeting[];
  talks: readonly Talk[];
  settings: RuleSettings;
  today: string;
  year: number;
  /** 整改台账; without it the rectification rules check nothing. */
  rectifications?: readonly Rectification[];
  /** Attachment metadata (no Blobs needed): a task's files are its 佐证材料. */
  attachments?: readonly Pick<AttachmentMeta, 'ownerTable' | 'ownerId'>[];
  /** 思想动态分析; without it analysis.due checks nothing. */
  analyses?: readonly Analysis[];
  /** 每季度 unless the settings say 每半年. */
  analysisSettings?: Pick<AnalysisSettings, 'period'>;
  /** 民主评议党员结果 of any year; without it the review rules check nothing and 反馈 closes no 必谈. */
  reviews?: readonly ReviewResult[];
  /** 党费 records of any year (a run of unpaid months may start the year before); without it the dues rules check nothing. */
  dues?: readonly DuesPayment[];
  /** 学时 records; without it the training rules check nothing. */
  training?: readonly TrainingRecord[];
  /** The 党费规定 table and thresholds; the 规定's values when absent. */
  duesSettings?: DuesSettings;
  /** 学时 goals and 每周一学; the 规划's values when absent. */
  trainingSettings?: TrainingSettings;
}

export type Rule = (input: RuleInput) => Finding[];
