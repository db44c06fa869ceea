// The 工作台, the 检查材料包's 自检报告 and `ledger self-check` build the rules' input with one ruleInputFor
// (shared/rules/input.ts): on the same records they give the same findings.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { packageFindings, periodKeyRange } from '../../shared/package/findings';
import { runAllRules } from '../../shared/rules';
import { loadDemoData } from '../../renderer/src/db/branches';
import { loadRuleInput } from '../../renderer/src/db/dashboardHooks';
import { getAnalysisSettings } from '../../renderer/src/db/analyses';
import { getDuesSettings } from '../../renderer/src/db/dues';
import { getTrainingSettings } from '../../renderer/src/db/training';
import { freshDatabase } from '../../renderer/src/db/testing';
import { selfCheckExport } from './selfCheck';

const TODAY = '2025-11-20';
const YEAR = 2025;

describe('one ruleInputFor for the 工作台, the package and the CLI', () => {
  it('gives the same findings on the same records, 思想动态分析, 民主评议, 党费 and 学时 included', async () => {
    const db = freshDatabase();
    const demo = await loadDemoData(db, TODAY);
    const dashboard = runAllRules((await loadRuleInput(db, demo.id, YEAR, TODAY))!);

    const [branch, members, meetings, talks, analyses, rectifications, attachments, reviews, dues, training] = await Promise.all([
      db.branches.get(demo.id),
      db.members.toArray(),
      db.meetings.toArray(),
      db.talks.toArray(),
      db.analyses.toArray(),
      db.rectifications.toArray(),
      db.attachments.toArray(),
      db.reviews.toArray(),
      db.dues.toArray(),
      db.training.toArray(),
    ]);
    const analysisSettings = await getAnalysisSettings(db);
        const dataset = { branch: branch!, members, meetings, talks, analyses, rectifications, analysisSettings, reviews, dues, training, duesSettings: await getDuesSettings(db), trainingSettings: await getTrainingSettings(db) };
    const inPackage = packageFindings({
      dataset,
      period: { start: `${YEAR}-01-01`, end: `${YEAR}-12-31` } as never,
      today: TODAY,
      attachments,
    });
    const settings = await db.settings.toArray();
    const cli = selfCheckExport(
      'export.json',
      {
        format: 'plain',
        notes: [],
        tables: { branches: [branch], members, meetings, talks, rectifications, analyses, reviews, dues, training, attachments, settings },
      },
      { year: YEAR, today: TODAY },
    );
    const key = (f: { rule: string; period: string; message: string }) => `${f.rule}|${f.period}|${f.message}`;
    expect(cli.issues).toEqual([]);
    expect(cli.branches[0].findings.map(key)).toEqual(dashboard.map(key));
    // The package keeps the findings of its period (a 届满 due next March is not the year's).
    const ofYear = dashboard.filter((f) => (periodKeyRange(f.period)?.start ?? '').startsWith(String(YEAR)));
    expect(inPackage.map(key)).toEqual(ofYear.map(key));
    // The CLI once left analyses out: the rule about them is judged there too.
    expect(dashboard.some((f) => f.rule === 'analysis.due') || analyses.length > 0).toBe(true);
    // The demo's member three months behind with 党费 and those short of 学时 are found everywhere.
    expect(cli.branches[0].findings.filter((f) => f.rule === 'dues.unpaid')).toHaveLength(1);
    expect(cli.branches[0].findings.some((f) => f.rule === 'training.hours')).toBe(true);
  });
});
