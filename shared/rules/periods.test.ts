import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, periodKeyOf, periodLabel, periodOfKey, periodsOfYear, periodState, referenceDate } from './periods';

describe('periods of a year', () => {
  it('splits a year into months, quarters, halves', () => {
    expect(periodsOfYear(2025, 'month')).toHaveLength(12);
    const quarters = periodsOfYear(2025, 'quarter');
    expect(quarters.map((q) => [q.key, q.start, q.end])).toEqual([
      ['2025-Q1', '2025-01-01', '2025-03-31'],
      ['2025-Q2', '2025-04-01', '2025-06-30'],
      ['2025-Q3', '2025-07-01', '2025-09-30'],
      ['2025-Q4', '2025-10-01', '2025-12-31'],
    ]);
    expect(quarters[1].months).toEqual([4, 5, 6]);
    expect(periodsOfYear(2024, 'month')[1].end).toBe('2024-02-29');
    expect(periodsOfYear(2025, 'halfYear').map((h) => h.label)).toEqual(['2025年上半年', '2025年下半年']);
    expect(periodsOfYear(2025, 'year')[0]).toMatchObject({ key: '2025', start: '2025-01-01', end: '2025-12-31' });
  });

  it('finds the period of a date on its first and last day', () => {
    expect(periodKeyOf('2025-03-31', 'quarter')).toBe('2025-Q1');
    expect(periodKeyOf('2025-04-01', 'quarter')).toBe('2025-Q2');
    expect(periodKeyOf('2025-07-01', 'halfYear')).toBe('2025-H2');
    expect(periodKeyOf('2025-12-31', 'month')).toBe('2025-12');
  });

  it('keeps a period open on its last day', () => {
    const march = periodsOfYear(2025, 'month')[2];
    expect(periodState(march, '2025-03-31')).toBe('current');
    expect(periodState(march, '2025-04-01')).toBe('past');
    expect(periodState(march, '2025-02-28')).toBe('future');
  });

  it('labels periods in Chinese', () => {
    expect(periodLabel('2025-03')).toBe('2025年3月');
    expect(periodLabel('2025-Q4')).toBe('2025年第四季度');
    expect(periodLabel('2025')).toBe('2025年');
  });

  it('counts calendar days and judges a year on its last day or today', () => {
    expect(daysBetween('2025-02-28', '2025-03-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-01', '2025-02-28')).toBe(-1);
    expect(addDays('2025-01-31', 30)).toBe('2025-03-02');
    expect(referenceDate(2024, '2025-06-15')).toBe('2024-12-31');
    expect(referenceDate(2025, '2025-06-15')).toBe('2025-06-15');
  });
});

describe('periodOfKey', () => {
  it('reads every kind of key back into its period', () => {
    expect(periodOfKey('2026-01')).toMatchObject({ kind: 'month', start: '2026-01-01', end: '2026-01-31', label: '2026年1月' });
    expect(periodOfKey('2026-Q3')).toMatchObject({ kind: 'quarter', start: '2026-07-01', end: '2026-09-30' });
    expect(periodOfKey('2026-H2')).toMatchObject({ kind: 'halfYear', start: '2026-07-01', end: '2026-12-31' });
    expect(periodOfKey('2026')).toMatchObject({ kind: 'year', start: '2026-01-01', end: '2026-12-31' });
    expect(periodOfKey('2026-13')).toBeUndefined();
    expect(periodOfKey('soon')).toBeUndefined();
  });
});
