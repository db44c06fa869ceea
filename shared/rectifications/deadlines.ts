import type { Rectification } from '../model/rectification';

/**
 * 逾期 and 即将到期, derived from 完成时限 and today, never stored. Both are calendar dates (`YYYY-MM-DD`):
 * a task due on 3月5日 is overdue from 3月6日 wherever the app runs, and "today" is the date on the user's
 * wall calendar (todayIso), not an instant converted to UTC.
 */

/** 工作台 and the rules remind of tasks due within this many days. */
export const DUE_SOON_DAYS = 14;

type DeadlineFacts = Pick<Rectification, 'status' | 'deadline'>;

/** Whole calendar days from `from` to `to` (negative when `to` is earlier); independent of the time zone. */
export function calendarDaysBetween(from: string, to: string): number {
  const utc = (value: string) => {
    const [y, m, d] = value.slice(0, 10).split('-').map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

/** The calendar date an instant falls on in a time zone (`Asia/Shanghai`, `America/New_York` …). */
export function calendarDateIn(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * Still to be done: 已销号 is finished, and 长期坚持 has no end (its measures are kept up for good), so neither
 * is ever overdue nor due.
 */
export function isOpen(task: Pick<Rectification, 'status'>): boolean {
  return task.status !== '已销号' && task.status !== '长期坚持';
}

/** Days past 完成时限 (1 on the day after it), 0 when not overdue. */
export function overdueDays(task: DeadlineFacts, today: string): number {
  if (!task.deadline || !isOpen(task)) {
    return 0;
  }
  return Math.max(0, calendarDaysBetween(task.deadline, today));
}

/** 完成时限 has passed (the day itself is still in time) and the task is neither 已销号 nor 长期坚持. */
export function isOverdue(task: DeadlineFacts, today: string): boolean {
  return overdueDays(task, today) > 0;
}

/** Open and due from today up to `days` days ahead (both ends included). */
export function dueWithin(task: DeadlineFacts, today: string, days: number = DUE_SOON_DAYS): boolean {
  if (!task.deadline || !isOpen(task)) {
    return false;
  }
  const left = calendarDaysBetween(today, task.deadline);
  return left >= 0 && left <= days;
}

export type DeadlineState =
  | { kind: 'overdue'; days: number }
  | { kind: 'dueSoon'; daysLeft: number }
  | { kind: 'none' };

/** What a list shows beside 完成时限: 逾期 N 天, N 天后到期 / 今天到期, or nothing. */
export function deadlineState(task: DeadlineFacts, today: string, soonDays: number = DUE_SOON_DAYS): DeadlineState {
  const late = overdueDays(task, today);
  if (late > 0) {
    return { kind: 'overdue', days: late };
  }
  if (dueWithin(task, today, soonDays)) {
    return { kind: 'dueSoon', daysLeft: calendarDaysBetween(today, task.deadline!) };
  }
  return { kind: 'none' };
}

/** `逾期 3 天`, `今天到期`, `5 天后到期`; empty when nothing is due. */
export function deadlineLabel(state: DeadlineState): string {
  if (state.kind === 'overdue') {
    return `逾期 ${state.days} 天`;
  }
  if (state.kind === 'dueSoon') {
    return state.daysLeft === 0 ? '今天到期' : `${state.daysLeft} 天后到期`;
  }
  return '';
}
