import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { buildAnalysisReport, reportFileName } from '../analyses/report';
import { makeAnalysis } from '../analyses/testFixtures';
import { teamStatistics } from '../analyses/statistics';
import { DEFAULT_ANALYSIS_SETTINGS } from '../model/analysis';
import { makeBranch, makeMember } from '../rules/testFixtures';
import { analysisReportDocx } from './analysisReport';

const members = [
  makeMember('m1', { name: '王建华', gender: '女' }),
  makeMember('m2', { name: '李晓燕' }),
  makeMember('m3', { name: '曾国庆' }),
];
const names = new Map(members.map((m) => [m.id, m.name]));
const analysis = makeAnalysis('a', '季度', '2025-04-01', '2025-06-30', {
  methods: ['座谈交流', '谈心谈话'],
  participants: 12,
  overall: '党员思想总体稳定。\n\n积极性较高。',
  political: '坚决拥护党的路线方针政策。',
  tendencies: '个别党员学习积极性不高。',
  causes: '工作任务重，学习时间少。',
  measures: '开展谈心谈话，落实帮扶措施。',
  submittedOn: '2025-07-05',
  entries: [
    { memberId: 'm2', state: '稳定', performance: '优秀', details: '主动承担急难险重任务', talkerId: 'm1' },
    { memberId: 'm3', state: '需关注', details: '家中老人患病，情绪低落', problems: '工作分心', support: '协调休假，定期看望', talkerId: 'm1' },
  ],
});

function reportOf(includeSensitive: boolean) {
  return buildAnalysisReport(analysis, {
    branchName: '中共测试局机关第一支部委员会',
    nameOf: (id) => (id ? (names.get(id) ?? '') : ''),
    statistics: teamStatistics(members, analysis.periodEnd, makeBranch({}, [{ memberId: 'm1', role: '书记' }])),
    settings: DEFAULT_ANALYSIS_SETTINGS,
    includeSensitive,
  });
}

async function documentXml(includeSensitive: boolean): Promise<string> {
  const bytes = await analysisReportDocx(reportOf(includeSensitive));
  expect(strFromU8(bytes.slice(0, 2))).toBe('PK');
  return strFromU8(unzipSync(bytes)['word/document.xml']);
}

describe('analysis report', () => {
  it('has the four parts of the report, in order', () => {
    const report = reportOf(false);
    expect(report.title).toBe('2025年第二季度党员思想动态分析报告');
    expect(report.sections.map((s) => s.heading)).toEqual(['一、总体情况', '二、主要表现', '三、原因分析', '四、对策建议']);
    expect(report.sections[0].paragraphs).toEqual([
      '本期分析时段为2025年4月1日至2025年6月30日。支部通过谈心谈话、座谈交流等方式了解党员思想动态，参与12人次。',
      '截至2025年6月30日，支部共有党员3名，其中正式党员3名、预备党员0名；女党员1名，少数民族党员0名；35岁及以下党员0名，大专及以上学历党员0名。',
      '本期对2名党员逐一分析，思想状况稳定的1名，思想状况需关注的1名。',
      '党员思想总体稳定。',
      '积极性较高。',
    ]);
    expect(report.sections[1].subsections.map((s) => s.heading)).toEqual(['（一）政治思想方面', '（二）苗头性倾向性问题']);
    expect(report.signature.date).toBe('2025年7月5日');
    expect(reportFileName('中共测试局机关第一支部委员会', analysis)).toBe('中共测试局机关第一支部委员会_2025年第二季度_思想动态分析报告.docx');
  });

  it('writes a .docx with the text, the statistics and the entries, leaving out 需关注 details', async () => {
    const xml = await documentXml(false);
    for (const expected of [
      '2025年第二季度党员思想动态分析报告',
      '一、总体情况',
      '二、主要表现',
      '三、原因分析',
      '四、对策建议',
      '坚决拥护党的路线方针政策。',
      '工作任务重，学习时间少。',
      '党员队伍状况分析',
      '年龄结构',
      '46—50岁',
      '党的十八大以来',
      '李晓燕',
      '主动承担急难险重任务',
      '另有1名需重点关注党员的具体情况涉及个人隐私，未列入本表，由支部单独掌握。',
    ]) {
      expect(xml, expected).toContain(expected);
    }
    expect(xml).not.toContain('曾国庆');
    expect(xml).not.toContain('家中老人患病');
    expect(xml).not.toContain('协调休假');
  });

  it('includes the 需关注 details only when asked', async () => {
    const xml = await documentXml(true);
    expect(xml).toContain('曾国庆');
    expect(xml).toContain('家中老人患病，情绪低落');
    expect(xml).toContain('协调休假，定期看望');
    expect(xml).not.toContain('未列入本表');
  });
});
