import { afterEach, describe, expect, it } from 'vitest';
import { todayIso } from '../dates';
import type { RectificationStatus } from '../model/rectification';
import { calendarDateIn, calendarDaysBetween, deadlineLabel, deadlineState, dueWithin, isOverdue, overdueDays } from './deadlines';

const task = (deadline: string | undefined, status: RectificationStatus = '整改中') => ({ deadline, status });

describe('逾期 (derived, calendar dates)', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    process.env.TZ = originalTz;
  });

  it('is overdue from the day after 完成时限, not on the day itself', () => {
    expect(isOverdue(task('2025-03-05'), '2025-03-05')).toBe(false);
    expect(isOverdue(task('2025-03-05'), '2025-03-06')).toBe(true);
    expect(overdueDays(task('2025-03-05'), '2025-03-06')).toBe(1);
    expect(overdueDays(task('2024-12-31'), '2025-03-05')).toBe(64);
    expect(isOverdue(task(undefined), '2030-01-01')).toBe(false);
  });

  it('is never overdue once 已销号, nor while 长期坚持; every other status can be', () => {
    for (const status of ['未启动', '整改中', '已完成待验收'] as const) {
      expect(isOverdue(task('2025-01-01', status), '2025-03-05'), status).toBe(true);
    }
    expect(isOverdue(task('2025-01-01', '已销号'), '2025-03-05')).toBe(false);
    expect(isOverdue(task('2025-01-01', '长期坚持'), '2025-03-05')).toBe(false);
  });

  it('counts across month ends, leap days and daylight saving changes as whole calendar days', () => {
    expect(calendarDaysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(calendarDaysBetween('2025-02-28', '2025-03-01')).toBe(1);
    // Europe and the US move their clocks in March: still whole days.
    expect(calendarDaysBetween('2025-03-08', '2025-03-10')).toBe(2);
    expect(calendarDaysBetween('2025-03-29', '2025-03-31')).toBe(2);
    expect(calendarDaysBetween('2025-03-10', '2025-03-08')).toBe(-2);
  });

  it('gives the same answer in every time zone the machine may be set to', () => {
    const cases: [string | undefined, string][] = [
      ['2025-03-05', '2025-03-05'],
      ['2025-03-05', '2025-03-06'],
      ['2025-03-31', '2025-03-30'],
      ['2025-03-09', '2025-03-10'],
    ];
    const answers = (zone: string) => {
      process.env.TZ = zone;
      return cases.map(([deadline, today]) => [isOverdue(task(deadline), today), overdueDays(task(deadline), today), dueWithin(task(deadline), today)]);
    };
    const shanghai = answers('Asia/Shanghai');
    for (const zone of ['UTC', 'America/New_York', 'Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Europe/London']) {
      expect(answers(zone), zone).toEqual(shanghai);
    }
    expect(shanghai.map(([overdue]) => overdue)).toEqual([false, true, false, true]);
  });

  it('takes "today" as the date on the wall calendar where the user is, not the UTC date of the instant', () => {
    // 2025-03-05 20:00 UTC is already 6 March in Beijing but still 5 March in New York.
    const instant = new Date('2025-03-05T20:00:00Z');
    expect(calendarDateIn(instant, 'Asia/Shanghai')).toBe('2025-03-06');
    expect(calendarDateIn(instant, 'America/New_York')).toBe('2025-03-05');
    expect(isOverdue(task('2025-03-05'), calendarDateIn(instant, 'Asia/Shanghai'))).toBe(true);
    expect(isOverdue(task('2025-03-05'), calendarDateIn(instant, 'America/New_York'))).toBe(false);

    // The app's todayIso() reads the machine's own zone.
    process.env.TZ = 'Asia/Shanghai';
    expect(todayIso(instant)).toBe('2025-03-06');
    process.env.TZ = 'America/New_York';
    expect(todayIso(instant)).toBe('2025-03-05');
    // 00:30 in Beijing is 16:30 UTC the day before: the Beijing date counts.
    process.env.TZ = 'Asia/Shanghai';
    const justAfterMidnight = new Date('2025-03-05T16:30:00Z');
    expect(todayIso(justAfterMidnight)).toBe('2025-03-06');
    expect(isOverdue(task('2025-03-05'), todayIso(justAfterMidnight))).toBe(true);
  });
});

describe('即将到期', () => {
  it('covers today up to 14 days ahead by default, both ends included', () => {
    expect(dueWithin(task('2025-03-05'), '2025-03-05')).toBe(true);
    expect(dueWithin(task('2025-03-19'), '2025-03-05')).toBe(true);
    expect(dueWithin(task('2025-03-20'), '2025-03-05')).toBe(false);
    expect(dueWithin(task('2025-03-04'), '2025-03-05')).toBe(false);
    expect(dueWithin(task('2025-03-10'), '2025-03-05', 3)).toBe(false);
    expect(dueWithin(task('2025-03-10', '已销号'), '2025-03-05')).toBe(false);
    expect(dueWithin(task('2025-03-10', '长期坚持'), '2025-03-05')).toBe(false);
    expect(dueWithin(task(undefined), '2025-03-05')).toBe(false);
  });

  it('labels the state shown beside 完成时限', () => {
    expect(deadlineLabel(deadlineState(task('2025-03-01'), '2025-03-05'))).toBe('逾期 4 天');
    expect(deadlineLabel(deadlineState(task('2025-03-05'), '2025-03-05'))).toBe('今天到期');
    expect(deadlineLabel(deadlineState(task('2025-03-10'), '2025-03-05'))).toBe('5 天后到期');
    expect(deadlineLabel(deadlineState(task('2025-06-10'), '2025-03-05'))).toBe('');
  });
});
