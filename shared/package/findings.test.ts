import { describe, expect, it } from 'vitest';
import { generateDemoBranch } from '../demo';
import { DEFAULT_DATASET_SETTINGS, rangePeriod, yearPeriod, type LedgerDataset } from '../exports';
import { packageFindings, periodKeyRange } from './findings';
import { demoLedgers } from '../kinds';

const demo = generateDemoBranch({ today: '2025-11-14' });
const dataset: LedgerDataset = { branch: demo.branch, ...demoLedgers(demo, { today: '2025-11-14' }), ...DEFAULT_DATASET_SETTINGS };

describe('packageFindings', () => {
  it('knows the days of every period key', () => {
    expect(periodKeyRange('2024')).toEqual({ start: '2024-01-01', end: '2024-12-31' });
    expect(periodKeyRange('2024-H1')).toEqual({ start: '2024-01-01', end: '2024-06-30' });
    expect(periodKeyRange('2024-Q1')).toEqual({ start: '2024-01-01', end: '2024-03-31' });
    expect(periodKeyRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodKeyRange('someday')).toBeUndefined();
  });

  it('keeps the findings of a part of the year and only those', () => {
    const year = packageFindings({ dataset, period: yearPeriod(2025), today: '2025-11-14' });
    const spring = packageFindings({ dataset, period: rangePeriod('2025-03-01', '2025-04-30'), today: '2025-11-14' });
    expect(year.length).toBeGreaterThan(spring.length);
    expect(spring.length).toBeGreaterThan(0);
    for (const finding of spring) {
      const range = periodKeyRange(finding.period);
      expect(range && range.start <= '2025-04-30' && range.end >= '2025-03-01', finding.period).toBe(true);
    }
    expect(year.some((f) => f.period > '2025-05' && f.period < '2025-13')).toBe(true);
  });

  it('says a finding that does not depend on the year once over a period of two years', () => {
    const twoYears = packageFindings({ dataset, period: rangePeriod('2024-01-01', '2025-12-31'), today: '2025-11-14' });
    const keys = twoYears.map((f) => `${f.rule}|${f.period}|${f.subject?.id ?? ''}|${f.message}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(twoYears.filter((f) => f.rule === 'rectification.overdue').length).toBeGreaterThan(0);
    expect(twoYears.filter((f) => f.rule === 'rectification.overdue').length).toBe(
      packageFindings({ dataset, period: yearPeriod(2025), today: '2025-11-14' }).filter((f) => f.rule === 'rectification.overdue').length,
    );
  });
});
