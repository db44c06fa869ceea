import { formatDate } from '../dates';
import {
  RECTIFICATION_CATEGORIES,
  RECTIFICATION_FIELD_LABELS,
  RECTIFICATION_STATUSES,
  type ProgressEntry,
  type Rectification,
  type RectificationCategory,
  type RectificationStatus,
} from '../model/rectification';
import { DUE_SOON_DAYS, dueWithin, isOverdue, overdueDays } from './deadlines';

/** The three ways the 整改台账 is looked at: by status (a board), by category and by owner. */

export interface TaskGroup {
  key: string;
  label: string;
  tasks: Rectification[];
}

/** Overdue first (longest overdue first), then by 完成时限, tasks without one last; then by entry order. */
export function sortTasks(tasks: readonly Rectification[], today: string): Rectification[] {
  return [...tasks].sort((a, b) => {
    const late = overdueDays(b, today) - overdueDays(a, today);
    if (late !== 0) {
      return late;
    }
    const da = a.deadline ?? '9999-12-31';
    const db = b.deadline ?? '9999-12-31';
    if (da !== db) {
      return da < db ? -1 : 1;
    }
    return a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0;
  });
}

/** One column per status, in workflow order, empty ones included (the board shows every column). */
export function groupByStatus(tasks: readonly Rectification[], today: string): TaskGroup[] {
  return RECTIFICATION_STATUSES.map((status: RectificationStatus) => ({
    key: status,
    label: status,
    tasks: sortTasks(
      tasks.filter((t) => t.status === status),
      today,
    ),
  }));
}

/** One group per category that has tasks, in the order of the five areas, 其他 last. */
export function groupByCategory(tasks: readonly Rectification[], today: string): TaskGroup[] {
  return RECTIFICATION_CATEGORIES.map((category: RectificationCategory) => ({
    key: category,
    label: category,
    tasks: sortTasks(
      tasks.filter((t) => t.category === category),
      today,
    ),
  })).filter((g) => g.tasks.length > 0);
}

export const NO_OWNER_LABEL = '未指定责任人';

/** `张三、李四` → [张三, 李四]: a task with several 责任人 is listed under each of them. */
export function ownersOf(task: Pick<Rectification, 'owner'>): string[] {
  const names = (task.owner ?? '')
    .split(/[、,，;；/\s]+/)
    .map((n) => n.trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/** One group per 责任人, most open tasks first, then by name; tasks without one in a last group. */
export function groupByOwner(tasks: readonly Rectification[], today: string): TaskGroup[] {
  const byOwner = new Map<string, Rectification[]>();
  for (const task of tasks) {
    const owners = ownersOf(task);
    for (const owner of owners.length > 0 ? owners : ['']) {
      byOwner.set(owner, [...(byOwner.get(owner) ?? []), task]);
    }
  }
  const open = (list: Rectification[]) => list.filter((t) => t.status !== '已销号').length;
  return [...byOwner.entries()]
    .sort(([a, la], [b, lb]) => {
      if (!a || !b) {
        return a ? -1 : b ? 1 : 0;
      }
      return open(lb) - open(la) || a.localeCompare(b, 'zh-Hans-CN');
    })
    .map(([owner, list]) => ({ key: owner || '-', label: owner || NO_OWNER_LABEL, tasks: sortTasks(list, today) }));
}

export interface TaskFilter {
  /** Words in 存在问题, 整改措施, 整改目标, 责任人, 责任领导 or 完成情况. */
  query?: string;
  overdueOnly?: boolean;
}

export function filterTasks(tasks: readonly Rectification[], filter: TaskFilter, today: string): Rectification[] {
  const words = (filter.query ?? '').trim().split(/\s+/).filter(Boolean);
  return tasks.filter((task) => {
    if (filter.overdueOnly && !isOverdue(task, today)) {
      return false;
    }
    const haystack = [task.problem, task.measures, task.goal, task.owner, task.leader, task.outcome, task.source, task.category].join(' ');
    return words.every((w) => haystack.includes(w));
  });
}

export interface TaskSummary {
  total: number;
  byStatus: Record<RectificationStatus, number>;
  overdue: number;
  dueSoon: number;
}

export function summariseTasks(tasks: readonly Rectification[], today: string, soonDays: number = DUE_SOON_DAYS): TaskSummary {
  // Object.fromEntries forgets the keys' types; every status is a key here.
  const byStatus = Object.fromEntries(RECTIFICATION_STATUSES.map((s) => [s, 0])) as Record<RectificationStatus, number>;
  for (const task of tasks) {
    byStatus[task.status] += 1;
  }
  return {
    total: tasks.length,
    byStatus,
    overdue: tasks.filter((t) => isOverdue(t, today)).length,
    dueSoon: tasks.filter((t) => dueWithin(t, today, soonDays)).length,
  };
}

/** What the 工作台 lists: overdue tasks (longest overdue first), then those due within `days`. */
export function tasksNeedingAttention(tasks: readonly Rectification[], today: string, days: number = DUE_SOON_DAYS) {
  return {
    overdue: sortTasks(
      tasks.filter((t) => isOverdue(t, today)),
      today,
    ),
    dueSoon: sortTasks(
      tasks.filter((t) => dueWithin(t, today, days)),
      today,
    ),
  };
}

/** Progress entries oldest first (the order the log is read in); same-day entries keep their order. */
export function sortProgress(progress: readonly ProgressEntry[]): ProgressEntry[] {
  return [...progress].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** `存在问题` cut to a length for lists and messages. */
export function shortProblem(problem: string, max = 40): string {
  const flat = problem.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

export interface RectificationChangeLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

const DATE_FIELDS = new Set(['deadline', 'closedOn']);
const FIELD_ORDER = Object.keys(RECTIFICATION_FIELD_LABELS);

function formatValue(field: string, value: unknown): string {
  if (value === undefined || value === null || value === '') {
    return '（空）';
  }
  if (DATE_FIELDS.has(field) && typeof value === 'string') {
    return formatDate(value);
  }
  if (field === 'progress' && Array.isArray(value)) {
    return `${value.length} 条`;
  }
  if (field === 'origin' && typeof value === 'object') {
    return '已关联';
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The field changes of one audit entry, in the form's order, with labels and readable values. */
export function describeRectificationChanges(changes: Record<string, [unknown, unknown]> | undefined): RectificationChangeLine[] {
  if (!changes) {
    return [];
  }
  return Object.keys(changes)
    .filter((field) => field in RECTIFICATION_FIELD_LABELS)
    .sort((a, b) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b))
    .map((field) => ({
      field,
      label: RECTIFICATION_FIELD_LABELS[field as keyof typeof RECTIFICATION_FIELD_LABELS], // kept by the `in` filter above
      before: formatValue(field, changes[field][0]),
      after: formatValue(field, changes[field][1]),
    }));
}
