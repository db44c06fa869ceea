import { describe, expect, it } from 'vitest';
import {
  analysisPeriodLabel,
  asRegularPeriod,
  nextRegularPeriod,
  parseRegularLabel,
  periodProblems,
  previousAnalysisOf,
  previousRegularPeriod,
  regularPeriod,
  regularPeriodOf,
} from './periods';

describe('analysis periods', () => {
  it('maps 2025年第二季度 to 1 April – 30 June and back', () => {
    const q2 = regularPeriod('季度', 2025, 2);
    expect(q2).toMatchObject({ start: '2025-04-01', end: '2025-06-30', label: '2025年第二季度' });
    expect(parseRegularLabel('2025年第二季度')).toEqual(q2);
    expect(parseRegularLabel('2025年第2季度')).toEqual(q2);
    expect(analysisPeriodLabel({ periodKind: '季度', periodStart: '2025-04-01', periodEnd: '2025-06-30' })).toBe('2025年第二季度');
  });

  it('knows 半年, 年度 and the February of a leap year', () => {
    expect(regularPeriod('半年', 2025, 2)).toMatchObject({ start: '2025-07-01', end: '2025-12-31', label: '2025年下半年' });
    expect(parseRegularLabel('2024年上半年')).toMatchObject({ start: '2024-01-01', end: '2024-06-30' });
    expect(parseRegularLabel('2025年度')).toMatchObject({ kind: '年度', start: '2025-01-01', end: '2025-12-31' });
    expect(parseRegularLabel('2025年')).toMatchObject({ kind: '年度' });
    expect(parseRegularLabel('2025年第五季度')).toBeUndefined();
    expect(regularPeriod('季度', 2024, 1).end).toBe('2024-03-31');
  });

  it('finds the period of a day, the next and the previous across years', () => {
    expect(regularPeriodOf('季度', '2025-03-31').label).toBe('2025年第一季度');
    expect(regularPeriodOf('季度', '2025-04-01').label).toBe('2025年第二季度');
    expect(nextRegularPeriod(regularPeriod('季度', 2025, 4)).label).toBe('2026年第一季度');
    expect(previousRegularPeriod(regularPeriod('季度', 2025, 1)).label).toBe('2024年第四季度');
    expect(previousRegularPeriod(regularPeriod('半年', 2025, 1)).label).toBe('2024年下半年');
  });

  it('names 专题 and 即时 analyses by title and range', () => {
    expect(analysisPeriodLabel({ periodKind: '专题', periodStart: '2025-03-01', periodEnd: '2025-03-31', title: '机构改革' })).toBe(
      '专题：机构改革（2025年3月1日至2025年3月31日）',
    );
    expect(analysisPeriodLabel({ periodKind: '即时', periodStart: '2025-03-05', periodEnd: '2025-03-05' })).toBe('即时分析（2025年3月5日）');
  });

  it('refuses a 季度 that is not a calendar quarter and an end before the start', () => {
    expect(asRegularPeriod('季度', '2025-04-02', '2025-06-30')).toBeUndefined();
    expect(periodProblems('季度', '2025-04-02', '2025-06-30')[0].field).toBe('periodStart');
    expect(periodProblems('专题', '2025-04-02', '2025-04-01')[0].message).toBe('期间结束不能早于期间开始');
    expect(periodProblems('专题', '2025-04-02', '2025-05-01')).toEqual([]);
  });

  it('takes as previous the latest analysis ending before the start, the same kind first', () => {
    const a = (id: string, periodKind: '季度' | '专题' | '年度', periodStart: string, periodEnd: string) => ({
      id,
      periodKind,
      periodStart,
      periodEnd,
      createdAt: '2025-01-01T00:00:00+08:00',
    });
    const analyses = [
      a('q4', '季度', '2024-10-01', '2024-12-31'),
      a('q1', '季度', '2025-01-01', '2025-03-31'),
      a('topic', '专题', '2025-03-10', '2025-03-20'),
      a('q2', '季度', '2025-04-01', '2025-06-30'),
    ];
    expect(previousAnalysisOf(analyses, { kind: '季度', start: '2025-04-01' })?.id).toBe('q1');
    expect(previousAnalysisOf(analyses, { kind: '季度', start: '2025-04-01', id: 'q2' })?.id).toBe('q1');
    expect(previousAnalysisOf(analyses, { kind: '年度', start: '2025-07-01' })?.id).toBe('q2');
    expect(previousAnalysisOf(analyses, { kind: '季度', start: '2024-10-01' })).toBeUndefined();
  });
});
