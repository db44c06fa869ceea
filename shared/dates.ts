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

export function addYears(date: string, years: number): string {
  return dayjs(toComparableDate(date)).add(years, 'year').format('YYYY-MM-DD');
}

export function addMonths(date: string, months: number): string {
  return dayjs(toComparableDate(date)).add(months, 'month').format('YYYY-MM-DD');
}

/** Whole months from `from` to `to` (negative when `to` is earlier). */
export function monthsBetween(from: string, to: string): number {
  return dayjs(toComparableDate(to)).diff(dayjs(toComparableDate(from)), 'month');
}

/** Completed years of age (or of 党龄) on `on`. */
export function fullYearsBetween(from: string, on: string): number {
  return dayjs(toComparableDate(on)).diff(dayjs(toComparableDate(from)), 'year');
}

/** An instant as the wall clock showed it where it was written: `2025-03-05T14:30:00+08:00` → `2025年3月5日 14:30`. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(value);
  return match ? `${formatDate(match[1])} ${match[2]}` : formatDate(value);
}
