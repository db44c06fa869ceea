import { normalizeToken } from './normalize';
import type { CellValue, DateParts, ParseResult } from './types';

/**
 * Dates as people type them in ledgers. The result is a calendar date `YYYY-MM-DD`, or `YYYY-MM` when only
 * the month was written (1985.06, 1985年6月), plus the wall-clock time when there was one. No instants are
 * involved, so there is no 8-hour shift; serials are counted in UTC from Excel's epoch, so no 1899 shift.
 */
export interface LedgerDate {
  /** `YYYY-MM-DD` or `YYYY-MM`. */
  date: string;
  /** `HH:mm` when a time was given. */
  time?: string;
  /** 上午 / 下午 / 晚上… when that was all that was said of the time. */
  partOfDay?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const MS_PER_DAY = 86_400_000;
/** Excel's day 0 is 1899-12-30 for serials from 61 on (it counts a 1900-02-29 that never was). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel serial (1900 date system) → date parts. Serials 1–59 are Jan/Feb 1900, before Excel's leap-day bug. */
export function excelSerialToParts(serial: number): DateParts {
  const adjusted = serial < 60 ? serial + 1 : serial;
  const ms = Math.round((EXCEL_EPOCH + adjusted * MS_PER_DAY) / 1000) * 1000;
  return dateToParts(new Date(ms));
}

/** ExcelJS gives date cells as Dates whose UTC fields are the wall clock of the cell; round off float noise. */
export function dateToParts(date: Date): DateParts {
  const d = new Date(Math.round(date.getTime() / 1000) * 1000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

export function partsToLedgerDate(parts: DateParts): LedgerDate {
  const date = `${parts.year}-${pad(parts.month)}-${pad(parts.day)}`;
  const hasTime = parts.hour !== 0 || parts.minute !== 0 || parts.second !== 0;
  return hasTime ? { date, time: `${pad(parts.hour)}:${pad(parts.minute)}` } : { date };
}

/** A number format shows a date if it has y/m/d/h/s outside quotes and [colour] sections (yyyy"年"m"月"d"日"). */
export function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) {
    return false;
  }
  const bare = numFmt.replace(/"[^"]*"/g, '').replace(/\[[^\]]*\]/g, '').replace(/\\./g, '');
  return /[ymdhs]/i.test(bare) && !/^general$/i.test(bare);
}

const PART_OF_DAY = /^(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|夜间)/;

function parseTime(rest: string): ParseResult<Pick<LedgerDate, 'time' | 'partOfDay'>> {
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
  return { ok: true, value: { time: `${pad(hour)}:${pad(minute)}`, partOfDay: part } };
}

/** Days in a month of the Gregorian calendar (arithmetic: this runs for every date cell of a sheet). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function checkDay(y: number, m: number, d: number, shown: string): ParseResult<string> {
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return { ok: false, message: `日期“${shown}”不存在，请核对年月日` };
  }
  return { ok: true, value: iso };
}

function checkMonth(y: number, m: number, shown: string): ParseResult<string> {
  if (m < 1 || m > 12) {
    return { ok: false, message: `日期“${shown}”中的月份不存在` };
  }
  return { ok: true, value: `${y}-${pad(m)}` };
}

const withinYears = (y: number) => y >= 1900 && y <= 2100;

/** Text in any of the styles in use: 2025.3.5, 2025年3月5日, 2025-3-5, 2025/3/5, 20250305, 1985.06, 1985年6月, 2025.1.15 下午. */
export function parseDateText(raw: string): ParseResult<LedgerDate> {
  // A space between the date and the time (`2019/2/3  14:30`, as Excel shows a date-time) becomes a T: removing it
  // would glue the day to the hour (2019/2/314:30 → the 31st).
  const text = normalizeToken(raw.trim().replace(/(\d)[\s\u00A0\u3000]+(?=\d)/g, '$1T')).replace(/[。．]/g, '.');
  if (!text) {
    return { ok: true, value: undefined };
  }
  let m = /^(\d{4})[.\-/年](\d{1,2})[.\-/月](\d{1,2})[日号]?(.*)$/.exec(text);
  if (m && withinYears(Number(m[1]))) {
    const day = checkDay(Number(m[1]), Number(m[2]), Number(m[3]), raw.trim());
    if (!day.ok) {
      return day;
    }
    const time = parseTime(m[4]);
    if (!time.ok) {
      return time;
    }
    return { ok: true, value: { date: day.value as string, ...time.value } };
  }
  m = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (m && withinYears(Number(m[1]))) {
    const day = checkDay(Number(m[1]), Number(m[2]), Number(m[3]), raw.trim());
    return day.ok ? { ok: true, value: { date: day.value as string } } : day;
  }
  m = /^(\d{4})[.\-/年](\d{1,2})月?(?:份)?$/.exec(text) ?? /^(\d{4})(\d{2})$/.exec(text);
  if (m && withinYears(Number(m[1]))) {
    const month = checkMonth(Number(m[1]), Number(m[2]), raw.trim());
    return month.ok ? { ok: true, value: { date: month.value as string } } : month;
  }
  if (/^\d{4}年?$/.test(text)) {
    return { ok: false, message: `“${raw.trim()}”只有年份，请至少填写到月，如 ${text.slice(0, 4)}年6月` };
  }
  if (/^\d{2}[.\-/年]\d{1,2}([.\-/月]\d{1,2})?/.test(text)) {
    return { ok: false, message: `“${raw.trim()}”的年份只有两位，无法确定世纪，请写全四位年份` };
  }
  return { ok: false, message: `看不懂日期“${raw.trim()}”，请写成 2025-03-05 或 2025年3月5日` };
}

/**
 * A number in a date column: a serial under a date format; yyyymmdd; 1985.06 typed into a General cell
 * (Excel stored the number 1985.06) is a month. A one-decimal 1985.1 may have been 1985.10: a warning says so.
 */
export function parseDateNumber(value: number, numFmt?: string): ParseResult<LedgerDate> {
  // A whole number that is no year and no yyyymmdd is a serial whose date format was lost (1905–2100).
  // A fraction is the time of day (43499.604… = 2019-02-03 14:30), in a General cell too.
  const bareSerial = value > 2100 && value <= 73050 && (Number.isInteger(value) || !/^\d{4}\.\d{1,2}$/.test(String(value)));
  if ((isDateFormat(numFmt) && value >= 1 && value < 2958466) || bareSerial) {
    return { ok: true, value: partsToLedgerDate(excelSerialToParts(value)) };
  }
  if (Number.isInteger(value) && value >= 19000101 && value <= 21001231) {
    return parseDateText(String(value));
  }
  if (value >= 1900 && value < 2101 && !Number.isInteger(value)) {
    const year = Math.floor(value);
    const decimals = numFmt && /0\.00/.test(numFmt) ? 2 : (String(value).split('.')[1]?.length ?? 0);
    const month = Math.round((value - year) * 100);
    if (decimals <= 2 && month >= 1 && month <= 12) {
      if (decimals === 1 && month === 10) {
        return {
          ok: true,
          value: { date: `${year}-01` },
          warning: `“${value}”按${year}年1月理解；如果原来写的是${year}.10，Excel 已把末尾的0去掉，请把该列设为“文本”后重新录入`,
        };
      }
      return { ok: true, value: { date: `${year}-${pad(month)}` } };
    }
  }
  if (Number.isInteger(value) && value >= 1900 && value <= 2100) {
    return { ok: false, message: `“${value}”只有年份，请至少填写到月` };
  }
  return { ok: false, message: `数字“${value}”不是日期，请写成 2025-03-05 或 2025年3月5日` };
}

/** Any cell → a ledger date; empty cells give `value: undefined`. */
export function parseDateCell(cell: CellValue): ParseResult<LedgerDate> {
  switch (cell.kind) {
    case 'empty':
      return { ok: true, value: undefined };
    case 'date':
      return { ok: true, value: partsToLedgerDate(cell.date) };
    case 'number':
      return parseDateNumber(cell.number, cell.numFmt);
    case 'text':
      return parseDateText(cell.text);
    case 'boolean':
      return { ok: false, message: '这里应填写日期' };
    case 'error':
      return { ok: false, message: cell.message };
  }
}
