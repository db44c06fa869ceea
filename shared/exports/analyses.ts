import { analysisPeriodLabel, asRegularPeriod } from '../analyses/periods';
import { analysesLedger } from '../ledgers/definitions';
import { IDEOLOGICAL_STATES, isSensitiveState, WORK_PERFORMANCE_SUGGESTIONS, type Analysis, type AnalysisEntry } from '../model/analysis';
import { compareByPinyin } from '../text/pinyin';
import { nameResolver, tableFromDefinition, type ExportTable, type ColumnGuide, looseList } from './columns';
import { WIDTH } from './sheet';
import type { ExportOptions, LedgerDataset } from './types';

/**
 * 04_思想动态分析: one row per member and analysis whose period overlaps the export period. Entries whose
 * 思想状况 is sensitive (需关注 by default) show the state only, unless `includeAttentionDetails`.
 */

export interface AnalysisRow {
  analysis: Analysis;
  entry: AnalysisEntry;
  name: string;
}

export function analysisRowsInPeriod(data: Pick<LedgerDataset, 'analyses' | 'members'>, options: Pick<ExportOptions, 'period'>): AnalysisRow[] {
  const nameOf = nameResolver(data.members);
  const { start, end } = options.period;
  const analyses = data.analyses
    .filter((a) => a.periodStart <= end && a.periodEnd >= start)
    .sort((a, b) => (a.periodStart < b.periodStart ? -1 : a.periodStart > b.periodStart ? 1 : a.periodEnd < b.periodEnd ? -1 : a.periodEnd > b.periodEnd ? 1 : 0));
  const rows: AnalysisRow[] = [];
  for (const analysis of analyses) {
    const entries = analysis.entries
      .map((entry) => ({ analysis, entry, name: nameOf(entry.memberId) ?? '' }))
      .sort((a, b) => compareByPinyin(a.name, b.name));
    rows.push(...entries);
 }
  return rows;
}

/**
 * 季度/半年/年度 by their label (2025年第二季度); any other period as its dates (2025-03-01至2025-03-31), which the
 * importer reads back as a 专题 period (the 专题名称 is not a column of the ledger).
 */
function periodText(analysis: Analysis): string {
  return asRegularPeriod(analysis.periodKind, analysis.periodStart, analysis.periodEnd)
    ? analysisPeriodLabel(analysis)
    : `${analysis.periodStart}至${analysis.periodEnd}`;
}

export function analysesTable(data: LedgerDataset, options: ExportOptions): ExportTable<AnalysisRow> {
  const nameOf = nameResolver(data.members);
  const hidden = (row: AnalysisRow) => !options.includeAttentionDetails && isSensitiveState(row.entry.state, data.analysisSettings);
  const detail = (pick: (e: AnalysisEntry) => string | undefined) => (row: AnalysisRow) => (hidden(row) ? undefined : pick(row.entry));
  return tableFromDefinition<AnalysisRow>(analysesLedger, [
    { field: 'name', width: WIDTH.name, format: 'text', value: (r) => r.name },
    { field: 'period', width: 18, format: 'text', value: (r) => periodText(r.analysis) },
    { field: 'state', width: WIDTH.short, format: 'text', value: (r) => r.entry.state },
    { field: 'work', width: WIDTH.short, format: 'text', value: (r) => r.entry.performance },
    { field: 'details', width: 30, format: 'text', value: detail((e) => e.details) },
    { field: 'problems', width: 26, format: 'text', value: detail((e) => e.problems) },
    { field: 'help', width: 26, format: 'text', value: detail((e) => e.support) },
    { field: 'talker', width: WIDTH.name, format: 'text', value: (r) => nameOf(r.entry.talkerId) },
  ]);
}

/** The 思想动态分析 whose period overlaps the package's, as 04_思想动态分析.xlsx picks them, oldest first. */
export function analysesInPeriod(data: Pick<LedgerDataset, 'analyses'>, options: Pick<ExportOptions, 'period'>): Analysis[] {
  const { start, end } = options.period;
  const key = (a: Analysis) => `${a.periodStart}|${a.periodEnd}|${a.createdAt}`;
  return data.analyses.filter((a) => a.periodStart <= end && a.periodEnd >= start).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/** The 填表说明 of the blank analyses template, one entry per column of the import definition. */
export const ANALYSIS_TEMPLATE_GUIDE: Record<string, ColumnGuide> = {
  name: { required: true, width: WIDTH.name, meaning: '党员姓名', example: '张三' },
  period: { required: true, width: 18, meaning: '分析时段，写成“2025年第一季度”“2025年上半年”“2025年度”', example: '2025年第一季度' },
  state: { required: true, list: looseList('思想状况', IDEOLOGICAL_STATES), width: WIDTH.short, meaning: '从下拉列表选择；设置中改过的名称可直接填写', example: '稳定' },
  work: { list: looseList('工作表现', WORK_PERFORMANCE_SUGGESTIONS), width: WIDTH.short, meaning: '工作表现', example: '良好' },
  details: { width: 30, meaning: '具体表现', example: '' },
  problems: { width: 26, meaning: '存在问题', example: '' },
  help: { width: 26, meaning: '帮扶措施', example: '' },
  talker: { width: WIDTH.name, meaning: '与该党员谈话的人', example: '张三' },
  remarks: { width: WIDTH.medium, meaning: '其他需要说明的情况', example: '' },
};
