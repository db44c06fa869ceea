import { formatDate, isValidIsoDate } from '../dates';
import type { Rectification, RectificationStatus } from '../model/rectification';

/**
 * The 整改 workflow: 未启动 → 整改中 → 已完成待验收 → 已销号, and 长期坚持 for what has no end. Every move is
 * an action with the states it starts from and what it needs; a refusal names each thing missing.
 *
 * Readings: 已销号 is final (书记 "对单销号"; a wrong 销号 is corrected by a new task, the old one stays on file).
 * A 长期坚持 task can be 销号 later, once the practice is settled, or go back to 整改中.
 */
export const RECTIFICATION_ACTIONS = ['start', 'submit', 'close', 'return', 'longTerm'] as const;
export type RectificationAction = (typeof RECTIFICATION_ACTIONS)[number];

export interface ActionDefinition {
  /** The button, in the secretary's words. */
  label: string;
  from: readonly RectificationStatus[];
  to: RectificationStatus;
}

export const ACTION_DEFINITIONS: Readonly<Record<RectificationAction, ActionDefinition>> = {
  start: { label: '开始整改', from: ['未启动'], to: '整改中' },
  submit: { label: '提交验收', from: ['整改中'], to: '已完成待验收' },
  close: { label: '销号', from: ['已完成待验收', '长期坚持'], to: '已销号' },
  return: { label: '退回整改', from: ['已完成待验收', '长期坚持'], to: '整改中' },
  longTerm: { label: '设为长期坚持', from: ['未启动', '整改中', '已完成待验收'], to: '长期坚持' },
};

/** The actions open from a status, in button order. */
export function actionsFrom(status: RectificationStatus): RectificationAction[] {
  return RECTIFICATION_ACTIONS.filter((action) => ACTION_DEFINITIONS[action].from.includes(status));
}

/** The action that moves `from` to `to`, if the workflow has one. */
export function actionBetween(from: RectificationStatus, to: RectificationStatus): RectificationAction | undefined {
  return actionsFrom(from).find((action) => ACTION_DEFINITIONS[action].to === to);
}

export function canTransition(from: RectificationStatus, to: RectificationStatus): boolean {
  return actionBetween(from, to) !== undefined;
}

/** What an action is given besides the task itself. */
export interface TransitionContext {
  /** Today's calendar date (todayIso): 销号日期 cannot be later. */
  today: string;
  /** Files of 佐证材料 attached to the task. */
  evidenceCount: number;
  /** 完成情况 entered with 提交验收 or 销号 (the task's own counts when absent). */
  outcome?: string;
  /** 销号审核人 entered with 销号. */
  reviewer?: string;
  /** 销号日期 entered with 销号. */
  closedOn?: string;
}

export type TransitionField = 'status' | 'measures' | 'owner' | 'deadline' | 'outcome' | 'evidence' | 'reviewer' | 'closedOn';

export interface TransitionProblem {
  field: TransitionField;
  message: string;
}

type TaskFacts = Pick<Rectification, 'status' | 'measures' | 'owner' | 'deadline' | 'outcome'>;

function filled(value: string | undefined): boolean {
  return Boolean(value && value.trim());
}

/** The step that has to come first, where there is one. */
const FIRST_STEP: Partial<Record<RectificationAction, Partial<Record<RectificationStatus, string>>>> = {
  submit: { 未启动: '须先开始整改' },
  close: { 未启动: '须先开始整改，完成后提交验收', 整改中: '须先提交验收' },
};

/** Why a status does not allow an action, with the step that comes first. */
function wrongStatus(status: RectificationStatus, action: RectificationAction): TransitionProblem {
  const { label, to } = ACTION_DEFINITIONS[action];
  const hint = status === '已销号' ? '已销号的任务不能再变更' : status === to ? '任务已是该状态' : FIRST_STEP[action]?.[status];
  return { field: 'status', message: `当前状态为“${status}”，不能${label}${hint ? `：${hint}` : ''}` };
}

/**
 * Everything that stops `action` on `task`, each naming what is missing; empty when the action may go ahead.
 * 开始整改 needs 整改措施, 责任人 and 完成时限; 提交验收 needs 完成情况; 销号 needs 完成情况, at least one 佐证材料,
 * 销号审核人 and a 销号日期 not after today; 设为长期坚持 needs 整改措施.
 */
export function transitionProblems(task: TaskFacts, action: RectificationAction, context: TransitionContext): TransitionProblem[] {
  if (!ACTION_DEFINITIONS[action].from.includes(task.status)) {
    return [wrongStatus(task.status, action)];
  }
  const problems: TransitionProblem[] = [];
  const outcome = context.outcome ?? task.outcome;
  switch (action) {
    case 'start':
      if (!filled(task.measures)) {
        problems.push({ field: 'measures', message: '缺少整改措施' });
      }
      if (!filled(task.owner)) {
        problems.push({ field: 'owner', message: '缺少责任人' });
      }
      if (!task.deadline) {
        problems.push({ field: 'deadline', message: '缺少完成时限' });
      }
      break;
    case 'submit':
      if (!filled(outcome)) {
        problems.push({ field: 'outcome', message: '缺少完成情况' });
      }
      break;
    case 'close':
      if (!filled(outcome)) {
        problems.push({ field: 'outcome', message: '缺少完成情况' });
      }
      if (context.evidenceCount < 1) {
        problems.push({ field: 'evidence', message: '缺少佐证材料（至少上传一份）' });
      }
      if (!filled(context.reviewer)) {
        problems.push({ field: 'reviewer', message: '缺少销号审核人' });
      }
      if (!context.closedOn) {
        problems.push({ field: 'closedOn', message: '缺少销号日期' });
      } else if (!isValidIsoDate(context.closedOn)) {
        problems.push({ field: 'closedOn', message: '销号日期格式应为 年-月-日' });
      } else if (context.closedOn > context.today) {
        problems.push({ field: 'closedOn', message: `销号日期不能晚于今天（${formatDate(context.today)}）` });
      }
      break;
    case 'longTerm':
      if (!filled(task.measures)) {
        problems.push({ field: 'measures', message: '缺少整改措施（长期坚持的具体做法）' });
      }
      break;
    case 'return':
      break;
  }
  return problems;
}

/** `不能销号：缺少佐证材料（至少上传一份）；缺少销号审核人`. */
export function refusalMessage(action: RectificationAction, problems: readonly Pick<TransitionProblem, 'message'>[]): string {
  const [first] = problems;
  if (problems.length === 1 && first.message.startsWith('当前状态')) {
    return first.message;
  }
  return `不能${ACTION_DEFINITIONS[action].label}：${problems.map((p) => p.message).join('；')}`;
}

/** The line written into the change log for an action. */
export function actionSummary(action: RectificationAction, context: Pick<TransitionContext, 'reviewer' | 'closedOn'> & { note?: string }): string {
  const label = ACTION_DEFINITIONS[action].label;
  if (action === 'close') {
    return `销号（审核人 ${context.reviewer?.trim() ?? ''}，${formatDate(context.closedOn)}）`;
  }
  if (action === 'return' && context.note?.trim()) {
    return `${label}：${context.note.trim()}`;
  }
  return label;
}
