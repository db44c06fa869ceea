import { formatDate, isValidIsoDate } from '../dates';
import type { ExportPeriod } from './types';

/** The calendar year: `2025年度`. */
export function yearPeriod(year: number): ExportPeriod {
  return { start: `${year}-01-01`, end: `${year}-12-31`, label: `${year}年度` };
}

/** A range of dates (both inclusive): `2025年1月1日至2025年6月30日`. */
export function rangePeriod(start: string, end: string): ExportPeriod {
  if (!isValidIsoDate(start) || !isValidIsoDate(end)) {
    throw new Error(`导出期间的日期无效：${start} 至 ${end}`);
  }
  if (end < start) {
    throw new Error(`导出期间的结束日期 ${formatDate(end)} 早于开始日期 ${formatDate(start)}`);
  }
  const wholeYear = start.endsWith('-01-01') && end.endsWith('-12-31') && start.slice(0, 4) === end.slice(0, 4);
  if (wholeYear) {
    return yearPeriod(Number(start.slice(0, 4)));
  }
  return { start, end, label: `${formatDate(start)}至${formatDate(end)}` };
}

/** Whether a date (`YYYY-MM-DD`, or the date part of an instant) lies in the period. */
export function isInPeriod(date: string, period: Pick<ExportPeriod, 'start' | 'end'>): boolean {
  const day = date.slice(0, 10);
  return day >= period.start && day <= period.end;
}

/** The calendar years a period touches, in order (`2024-07-01`…`2025-06-30` → 2024, 2025): for ledgers kept by year. */
export function yearsOfPeriod(period: Pick<ExportPeriod, 'start' | 'end'>): number[] {
  const first = Number(period.start.slice(0, 4));
  const last = Number(period.end.slice(0, 4));
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => first + i);
}
