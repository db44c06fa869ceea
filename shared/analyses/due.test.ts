import { describe, expect, it } from 'vitest';
import { DEFAULT_ANALYSIS_SETTINGS } from '../model/analysis';
import { makeMember, makeTalk } from '../rules/testFixtures';
import { attentionWithoutTalk, countsForPeriod, currentAndPreviousDue, duePeriodsOfYear } from './due';
import { regularPeriod } from './periods';
import { makeAnalysis } from './testFixtures';

describe('due periods', () => {
  const analyses = [
    makeAnalysis('q1', '季度', '2025-01-01', '2025-03-31'),
    makeAnalysis('h1', '半年', '2025-01-01', '2025-06-30'),
    makeAnalysis('topic', '专题', '2025-07-01', '2025-09-30'),
  ];

  it('counts an analysis for the required period its own period ends in; 专题 never', () => {
    expect(countsForPeriod(analyses[1], regularPeriod('季度', 2025, 2))).toBe(true);
    expect(countsForPeriod(analyses[1], regularPeriod('季度', 2025, 1))).toBe(false);
    expect(countsForPeriod(analyses[2], regularPeriod('季度', 2025, 3))).toBe(false);
    const year = duePeriodsOfYear(analyses, '季度', 2025, '2025-11-20');
    expect(year.map((d) => [d.period.label, d.state, d.analysis?.id])).toEqual([
      ['2025年第一季度', 'past', 'q1'],
      ['2025年第二季度', 'past', 'h1'],
      ['2025年第三季度', 'past', undefined],
      ['2025年第四季度', 'current', undefined],
    ]);
  });

  it('gives the 工作台 the running period and the one before, across a year end', () => {
    const due = currentAndPreviousDue(analyses, '季度', '2026-01-05');
    expect(due.current.period.label).toBe('2026年第一季度');
    expect(due.previous.period.label).toBe('2025年第四季度');
    expect(due.previous.state).toBe('past');
    expect(currentAndPreviousDue(analyses, '半年', '2025-08-01').previous.analysis?.id).toBe('h1');
  });
});

describe('attentionWithoutTalk', () => {
  const members = [makeMember('a'), makeMember('b'), makeMember('c'), makeMember('d', { departure: { reason: '转出', date: '2025-08-01' } })];
  const q2 = makeAnalysis('q2', '季度', '2025-04-01', '2025-06-30', {
    submittedOn: '2025-07-05',
    entries: [
      { memberId: 'a', state: '需关注' },
      { memberId: 'b', state: '需关注' },
      { memberId: 'c', state: '需关注' },
      { memberId: 'd', state: '需关注' },
    ],
  });
  const q3 = makeAnalysis('q3', '季度', '2025-07-01', '2025-09-30', { entries: [{ memberId: 'c', state: '稳定' }] });

  it('lists members whose newest entry is 需关注 and who had no talk after the 报送日期', () => {
    const talks = [
      makeTalk('t1', '2025-07-05', 'x', ['a']), // on the 报送日期: not after it
      makeTalk('t2', '2025-07-06', 'b', ['x']), // b as 谈话人 counts
      makeTalk('t3', '2025-12-01', 'x', ['a']), // after today
    ];
    const items = attentionWithoutTalk([q2, q3], talks, members, DEFAULT_ANALYSIS_SETTINGS, '2025-10-10');
    expect(items).toEqual([
      { memberId: 'a', analysisId: 'q2', periodLabel: '2025年第二季度', state: '需关注', since: '2025-07-05', lastTalkOn: '2025-07-05' },
    ]);
  });

  it('uses the last day of the period when nothing was submitted', () => {
    const unsent = { ...q2, submittedOn: undefined };
    const items = attentionWithoutTalk([unsent], [makeTalk('t1', '2025-07-01', 'x', ['a'])], members.slice(0, 1), DEFAULT_ANALYSIS_SETTINGS, '2025-07-10');
    expect(items).toEqual([]);
  });
});
