import dayjs from 'dayjs';

/** How often a requirement repeats: 每月, 每季度, 每半年, 每年. */
export const PERIOD_KINDS = ['month', 'quarter', 'halfYear', 'year'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

/** One period of a year: `2025-03`, `2025-Q1`, `2025-H1` or `2025`. Dates are inclusive calendar dates. */
export interface Period {
  key: string;
  kind: PeriodKind;
  year: number;
  /** First day, `YYYY-MM-DD`. */
  start: string;
  /** Last day, `YYYY-MM-DD` (inclusive). */
  end: string;
  /** The months (1–12) it spans, for a 12-column table. */
  months: number[];
  /** `2025年3月`, `2025年第一季度`, `2025年上半年`, `2025年`. */
  label: string;
}

/**
 * past: ended before today (a missing meeting is missing); current: today falls in it (still open, not yet
 * missing, even on its last day); future: not started.
 */
export type PeriodState = 'past' | 'current' | 'future';

const QUARTER_NAMES = ['一', '二', '三', '四'];
const PERIOD_MONTHS: Record<PeriodKind, number> = { month: 1, quarter: 3, halfYear: 6, year: 12 };

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): string {
  // Day 0 of the next month is the last of this one; plain UTC arithmetic, as the dashboard asks for every period.
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

function keyOf(kind: PeriodKind, year: number, index: number): string {
  switch (kind) {
    case 'month':
      return `${year}-${pad(index + 1)}`;
    case 'quarter':
      return `${year}-Q${index + 1}`;
    case 'halfYear':
      return `${year}-H${index + 1}`;
    case 'year':
      return String(year);
  }
}

/** `2025-03` → `2025年3月`; `2025-Q1` → `2025年第一季度`; `2025-H2` → `2025年下半年`; `2025` → `2025年`. */
export function periodLabel(key: string): string {
  const year = key.slice(0, 4);
  const rest = key.slice(5);
  if (!rest) {
    return `${year}年`;
  }
  if (rest.startsWith('Q')) {
    return `${year}年第${QUARTER_NAMES[Number(rest.slice(1)) - 1]}季度`;
  }
  if (rest.startsWith('H')) {
    return `${year}年${rest === 'H1' ? '上' : '下'}半年`;
  }
  return `${year}年${Number(rest)}月`;
}

/** `本月`, `本季度`, `本半年`, `本年度`: how the still-open period is named in messages. */
export function currentPeriodName(kind: PeriodKind): string {
  return { month: '本月', quarter: '本季度', halfYear: '本半年', year: '本年度' }[kind];
}

/** `每月`, `每季度`, `每半年`, `每年`. */
export function everyPeriodName(kind: PeriodKind): string {
  return { month: '每月', quarter: '每季度', halfYear: '每半年', year: '每年' }[kind];
}

/** The periods of one kind in a year, in order. */
export function periodsOfYear(year: number, kind: PeriodKind): Period[] {
  const span = PERIOD_MONTHS[kind];
  const periods: Period[] = [];
  for (let index = 0; index < 12 / span; index += 1) {
    const firstMonth = index * span + 1;
    const lastMonth = firstMonth + span - 1;
    const key = keyOf(kind, year, index);
    periods.push({
      key,
      kind,
      year,
      start: `${year}-${pad(firstMonth)}-01`,
      end: lastDayOfMonth(year, lastMonth),
      months: Array.from({ length: span }, (_, i) => firstMonth + i),
      label: periodLabel(key),
    });
  }
  return periods;
}

/** The period of a key (`2025-03`, `2025-Q1`, `2025-H2`, `2025`), or undefined for anything else. */
export function periodOfKey(key: string): Period | undefined {
  const match = /^(\d{4})(?:-(?:(\d{2})|Q([1-4])|H([12])))?$/.exec(key);
  if (!match) {
    return undefined;
  }
  const year = Number(match[1]);
  const [kind, index]: [PeriodKind, number] = match[2]
    ? ['month', Number(match[2]) - 1]
    : match[3]
      ? ['quarter', Number(match[3]) - 1]
      : match[4]
        ? ['halfYear', Number(match[4]) - 1]
        : ['year', 0];
  return periodsOfYear(year, kind)[index];
}

/** The key of the period of `kind` that contains the calendar date `date` (`YYYY-MM-DD`). */
export function periodKeyOf(date: string, kind: PeriodKind): string {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return keyOf(kind, year, Math.floor((month - 1) / PERIOD_MONTHS[kind]));
}

export function periodState(period: Pick<Period, 'start' | 'end'>, today: string): PeriodState {
  if (period.end < today) {
    return 'past';
  }
  return period.start > today ? 'future' : 'current';
}

/** The last day of `year` or today, whichever is earlier: the day on which year-long facts are judged. */
export function referenceDate(year: number, today: string): string {
  const yearEnd = `${year}-12-31`;
  return today < yearEnd ? today : yearEnd;
}

/** Whether `date` (`YYYY-MM-DD`) lies in `year`. */
export function isInYear(date: string, year: number): boolean {
  // date.slice(0, 4) === String(year), without making a string: the rules ask this of every record.
  const prefix = String(year);
  return prefix.length === Math.min(4, date.length) && date.startsWith(prefix);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Calendar days from `from` to `to` (negative when `to` is earlier), free of time zones and DST. */
export function daysBetween(from: string, to: string): number {
  const utc = (value: string) => {
    const [y, m, d] = value.split('-').map(Number);
    return Date.UTC(y, m - 1, d || 1);
  };
  return Math.round((utc(to) - utc(from)) / DAY_MS);
}

/** `date` plus `days` calendar days. */
export function addDays(date: string, days: number): string {
  return dayjs(date).add(days, 'day').format('YYYY-MM-DD');
}
