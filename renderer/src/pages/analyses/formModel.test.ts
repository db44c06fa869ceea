import { describe, expect, it } from 'vitest';
import { makeAnalysis } from '@shared/analyses/testFixtures';
import { DEFAULT_ANALYSIS_SETTINGS } from '@shared/model';
import { makeMember } from '@shared/rules/testFixtures';
import { formFieldOf, inputOfValues, newAnalysisValues, periodOfValues, prefillEntries, prefillNote, proposedPeriod, valuesOfAnalysis } from './formModel';

const q1 = makeAnalysis('q1', '季度', '2025-01-01', '2025-03-31', {
  overall: '总体稳定',
  entries: [
    { memberId: 'a', state: '稳定' },
    { memberId: 'b', state: '需关注' },
  ],
});

describe('analysis form model', () => {
  it('proposes today’s period, else the one after the newest, else the one asked for', () => {
    expect(proposedPeriod([], DEFAULT_ANALYSIS_SETTINGS, '2025-03-05').label).toBe('2025年第一季度');
    expect(proposedPeriod([q1], DEFAULT_ANALYSIS_SETTINGS, '2025-03-05').label).toBe('2025年第二季度');
    expect(proposedPeriod([q1], DEFAULT_ANALYSIS_SETTINGS, '2025-08-05').label).toBe('2025年第三季度');
    expect(proposedPeriod([q1], { period: '半年' }, '2025-03-05').label).toBe('2025年上半年');
    expect(proposedPeriod([q1], DEFAULT_ANALYSIS_SETTINGS, '2025-03-05', { kind: '季度', year: 2025, index: 2 }).label).toBe('2025年第二季度');
    expect(proposedPeriod([q1], DEFAULT_ANALYSIS_SETTINGS, '2025-03-05', { kind: '季度', year: 2025, index: 9 }).label).toBe('2025年第二季度');
  });

  it('starts a new period from the previous one’s entries, for members still on the roster', () => {
    const members = [makeMember('a'), makeMember('b', { departure: { reason: '转出', date: '2025-03-31' } })];
    const period = { kind: '季度' as const, start: '2025-04-01', end: '2025-06-30' };
    const prefill = prefillEntries([q1], members, period);
    expect(prefill.previous?.id).toBe('q1');
    expect(prefill.entries).toEqual([{ memberId: 'a', state: '稳定' }]);
    expect(prefillNote(prefill)).toBe('已复制上期（2025年第一季度）1名党员的思想状况，只需修改有变化的内容。');
    expect(prefillNote(prefillEntries([q1], members, { kind: '季度', start: '2025-01-01', end: '2025-03-31' }))).toBeUndefined();
  });

  it('turns values into the repository input and back', () => {
    const values = newAnalysisValues({ kind: '季度', year: 2025, index: 2, start: '2025-04-01', end: '2025-06-30', label: '' }, { entries: [] });
    expect(periodOfValues(values)).toEqual({ kind: '季度', start: '2025-04-01', end: '2025-06-30' });
    expect(periodOfValues({ ...values, index: undefined })).toBeUndefined();
    const input = inputOfValues({ ...values, overall: '稳定', title: '不用' });
    expect(input).toMatchObject({ periodKind: '季度', periodStart: '2025-04-01', periodEnd: '2025-06-30', overall: '稳定', political: '', title: undefined });
    expect(inputOfValues({ ...values, periodKind: '专题', periodStart: '2025-05-01', periodEnd: '2025-05-02', title: '改革' })).toMatchObject({
      periodStart: '2025-05-01',
      title: '改革',
    });
    expect(valuesOfAnalysis(q1)).toMatchObject({ year: 2025, index: 1, overall: '总体稳定' });
    expect(formFieldOf('periodStart', '季度')).toBe('index');
    expect(formFieldOf('periodStart', '年度')).toBe('year');
    expect(formFieldOf('periodEnd', '专题')).toBe('periodEnd');
  });
});
