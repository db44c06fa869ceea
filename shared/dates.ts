import dayjs from 'dayjs';
import { z } from 'zod';

/**
 * Dates in records are calendar dates (`YYYY-MM-DD`), never instants: a 入党时间 is the same day in every
 * time zone. Month precision (`YYYY-MM`) is kept where the source only knew the month (1985年6月).
 */
export const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
export const ISO_MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

export function isValidIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) {
    return false;
  }
  const [y, m, d] = value.split('-').map(Number);
  const probe = new Date(Date.UTC(y, m - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === m - 1 && probe.getUTCDate() === d;
}

export const isoDateSchema = z.string().refine(isValidIsoDate, { message: '日期格式应为 年-月-日' });
/** A calendar date, or only a year and month when that is all the source knew. */
export const isoDateOrMonthSchema = z
  .string()
  .refine((v) => isValidIsoDate(v) || ISO_MONTH.test(v), { message: '日期格式应为 年-月-日 或 年-月' });
/** An instant with its offset, e.g. 2025-03-05T14:30:00+08:00. */
export const isoDateTimeSchema = z.string().refine((v) => dayjs(v).isValid() && /T\d{2}:\d{2}/.test(v), {
  message: '时间格式不正确',
});

/** `2025-03-05` → `2025年3月5日`; `1985-06` → `1985年6月`. Empty for a missing date. */
export function formatDate(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  const date = value.slice(0, 10);
  if (ISO_MONTH.test(date.slice(0, 7)) && date.length === 7) {
    const [y, m] = date.split('-').map(Number);
    return `${y}年${m}月`;
  }
  if (!isValidIsoDate(date)) {
    return value;
  }
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Today's calendar date where the user is. */
export function todayIso(now: Date = new Date()): string {
  return dayjs(now).format('YYYY-MM-DD');
}

/** A month-precision value counts from the first of its month. */
export function toComparableDate(value: string): string {
  return value.length === 7 ? `${value}-01` : value;
}

/** `[year, month, day]` of an ISO date or month (a month-precision value has day 0: it stands for the whole month). */
function parts(value: string): [number, number, number] {
  return [Number(value.slice(0, 4)), Number(value.slice(5, 7)), value.length === 7 ? 0 : Number(value.slice(8, 10))];
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoOf(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

// Integer arithmetic instead of dayjs: checkMember runs these for every row of a 10,000-row roster import.

/** The same calendar day `years` later (29 February → 28 February); a month-precision value counts from the 1st. */
export function addYears(date: string, years: number): string {
  return addMonths(date, years * 12);
}

/** The same calendar day `months` later, clamped to the month's last day (31 January + 1 → 28/29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = parts(date);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return isoOf(year, month, Math.min(Math.max(d, 1), daysInMonth(year, month)));
}

/**
 * Whole months from `from` to `to`, counted toward zero (negative when `to` is earlier), as dayjs's diff counts them
 * (31 January → 28 February is one month). When either side is known only to the month (`2011-09`), days are not
 * compared: 2010-09-15 → 2011-09 is 12 months, not 11.
 */
export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = parts(from);
  const [ty, tm, td] = parts(to);
  const months = (ty - fy) * 12 + (tm - fm);
  if (fd === 0 || td === 0 || months === 0) {
    if (months !== 0 || fd === 0 || td === 0) {
      return months;
    }
    return 0;
  }
  if (months > 0) {
    // Not yet a whole last month, unless `to` is its month's last day and `from`'s day does not exist there.
    return td < fd && td !== daysInMonth(ty, tm) ? months - 1 : months;
  }
  // Earlier: count toward zero, mirroring the forward case from `to`'s side.
  return fd < td && fd !== daysInMonth(fy, fm) ? months + 1 : months;
}

/** Completed years of age (or of 党龄) on `on`. */
export function fullYearsBetween(from: string, on: string): number {
  return Math.trunc(monthsBetween(from, on) / 12);
}

/** An instant as the wall clock showed it where it was written: `2025-03-05T14:30:00+08:00` → `2025年3月5日 14:30`. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return match ? `${formatDate(match[1])} ${match[2]}` : formatDate(value);
}
