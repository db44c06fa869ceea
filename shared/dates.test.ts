import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, fullYearsBetween, isValidIsoDate, monthsBetween } from './dates';

describe('dates', () => {
  it('shows dates the Chinese way', () => {
    expect(formatDate('2025-03-05')).toBe('2025年3月5日');
    expect(formatDate('1985-06')).toBe('1985年6月');
    expect(formatDate('2025-03-05T14:30:00+08:00')).toBe('2025年3月5日');
    expect(formatDate(undefined)).toBe('');
    expect(formatDateTime('2025-03-05T14:30:00+08:00')).toBe('2025年3月5日 14:30');
  });

  it('knows which calendar dates exist', () => {
    expect(isValidIsoDate('2024-02-29')).toBe(true);
    expect(isValidIsoDate('2025-02-29')).toBe(false);
    expect(isValidIsoDate('2025-3-5')).toBe(false);
  });

  it('counts whole years and months at their edges', () => {
    expect(fullYearsBetween('1985-06-12', '2003-06-11')).toBe(17);
    expect(fullYearsBetween('1985-06-12', '2003-06-12')).toBe(18);
    expect(monthsBetween('2024-07-01', '2025-07-01')).toBe(12);
    expect(monthsBetween('2024-07-01', '2025-06-30')).toBe(11);
  });
});
