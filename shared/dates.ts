import dayjs from 'dayjs';
import { z } from 'zod';
import { normalizeToken, toHalfWidth } from './ledgers/normalize';

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

/** Days in a month of the Gregorian calendar (arithmetic: the import runs this for every date cell of a sheet). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
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

// ── Written dates: one grammar for typed fields and ledger cells ────────────────────────────────────────────

/** A result that says why when the text cannot be read. */
export type DateTextResult<T> = { ok: true; value: T } | { ok: false; message: string };

/** What a written date says: the calendar date (`YYYY-MM-DD`, or `YYYY-MM` when only the month was written) and the time. */
export interface DateTextValue {
  date: string;
  /** `HH:mm` when a time was given. */
  time?: string;
  /** 上午 / 下午 / 晚上… when that was all that was said of the time. */
  partOfDay?: string;
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const PART_OF_DAY = /^(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜间)/;
const withinYears = (y: number) => y >= 1900 && y <= 2100;

function readTime(rest: string): DateTextResult<Pick<DateTextValue, 'time' | 'partOfDay'>> {
  let text = rest.replace(/^[T\s]+/, '');
  if (!text) {
    return { ok: true, value: {} };
  }
  const part = PART_OF_DAY.exec(text)?.[1];
  text = text.slice(part?.length ?? 0);
  if (!text) {
    return { ok: true, value: { partOfDay: part } };
  }
  const m = /^(\d{1,2})(?:[:时点](\d{1,2})?(?:分)?(?:[:]\d{1,2}(?:\.\d+)?)?)?(?:[-~至].*)?$/.exec(text);
  if (!m) {
    return { ok: false, message: `看不懂时间“${rest}”，请写成 14:30 这样` };
  }
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  if (part && /下午|傍晚|晚上|夜间/.test(part) && hour < 12) {
    hour += 12;
  }
  if (hour > 23 || minute > 59) {
    return { ok: false, message: `时间“${rest}”不存在` };
  }
  return { ok: true, value: { time: `${pad2(hour)}:${pad2(minute)}`, partOfDay: part } };
}

function checkDay(y: number, m: number, d: number, shown: string): DateTextResult<string> {
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return { ok: false, message: `日期“${shown}”不存在，请核对年月日` };
  }
  return { ok: true, value: `${y}-${pad2(m)}-${pad2(d)}` };
}

function checkMonth(y: number, m: number, shown: string): DateTextResult<string> {
  if (m < 1 || m > 12) {
    return { ok: false, message: `日期“${shown}”中的月份不存在` };
  }
  return { ok: true, value: `${y}-${pad2(m)}` };
}

/**
 * The grammar of dates as people write them: 2025.3.5, 2025年3月5日, 2025-3-5, 2025/3/5, 20250305, 1985.06, 1985年6月,
 * 2025.1.15 下午, 2025年3月5日 14:30. `text` is normalised (`normalizeDateText`); `shown` is what
 * was written, for the messages. Ledger cells (`shared/ledgers/dates.ts`) and typed fields (`parseDateInput`) both read
 * through here, so a date typed into the app and the same date in a spreadsheet mean the same day.
 */
export function readDateText(text: string, shown: string): DateTextResult<DateTextValue> {
  let m = /^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})[日号]?(.*)$/.exec(text);
  if (m && withinYears(Number(m[1]))) {
    const day = checkDay(Number(m[1]), Number(m[2]), Number(m[3]), shown);
    if (!day.ok) {
      return day;
    }
    const time = readTime(m[4]);
    if (!time.ok) {
      return time;
    }
    return { ok: true, value: { date: day.value, ...time.value } };
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m && withinYears(Number(m[1]))) {
    const day = checkDay(Number(m[1]), Number(m[2]), Number(m[3]), shown);
    return day.ok ? { ok: true, value: { date: day.value } } : day;
  }
  m = /^(\d{4})[.\-/年](\d{1,2})月?(?:份)?$/.exec(text) ?? /^(\d{4})(\d{2})$/.exec(text);
  if (m && withinYears(Number(m[1]))) {
    const month = checkMonth(Number(m[1]), Number(m[2]), shown);
    return month.ok ? { ok: true, value: { date: month.value } } : month;
  }
  if (/^\d{4}年?$/.test(text)) {
    return { ok: false, message: `“${shown}”只有年份，请至少填写到月，如 ${text.slice(0, 4)}年6月` };
  }
  if (/^\d{2}[.\-/年]\d{1,2}([.\-/月]\d{1,2})?/.test(text)) {
    return { ok: false, message: `“${shown}”的年份只有两位，无法确定世纪，请写全四位年份` };
  }
  return { ok: false, message: `看不懂日期“${shown}”，请写成 2025-03-05 或 2025年3月5日` };
}

/**
 * Written date text → what `readDateText` reads: half-width, no spaces, 。 as a dot. A space between two digits
 * separates the day from the time (2025.3.5 14:30), so it becomes `T` instead of joining 5 and 14 into a day 514.
 */
export function normalizeDateText(raw: string): string {
  return normalizeToken(toHalfWidth(raw).replace(/(\d)\s+(?=\d)/g, '$1T')).replace(/。/g, '.');
}

/** What a date field holds: a day (`YYYY-MM-DD`), a day or only a month (`YYYY-MM`), or a day and time (`YYYY-MM-DD HH:mm`). */
export type DateInputPrecision = 'day' | 'dayOrMonth' | 'minute';

export interface DateInputOptions {
  precision?: DateInputPrecision;
  /** Dates after today are refused (入党时间, 出生日期 …). */
  noFuture?: boolean;
}

/**
 * Text typed into a date field → the value the form keeps, or why it cannot be read. Empty text is no value.
 * A stored value reads back as itself, so the same function checks a form's value before it is saved.
 */
export function parseDateInput(raw: string, options: DateInputOptions = {}, today: string = todayIso()): DateTextResult<string | undefined> {
  const shown = raw.trim();
  const text = normalizeDateText(raw);
  if (!text) {
    return { ok: true, value: undefined };
  }
  const read = readDateText(text, shown);
  if (!read.ok) {
    return read;
  }
  const { date, time, partOfDay } = read.value;
  const precision = options.precision ?? 'day';
  if (date.length === 7 && precision !== 'dayOrMonth') {
    return { ok: false, message: `“${shown}”只写到月，这里要写到日，如 ${formatDate(date)}18日` };
  }
  if (precision === 'minute' && !time) {
    return {
      ok: false,
      message: partOfDay ? `“${shown}”只写了${partOfDay}，请写出具体时间，如 14:30` : `“${shown}”没有写时间，请写成 ${formatDate(date)} 14:30 这样`,
    };
  }
  if (precision !== 'minute' && (time || partOfDay)) {
    return { ok: false, message: `这里只填日期，不填时间：“${shown}”` };
  }
  if (options.noFuture && toComparableDate(date) > today) {
    return { ok: false, message: `${formatDate(date)}还没有到，不能晚于今天` };
  }
  return { ok: true, value: precision === 'minute' ? `${date} ${time}` : date };
}

/** A date field's value as the field shows it: 2025年3月5日, 1985年6月, 2025年3月5日 14:30; text it cannot read as it was typed. */
export function formatDateInput(value: string | undefined, precision: DateInputPrecision = 'day'): string {
  if (!value) {
    return '';
  }
  const read = parseDateInput(value, { precision }, '9999-12-31');
  if (!read.ok || read.value !== value) {
    return value;
  }
  return precision === 'minute' ? `${formatDate(value.slice(0, 10))} ${value.slice(11)}` : formatDate(value);
}
