import { describe, expect, it } from 'vitest';
import { makeAnalysis } from '../analyses/testFixtures';
import { analysisDue, type AnalysisRuleInput } from './analyses';
import { makeBranch } from './testFixtures';

function input(overrides: Partial<AnalysisRuleInput>): AnalysisRuleInput {
  return { branch: makeBranch(), today: '2025-08-15', year: 2025, analyses: [], ...overrides };
}

describe('analysis.due', () => {
  it('warns for each past quarter without an analysis and informs about the running one', () => {
    const findings = analysisDue(
      input({
        analyses: [
          makeAnalysis('q1', '季度', '2025-01-01', '2025-03-31'),
          makeAnalysis('topic', '专题', '2025-04-01', '2025-04-30'),
          { ...makeAnalysis('other', '季度', '2025-04-01', '2025-06-30'), branchId: 'another-branch' },
        ],
      }),
    );
    expect(findings.map((f) => [f.period, f.severity, f.message])).toEqual([
      ['2025-Q2', 'warning', '2025年第二季度未开展党员思想动态分析'],
      ['2025-Q3', 'info', '2025年第三季度党员思想动态分析尚未完成（本季度结束前完成）'],
    ]);
    expect(findings[0].rule).toBe('analysis.due');
    expect(findings[0].source).toMatch(/思想动态/);
  });

  it('counts a quarter done on its last day and is quiet once every period has one', () => {
    const all = ['01-01/03-31', '04-01/06-30', '07-01/09-30'].map((r, i) => {
      const [from, to] = r.split('/');
      return makeAnalysis(`q${i}`, '季度', `2025-${from}`, `2025-${to}`);
    });
    expect(analysisDue(input({ analyses: all, today: '2025-09-30' }))).toEqual([]);
    expect(analysisDue(input({ analyses: all, today: '2025-10-01' })).map((f) => [f.period, f.severity])).toEqual([['2025-Q4', 'info']]);
  });

  it('checks half-years when the setting says so, and past years in full', () => {
    const findings = analysisDue(
      input({ year: 2024, analysisSettings: { period: '半年' }, analyses: [makeAnalysis('y', '年度', '2024-01-01', '2024-12-31')] }),
    );
    expect(findings.map((f) => [f.period, f.severity, f.message])).toEqual([['2024-H1', 'warning', '2024年上半年未开展党员思想动态分析']]);
  });

  it('checks nothing without analyses in the input', () => {
    expect(analysisDue({ branch: makeBranch(), today: '2025-08-15', year: 2025 })).toEqual([]);
  });
});
