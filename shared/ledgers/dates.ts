import { daysInMonth, normalizeDateText, readDateText } from '../dates';

export { daysInMonth };
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

/** Text in any of the styles in use: 2025.3.5, 2025年3月5日, 2025-3-5, 2025/3/5, 20250305, 1985.06, 1985年6月, 2025.1.15 下午. */
export function parseDateText(raw: string): ParseResult<LedgerDate> {
  const text = normalizeDateText(raw);
  if (!text) {
    return { ok: true, value: undefined };
  }
  // The grammar is shared with the app's date fields: a date typed there and here means the same day.
  return readDateText(text, raw.trim());
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
