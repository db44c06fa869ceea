import { formatDate } from '../dates';
import { ANALYSIS_METHODS, isSensitiveState, type Analysis, type AnalysisSettings } from '../model/analysis';
import { stateCounts } from './entries';
import { analysisPeriodLabel } from './periods';
import { statisticsSummary, type StatTable, type TeamStatistics } from './statistics';

/**
 * The 思想动态分析报告 as data, rendered alike by the print view and the Word document: 一、总体情况 二、主要表现
 * 三、原因分析 四、对策建议 (DOMAIN §3.5), then 附表 党员队伍状况统计 and 党员思想状况一览.
 * Entries in a sensitive state (需关注) are left out unless `includeSensitive`; only their number is said.
 */

export interface ReportSubsection {
  heading: string;
  paragraphs: string[];
}

export interface ReportSection {
  heading: string;
  paragraphs: string[];
  subsections: ReportSubsection[];
}

export interface ReportEntryRow {
  name: string;
  state: string;
  performance: string;
  details: string;
  problems: string;
  support: string;
  talker: string;
  sensitive: boolean;
}

export interface AnalysisReport {
  branchName: string;
  /** `2025年第二季度党员思想动态分析报告`. */
  title: string;
  periodLabel: string;
  sections: ReportSection[];
  statisticsHeading: string;
  statistics: StatTable[];
  entriesHeading: string;
  entries: ReportEntryRow[];
  /** Entries in a sensitive state left out of `entries`. */
  omittedSensitive: number;
  includeSensitive: boolean;
  /** `中共…支部委员会` and `2025年7月5日` at the foot; the date is the 报送日期 (empty when not yet). */
  signature: { branchName: string; date: string };
}

export interface ReportOptions {
  branchName: string;
  nameOf: (id: string | undefined) => string;
  statistics: TeamStatistics;
  settings: Pick<AnalysisSettings, 'states'>;
  /** Ticked 包含需关注人员详情. */
  includeSensitive: boolean;
}

export const ENTRY_COLUMNS = ['姓名', '思想状况', '工作表现', '具体表现', '存在问题', '帮扶措施', '谈话人'] as const;
export const STAT_COLUMNS = ['类别', '人数', '占比'] as const;

const NOT_FILLED = '（本期未填写）';
const CN_NUMBERS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A text field as paragraphs: one per line, blank lines dropped. */
export function paragraphsOf(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

function methodsSentence(analysis: Pick<Analysis, 'methods' | 'participants'>): string {
  const known: readonly string[] = ANALYSIS_METHODS;
  const methods = [...analysis.methods].sort((a, b) => {
    const ia = known.indexOf(a);
    const ib = known.indexOf(b);
    return (ia < 0 ? known.length : ia) - (ib < 0 ? known.length : ib);
  });
  const how = methods.length > 0 ? `支部通过${methods.join('、')}等方式了解党员思想动态` : '支部了解党员思想动态';
  return analysis.participants !== undefined ? `${how}，参与${analysis.participants}人次。` : `${how}。`;
}

export function buildAnalysisReport(analysis: Analysis, options: ReportOptions): AnalysisReport {
  const periodLabel = analysisPeriodLabel(analysis);
  const range = `${formatDate(analysis.periodStart)}至${formatDate(analysis.periodEnd)}`;
  const counts = stateCounts(analysis.entries, options.settings).filter((c) => c.count > 0);
  const stateSentence =
    counts.length > 0
      ? `本期对${analysis.entries.length}名党员逐一分析，${counts.map((c) => `思想状况${c.state}的${c.count}名`).join('，')}。`
      : '';

  const overall: ReportSection = {
    heading: '一、总体情况',
    paragraphs: [
      `本期分析时段为${range}。${methodsSentence(analysis)}`,
      statisticsSummary(options.statistics, formatDate),
      ...(stateSentence ? [stateSentence] : []),
      ...paragraphsOf(analysis.overall),
    ],
    subsections: [],
  };

  const aspects: [string, string | undefined][] = [
    ['政治思想方面', analysis.political],
    ['工作状态方面', analysis.work],
    ['利益诉求方面', analysis.interests],
    ['社会心理方面', analysis.social],
    ['其他方面', analysis.other],
    ['苗头性倾向性问题', analysis.tendencies],
  ];
  const filled = aspects.filter(([, text]) => paragraphsOf(text).length > 0);
  const performance: ReportSection = {
    heading: '二、主要表现',
    paragraphs: filled.length === 0 ? [NOT_FILLED] : [],
    subsections: filled.map(([heading, text], index) => ({ heading: `（${CN_NUMBERS[index]}）${heading}`, paragraphs: paragraphsOf(text) })),
  };
  const section = (heading: string, text: string | undefined): ReportSection => {
    const paragraphs = paragraphsOf(text);
    return { heading, paragraphs: paragraphs.length > 0 ? paragraphs : [NOT_FILLED], subsections: [] };
  };

  const rows: ReportEntryRow[] = analysis.entries.map((e) => ({
    name: options.nameOf(e.memberId),
    state: e.state,
    performance: e.performance ?? '',
    details: e.details ?? '',
    problems: e.problems ?? '',
    support: e.support ?? '',
    talker: options.nameOf(e.talkerId),
    sensitive: isSensitiveState(e.state, options.settings),
  }));
  const entries = options.includeSensitive ? rows : rows.filter((r) => !r.sensitive);

  return {
    branchName: options.branchName,
    title: `${periodLabel}党员思想动态分析报告`,
    periodLabel,
    sections: [overall, performance, section('三、原因分析', analysis.causes), section('四、对策建议', analysis.measures)],
    statisticsHeading: `附表1  党员队伍状况统计（截至${formatDate(options.statistics.asOf)}）`,
    statistics: options.statistics.tables,
    entriesHeading: '附表2  党员思想状况一览',
    entries,
    omittedSensitive: rows.length - entries.length,
    includeSensitive: options.includeSensitive,
    signature: { branchName: options.branchName, date: formatDate(analysis.submittedOn) },
  };
}

/** The line under 附表2 when entries were left out. */
export function omittedNote(count: number): string {
  return `另有${count}名需重点关注党员的具体情况涉及个人隐私，未列入本表，由支部单独掌握。`;
}

/** `中共示例市民政局机关第一支部委员会_2025年第二季度_思想动态分析报告.docx`, without characters file systems refuse. */
export function reportFileName(branchName: string, analysis: Pick<Analysis, 'periodKind' | 'periodStart' | 'periodEnd' | 'title'>): string {
  const safe = (text: string) => text.replace(/[\\/:*?"<>|\s]+/g, '_').replace(/[：（）]/g, (c) => ({ '：': '_', '（': '(', '）': ')' })[c] ?? c);
  return `${safe(branchName)}_${safe(analysisPeriodLabel(analysis))}_思想动态分析报告.docx`;
}
