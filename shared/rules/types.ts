import type { Analysis, AnalysisSettings } from '../model/analysis';
import type { AttachmentMeta } from '../model/attachment';
import type { Branch } from '../model/branch';
import type { Meeting } from '../model/meeting';
import type { Member } from '../model/member';
import type { Rectification } from '../model/rectification';
import type { Talk } from '../model/talk';
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
};

/** error: a rule is broken; warning: due soon or doubtful; info: still open, nothing wrong yet. */
export type Severity = 'error' | 'warning' | 'info';

/** The table of the record a finding is about (party groups live inside their branch record). */
export type SubjectTable = 'branches' | 'members' | 'meetings' | 'talks' | 'partyGroups' | 'rectifications';

/** One record (`id`), or a filtered list of a table (`filter`: `incomplete` = the roster's 资料不全). */
export type FindingSubject = { table: SubjectTable; id: string; filter?: undefined } | { table: 'members'; filter: 'incomplete'; id?: undefined };

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
}

export type Rule = (input: RuleInput) => Finding[];
