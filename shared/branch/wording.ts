import type { ProbationDue, TermStatus } from './summary';

/** How urgent a line is: the page maps it to a colour. */
export type Tone = 'normal' | 'warning' | 'error';

/** `14` → `1 年 2 个月`, `12` → `1 年`, `5` → `5 个月`. */
export function describeMonths(months: number): string {
  const years = Math.floor(months / 12);
  const rest = months % 12;
  if (years === 0) {
    return `${rest} 个月`;
  }
  return rest === 0 ? `${years} 年` : `${years} 年 ${rest} 个月`;
}

/** 届满 in words: 还有 4 个月 / 还有 12 天 / 今天届满 / 已届满 3 个月 / 已届满 5 天 / 未填写选举日期. */
export function describeTerm(status: TermStatus): { text: string; tone: Tone } {
  switch (status.state) {
    case 'unknown':
      return { text: '未填写选举日期', tone: 'warning' };
    case 'expired':
      return { text: status.monthsOver >= 1 ? `已届满 ${status.monthsOver} 个月` : `已届满 ${status.daysOver} 天`, tone: 'error' };
    case 'running': {
      const tone = status.soon ? 'warning' : 'normal';
      if (status.daysLeft === 0) {
        return { text: '今天届满', tone };
      }
      return { text: status.monthsLeft >= 1 ? `还有 ${describeMonths(status.monthsLeft)}` : `还有 ${status.daysLeft} 天`, tone };
    }
  }
}

/** 预备期满 in words: 还有 12 天 / 今天期满 / 已逾期 3 天. */
export function describeProbation(due: Pick<ProbationDue, 'daysLeft'>): { text: string; tone: Tone } {
  if (due.daysLeft > 0) {
    return { text: `还有 ${due.daysLeft} 天`, tone: 'warning' };
  }
  return due.daysLeft === 0 ? { text: '今天期满', tone: 'error' } : { text: `已逾期 ${-due.daysLeft} 天`, tone: 'error' };
}
