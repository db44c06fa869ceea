import type { DuesCategory, DuesPaymentFields, DuesProblem } from '../model/dues';
import { formatYuan } from './money';
import { isFixedCategory, type DuesSettings, type RateBracket } from './settings';

/** What the 党费规定 table asks of one member for one month. `percent` is absent for a fixed sum. */
export interface DuesOwed {
  owedFen: number;
  percent?: number;
}

/** The bracket a base falls in; bounds are inclusive (含本数). */
export function bracketOf(brackets: readonly RateBracket[], baseFen: number): RateBracket {
  return brackets.find((b) => b.upToFen === null || baseFen <= b.upToFen) ?? brackets[brackets.length - 1];
}

/**
 * base × rate in integer 分, rounded half up to the 分 (四舍五入): the rounding a treasurer does on paper and the
 * published 党费 calculators use, so a member can check the figure by hand (banker's rounding would give 0.02元
 * where the member reckons 0.03元). The rate is taken in tenths of a percent, so no float touches the money:
 * 4567.89元 at 1 % = 456789 × 10 / 1000 = 4567.89 分 → 4568 分 = 45.68元.
 */
export function owedAtPercent(baseFen: number, percent: number): number {
  const permille = Math.round(percent * 10);
  return Math.floor((baseFen * permille + 500) / 1000);
}

/**
 * 应交 for a category and monthly base (分). Undefined for 其他 (the 支部 decides, e.g. 少交/免交 approved for a
 * member in difficulty, 党费规定 第七条) and for a rated category without a base.
 */
export function duesOwed(category: DuesCategory, baseFen: number | undefined, settings: DuesSettings): DuesOwed | undefined {
  if (isFixedCategory(category)) {
    return { owedFen: settings.fixedFen[category] };
  }
  if (category === '其他' || baseFen === undefined) {
    return undefined;
  }
  const brackets = category === '在职' ? settings.employed : settings.retired;
  const { percent } = bracketOf(brackets, baseFen);
  return { owedFen: owedAtPercent(baseFen, percent), percent };
}

/** `1.5%`. */
export function formatPercent(percent: number): string {
  return `${Number(percent.toFixed(1))}%`;
}

/**
 * Whether a record's 比例 and 应交 follow the table (warnings: a 支部 may have approved another figure, and the
 * record keeps what was written).
 */
export function checkDuesOwed(fields: DuesPaymentFields, settings: DuesSettings): DuesProblem[] {
  const expected = duesOwed(fields.category, fields.baseFen, settings);
  if (!expected) {
    if (fields.category !== '其他' && fields.baseFen === undefined) {
      return [{ field: 'baseFen', severity: 'warning', message: `${fields.category}党员请填写核定基数` }];
    }
    return [];
  }
  const problems: DuesProblem[] = [];
  if (expected.percent !== undefined && fields.percent !== undefined && Math.round(fields.percent * 10) !== Math.round(expected.percent * 10)) {
    problems.push({
      field: 'percent',
      severity: 'warning',
      message: `按党费标准，核定基数${formatYuan(fields.baseFen ?? 0)}的交纳比例为${formatPercent(expected.percent)}`,
    });
  }
  if (fields.owedFen !== expected.owedFen) {
    problems.push({ field: 'owedFen', severity: 'warning', message: `按党费标准应交${formatYuan(expected.owedFen)}，请核对` });
  }
  return problems;
}
