import { describe, expect, it } from 'vitest';
import { describeMonths, describeProbation, describeTerm } from './wording';

describe('wording', () => {
  it('says months as years and months', () => {
    expect(describeMonths(0)).toBe('0 个月');
    expect(describeMonths(5)).toBe('5 个月');
    expect(describeMonths(12)).toBe('1 年');
    expect(describeMonths(35)).toBe('2 年 11 个月');
  });

  it('describes every term state', () => {
    expect(describeTerm({ state: 'unknown' })).toEqual({ text: '未填写选举日期', tone: 'warning' });
    expect(describeTerm({ state: 'running', endsOn: '2025-07-05', monthsLeft: 4, daysLeft: 122, soon: true })).toEqual({
      text: '还有 4 个月',
      tone: 'warning',
    });
    expect(describeTerm({ state: 'running', endsOn: '2027-03-05', monthsLeft: 24, daysLeft: 730, soon: false })).toEqual({
      text: '还有 2 年',
      tone: 'normal',
    });
    expect(describeTerm({ state: 'running', endsOn: '2025-03-17', monthsLeft: 0, daysLeft: 12, soon: true }).text).toBe('还有 12 天');
    expect(describeTerm({ state: 'running', endsOn: '2025-03-05', monthsLeft: 0, daysLeft: 0, soon: true }).text).toBe('今天届满');
    expect(describeTerm({ state: 'expired', endsOn: '2025-03-04', monthsOver: 0, daysOver: 1 })).toEqual({ text: '已届满 1 天', tone: 'error' });
    expect(describeTerm({ state: 'expired', endsOn: '2023-03-04', monthsOver: 24, daysOver: 732 }).text).toBe('已届满 24 个月');
  });

  it('describes 预备期满', () => {
    expect(describeProbation({ daysLeft: 30 })).toEqual({ text: '还有 30 天', tone: 'warning' });
    expect(describeProbation({ daysLeft: 0 })).toEqual({ text: '今天期满', tone: 'error' });
    expect(describeProbation({ daysLeft: -1 })).toEqual({ text: '已逾期 1 天', tone: 'error' });
  });
});
