import { formatDate, isValidIsoDate } from '../dates';
import type { Analysis, AnalysisPeriodKind, RegularPeriodKind } from '../model/analysis';

/**
 * The periods of 思想动态分析: 季度, 半年 and 年度 are calendar periods (2025年第二季度 = 2025-04-01 … 2025-06-30);
 * 专题 and 即时 cover whatever range the user chose. Dates are inclusive calendar dates.
 */
export interface AnalysisPeriod {
  kind: AnalysisPeriodKind;
  start: string;
  end: string;
  /** 专题名称 / 事由 of a 专题 or 即时 analysis. */
  title?: string;
}

/** A calendar period: `index` is 1–4 for 季度, 1–2 for 半年 and 1 for 年度. */
export interface RegularPeriod extends AnalysisPeriod {
  kind: RegularPeriodKind;
  year: number;
  index: number;
  /** `2025年第二季度`, `2025年上半年`, `2025年度`. */
  label: string;
}

const QUARTER_NAMES = ['一', '二', '三', '四'];
const HALF_NAMES = ['上', '下'];
const MONTHS_PER: Record<RegularPeriodKind, number> = { 季度: 3, 半年: 6, 年度: 12 };

export function periodsPerYear(kind: RegularPeriodKind): number {
  return 12 / MONTHS_PER[kind];
}

export function isRegularKind(kind: string): kind is RegularPeriodKind {
  return kind === '季度' || kind === '半年' || kind === '年度';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDayOfMonth(year: number, month: number): string {
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** `2025年第二季度`; `2025年上半年`; `2025年度`. */
export function regularLabel(kind: RegularPeriodKind, year: number, index: number): string {
  switch (kind) {
    case '季度':
      return `${year}年第${QUARTER_NAMES[index - 1]}季度`;
    case '半年':
      return `${year}年${HALF_NAMES[index - 1]}半年`;
    case '年度':
      return `${year}年度`;
  }
}

/** The short name of the index within a year: `第二季度`, `上半年`, `全年`. */
export function indexLabel(kind: RegularPeriodKind, index: number): string {
  return kind === '季度' ? `第${QUARTER_NAMES[index - 1]}季度` : kind === '半年' ? `${HALF_NAMES[index - 1]}半年` : '全年';
}

export function regularPeriod(kind: RegularPeriodKind, year: number, index: number): RegularPeriod {
  const span = MONTHS_PER[kind];
  if (!Number.isInteger(index) || index < 1 || index > periodsPerYear(kind)) {
    throw new RangeError(`${kind}的序号应为1至${periodsPerYear(kind)}`);
  }
  const firstMonth = (index - 1) * span + 1;
  return {
    kind,
    year,
    index,
    start: `${year}-${pad(firstMonth)}-01`,
    end: lastDayOfMonth(year, firstMonth + span - 1),
    label: regularLabel(kind, year, index),
  };
}

/** The period of `kind` that contains `date` (`YYYY-MM-DD`). */
export function regularPeriodOf(kind: RegularPeriodKind, date: string): RegularPeriod {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  return regularPeriod(kind, year, Math.floor((month - 1) / MONTHS_PER[kind]) + 1);
}

export function nextRegularPeriod(period: Pick<RegularPeriod, 'kind' | 'year' | 'index'>): RegularPeriod {
  return period.index < periodsPerYear(period.kind)
    ? regularPeriod(period.kind, period.year, period.index + 1)
    : regularPeriod(period.kind, period.year + 1, 1);
}

export function previousRegularPeriod(period: Pick<RegularPeriod, 'kind' | 'year' | 'index'>): RegularPeriod {
  return period.index > 1
    ? regularPeriod(period.kind, period.year, period.index - 1)
    : regularPeriod(period.kind, period.year - 1, periodsPerYear(period.kind));
}

/** The periods of a year, in order. */
export function regularPeriodsOfYear(kind: RegularPeriodKind, year: number): RegularPeriod[] {
  return Array.from({ length: periodsPerYear(kind) }, (_, i) => regularPeriod(kind, year, i + 1));
}

/** The calendar period a stored 季度/半年/年度 range is, or undefined when the dates are not one. */
export function asRegularPeriod(kind: AnalysisPeriodKind, start: string, end: string): RegularPeriod | undefined {
  if (!isRegularKind(kind) || !isValidIsoDate(start)) {
    return undefined;
  }
  const period = regularPeriodOf(kind, start);
  return period.start === start && period.end === end ? period : undefined;
}

/**
 * How an analysis's period reads: `2025年第二季度`, `2025年上半年`, `2025年度`, `专题：网络舆情（2025年3月1日至2025年3月31日）`,
 * `即时：工作调整（2025年3月5日）`.
 */
export function analysisPeriodLabel(analysis: Pick<Analysis, 'periodKind' | 'periodStart' | 'periodEnd' | 'title'>): string {
  const regular = asRegularPeriod(analysis.periodKind, analysis.periodStart, analysis.periodEnd);
  if (regular) {
    return regular.label;
  }
  const range =
    analysis.periodStart === analysis.periodEnd
      ? formatDate(analysis.periodStart)
      : `${formatDate(analysis.periodStart)}至${formatDate(analysis.periodEnd)}`;
  const kind = analysis.periodKind;
  if (kind === '专题' || kind === '即时') {
    return analysis.title ? `${kind}：${analysis.title}（${range}）` : `${kind}分析（${range}）`;
  }
  return `${kind}（${range}）`;
}

/** `2025年第二季度` / `2025年上半年` / `2025年度` / `2025年` → the calendar period; undefined for anything else. */
export function parseRegularLabel(label: string): RegularPeriod | undefined {
  const text = label.trim();
  const quarter = /^(\d{4})年第([一二三四1-4])季度$/.exec(text);
  if (quarter) {
    const index = QUARTER_NAMES.includes(quarter[2]) ? QUARTER_NAMES.indexOf(quarter[2]) + 1 : Number(quarter[2]);
    return regularPeriod('季度', Number(quarter[1]), index);
  }
  const half = /^(\d{4})年([上下])半年$/.exec(text);
  if (half) {
    return regularPeriod('半年', Number(half[1]), HALF_NAMES.indexOf(half[2]) + 1);
  }
  const year = /^(\d{4})年度?$/.exec(text);
  if (year) {
    return regularPeriod('年度', Number(year[1]), 1);
  }
  return undefined;
}

/** Problems with a period as entered: order of the dates, and calendar boundaries for 季度/半年/年度. */
export function periodProblems(kind: AnalysisPeriodKind, start: string, end: string): { field: 'periodStart' | 'periodEnd'; message: string }[] {
  if (!isValidIsoDate(start) || !isValidIsoDate(end)) {
    return [];
  }
  if (end < start) {
    return [{ field: 'periodEnd', message: '期间结束不能早于期间开始' }];
  }
  if (isRegularKind(kind) && !asRegularPeriod(kind, start, end)) {
    return [{ field: 'periodStart', message: `${kind}分析的期间应为完整的${kind === '年度' ? '年度' : kind}（如${regularPeriod(kind, 2025, kind === '年度' ? 1 : 2).label}）` }];
  }
  return [];
}

/** Newest first: by end, then start, then entry time. */
export function sortAnalysesNewestFirst<T extends Pick<Analysis, 'periodStart' | 'periodEnd' | 'createdAt'>>(analyses: readonly T[]): T[] {
  return [...analyses].sort(
    (a, b) =>
      b.periodEnd.localeCompare(a.periodEnd) || b.periodStart.localeCompare(a.periodStart) || b.createdAt.localeCompare(a.createdAt),
  );
}

/**
 * The analysis a new or existing one compares with and copies from: the latest one that ended before this one
 * starts, preferring the same kind (a 季度 analysis follows the previous 季度 one), else any regular one.
 */
export function previousAnalysisOf<T extends Pick<Analysis, 'id' | 'periodKind' | 'periodStart' | 'periodEnd' | 'createdAt'>>(
  analyses: readonly T[],
  period: { kind: AnalysisPeriodKind; start: string; id?: string },
): T | undefined {
  const earlier = sortAnalysesNewestFirst(analyses.filter((a) => a.id !== period.id && a.periodEnd < period.start));
  return (
    earlier.find((a) => a.periodKind === period.kind) ??
    earlier.find((a) => isRegularKind(a.periodKind)) ??
    earlier[0]
  );
}
