import { describe, expect, it } from 'vitest';
import { compareEntries } from '../analyses/entries';
import { attentionWithoutTalk } from '../analyses/due';
import { analysisPeriodLabel } from '../analyses/periods';
import { analysisSchema, DEFAULT_ANALYSIS_SETTINGS } from '../model/analysis';
import { generateDemoAnalyses } from './analyses';
import { generateDemoBranch } from './index';

const TODAY = '2025-03-05';

describe('generateDemoAnalyses', () => {
  const dataset = generateDemoBranch({ today: TODAY });
  const analyses = generateDemoAnalyses(dataset, { today: TODAY });

  it('gives the two quarters before today’s, valid and the same every time', () => {
    expect(analyses.map(analysisPeriodLabel)).toEqual(['2024年第三季度', '2024年第四季度']);
    for (const analysis of analyses) {
      expect(analysisSchema.parse(analysis)).toEqual(analysis);
      expect(analysis.branchId).toBe(dataset.branch.id);
      expect(analysis.entries).toHaveLength(6);
    }
    expect(analyses[1].previousId).toBe(analyses[0].id);
    expect(analyses[1].submittedOn).toBe('2025-01-05');
    expect(generateDemoAnalyses(generateDemoBranch({ today: TODAY }), { today: TODAY })).toEqual(analyses);
  });

  it('has one 需关注 in the later quarter, who changed since the earlier one and has not been talked with since', () => {
    expect(analyses[0].entries.filter((e) => e.state === '需关注')).toHaveLength(0);
    const attention = analyses[1].entries.filter((e) => e.state === '需关注');
    expect(attention).toHaveLength(1);
    const comparison = compareEntries(analyses[0].entries, analyses[1].entries, DEFAULT_ANALYSIS_SETTINGS);
    expect(comparison.changes.map((c) => [c.memberId, c.before, c.after])).toEqual([
      [attention[0].memberId, '较稳定', '需关注'],
      [expect.any(String), '较稳定', '稳定'],
    ]);
    const waiting = attentionWithoutTalk(analyses, dataset.talks, dataset.members, DEFAULT_ANALYSIS_SETTINGS, TODAY);
    expect(waiting.map((w) => w.memberId)).toEqual([attention[0].memberId]);
  });

  it('links only members and talks of the branch', () => {
    const memberIds = new Set(dataset.members.map((m) => m.id));
    const talkIds = new Set(dataset.talks.map((t) => t.id));
    for (const analysis of analyses) {
      for (const entry of analysis.entries) {
        expect(memberIds.has(entry.memberId)).toBe(true);
        expect(!entry.talkerId || memberIds.has(entry.talkerId)).toBe(true);
      }
      expect(analysis.talkIds.every((id) => talkIds.has(id))).toBe(true);
    }
  });
});
