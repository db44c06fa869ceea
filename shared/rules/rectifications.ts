import { formatDate } from '../dates';
import type { AttachmentMeta } from '../model/attachment';
import type { Branch } from '../model/branch';
import type { Rectification } from '../model/rectification';
import { deadlineState, DUE_SOON_DAYS } from '../rectifications/deadlines';
import { shortProblem } from '../rectifications/views';
import { RULE_LABELS, type Finding, type Severity } from './types';

/**
 * 整改台账 (DOMAIN §3.7, §8 item 10): tasks past 完成时限 and not 销号, and tasks 销号 without what 销号
 * requires. Judged on today, whatever year is being checked; records of other branches are ignored.
 */

export const RECTIFICATION_RULE_IDS = ['rectification.overdue', 'rectification.closedWithoutEvidence'] as const;
export type RectificationRuleId = (typeof RECTIFICATION_RULE_IDS)[number];

export const RECTIFICATION_RULE_LABELS: Readonly<Record<RectificationRuleId, string>> = {
  'rectification.overdue': RULE_LABELS['rectification.overdue'],
  'rectification.closedWithoutEvidence': RULE_LABELS['rectification.closedWithoutEvidence'],
};

/** 会后制定整改措施，逐一整改落实; 对单销号 is local practice, not an article. */
export const RECTIFICATION_SOURCES_TEXT = {
  overdue: '《中国共产党支部工作条例（试行）》第十七条（会后制定整改措施，逐一整改落实）',
  closure: '《中国共产党支部工作条例（试行）》第十七条；整改台账“对单销号”（地方党建工作制度：销号须有完成情况、佐证材料和审核人）',
} as const;

/** What the two rules read; both lists are optional so that a RuleInput without them checks nothing. */
export interface RectificationRuleInput {
  branch: Pick<Branch, 'id'>;
  today: string;
  rectifications?: readonly Rectification[];
  /** Attachment metadata (no Blobs needed); every file of a task counts as its 佐证材料. */
  attachments?: readonly Pick<AttachmentMeta, 'ownerTable' | 'ownerId'>[];
}

/** A Finding of one of these rules, always about one task. */
export interface RectificationFinding extends Omit<Finding, 'rule' | 'subject'> {
  rule: RectificationRuleId;
  severity: Severity;
  subject: { table: 'rectifications'; id: string };
}

function ownTasks(input: RectificationRuleInput): Rectification[] {
  return (input.rectifications ?? [])
    .filter((t) => t.branchId === input.branch.id)
    .sort((a, b) => ((a.deadline ?? '') < (b.deadline ?? '') ? -1 : (a.deadline ?? '') > (b.deadline ?? '') ? 1 : a.id < b.id ? -1 : 1));
}

function who(task: Rectification): string {
  return task.owner ? `，责任人${task.owner}` : '';
}

/**
 * rectification.overdue: an error for every task past 完成时限 that is not 已销号 (长期坚持 has no end), a
 * warning for those due within 14 days. Period: the month of 完成时限.
 */
export function rectificationOverdue(input: RectificationRuleInput): RectificationFinding[] {
  const findings: RectificationFinding[] = [];
  for (const task of ownTasks(input)) {
    const state = deadlineState(task, input.today, DUE_SOON_DAYS);
    if (state.kind === 'none') {
      continue;
    }
    const what = `整改任务“${shortProblem(task.problem)}”（${task.status}${who(task)}）`;
    const message =
      state.kind === 'overdue'
        ? `${what}完成时限为${formatDate(task.deadline)}，已逾期${state.days}天，尚未销号`
        : state.daysLeft === 0
          ? `${what}今天（${formatDate(task.deadline)}）到期`
          : `${what}将于${formatDate(task.deadline)}到期（还有${state.daysLeft}天）`;
    findings.push({
      rule: 'rectification.overdue',
      severity: state.kind === 'overdue' ? 'error' : 'warning',
      period: task.deadline!.slice(0, 7),
      message,
      source: RECTIFICATION_SOURCES_TEXT.overdue,
      subject: { table: 'rectifications', id: task.id },
    });
  }
  return findings;
}

/**
 * rectification.closedWithoutEvidence: an error for every 已销号 task that lacks 完成情况, 佐证材料, 销号审核人
 * or 销号日期 (imported rows, evidence deleted afterwards). Period: the month of 销号, else of today.
 */
export function rectificationClosedWithoutEvidence(input: RectificationRuleInput): RectificationFinding[] {
  const evidence = new Map<string, number>();
  for (const file of input.attachments ?? []) {
    if (file.ownerTable === 'rectifications') {
      evidence.set(file.ownerId, (evidence.get(file.ownerId) ?? 0) + 1);
    }
  }
  const findings: RectificationFinding[] = [];
  for (const task of ownTasks(input)) {
    if (task.status !== '已销号') {
      continue;
    }
    const missing = [
      !task.outcome?.trim() && '完成情况',
      !evidence.get(task.id) && '佐证材料',
      !task.reviewer?.trim() && '销号审核人',
      !task.closedOn && '销号日期',
    ].filter((m): m is string => Boolean(m));
    if (missing.length === 0) {
      continue;
    }
    const closed = task.closedOn ? `于${formatDate(task.closedOn)}` : '';
    findings.push({
      rule: 'rectification.closedWithoutEvidence',
      severity: 'error',
      period: (task.closedOn ?? input.today).slice(0, 7),
      message: `整改任务“${shortProblem(task.problem)}”${closed}已销号，但缺少${missing.join('、')}`,
      source: RECTIFICATION_SOURCES_TEXT.closure,
      subject: { table: 'rectifications', id: task.id },
    });
  }
  return findings;
}
