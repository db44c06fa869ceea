import { trainingLedger, type TrainingColumnField } from '../ledgers/definitions/training';
import type { TrainingRecord } from '../model/training';
import { TRAINING_FORMS } from '../model/training';
import { hoursByMember, type MemberHours } from '../training/hours';
import type { TrainingSettings } from '../training/settings';
import { compareByPinyin } from '../text/pinyin';
import { nameResolver, tableFromDefinition, type ExportTable, type ColumnGuide } from './columns';
import { isInPeriod, yearsOfPeriod } from './period';
import type { Workbook } from 'exceljs';
import { addLedgerSheet, addRows, dateCell, infoLine, WIDTH } from './sheet';
import type { ExportOptions, LedgerDataset } from './types';

/**
 * 学习培训学时登记表: one row per record of the period, by date then member (pinyin); the headers are the import
 * definition's, so the sheet reads back as the same records. A second sheet, 学时统计, gives each member's hours of
 * each year against the goal (shared/training/hours.ts hoursByMember); its headers are no ledger's, so a re-import
 * skips it.
 */

export function trainingInPeriod(
  data: Pick<LedgerDataset, 'members'> & { training: readonly TrainingRecord[] },
  options: Pick<ExportOptions, 'period'>,
): TrainingRecord[] {
  const nameOf = nameResolver(data.members);
  return data.training
    .filter((r) => isInPeriod(r.date, options.period))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : compareByPinyin(nameOf(a.memberId) ?? '', nameOf(b.memberId) ?? '')));
}

export function trainingTable(data: Pick<LedgerDataset, 'members'>): ExportTable<TrainingRecord> {
  const nameOf = nameResolver(data.members);
  return tableFromDefinition<TrainingRecord>(trainingLedger, [ // why: each definition is of its own record type
    { field: 'name', width: WIDTH.name, format: 'text', value: (r) => nameOf(r.memberId) },
    { field: 'date', width: WIDTH.date, format: 'date', value: (r) => dateCell(r.date) },
    { field: 'activity', width: WIDTH.long, format: 'text', value: (r) => r.activity },
    { field: 'form', width: 10, format: 'text', value: (r) => r.form },
    { field: 'hours', width: 6, format: 'number', value: (r) => r.hours },
  ]);
}

/** One member's hours of one year against the goal. */
export interface TrainingTotalRow extends MemberHours {
  year: number;
}

/** Each year of the period, every member on the roster that year (hoursByMember). */
export function trainingTotalsInPeriod(
  data: Pick<LedgerDataset, 'branch' | 'members'> & { training: readonly TrainingRecord[] },
  options: Pick<ExportOptions, 'period'>,
  settings: Pick<TrainingSettings, 'memberGoalHours' | 'leaderGoalHours'>,
): TrainingTotalRow[] {
  return yearsOfPeriod(options.period).flatMap((year) =>
    hoursByMember(data.branch, data.members, data.training, year, settings).map((row) => ({ ...row, year })),
  );
}

/** 学时统计: not an import ledger (no 学时 column of its own name), so its columns are listed here. */
export function trainingTotalsTable(): ExportTable<TrainingTotalRow> {
  return {
    columns: [
      { field: 'year', label: '统计年度', width: 8, format: 'integer' },
      { field: 'name', label: '姓名', width: WIDTH.name, format: 'text' },
      { field: 'post', label: '党内身份', width: WIDTH.enumeration, format: 'text' },
      { field: 'goal', label: '应完成学时', width: 10, format: 'number' },
      { field: 'hours', label: '已完成学时', width: 10, format: 'number' },
      { field: 'gap', label: '尚差学时', width: 10, format: 'number' },
    ],
    row: (r) => [r.year, r.member.name, r.post, r.goal, r.hours, r.gap],
  };
}

/**
 * 学时统计, the second sheet of 09_学习培训学时: the goals are the branch's 学时 settings (the dataset's), so the sheet
 * says what the 自检报告 judges by.
 */
export function addTrainingTotalsSheet(workbook: Workbook, data: LedgerDataset, options: ExportOptions): void {
  const { memberGoalHours, leaderGoalHours } = data.trainingSettings;
  const rows = trainingTotalsInPeriod(data, options, data.trainingSettings);
  const table = trainingTotalsTable();
  const short = rows.filter((r) => r.gap > 0).length;
  const sheet = addLedgerSheet(workbook, {
    name: '学时统计',
    title: `${data.branch.name} ${options.period.label} 党员学习培训学时统计`,
    info: `${infoLine(data.branch.name, options.generatedOn, rows.length, '人次')}，未达标 ${short} 人次（党员每年不少于${memberGoalHours}学时，书记和支委不少于${leaderGoalHours}学时）`,
    columns: table.columns,
  });
  addRows(sheet, rows.map(table.row));
}

export const TRAINING_TEMPLATE_GUIDE: Record<TrainingColumnField, ColumnGuide> = {
  name: { required: true, width: WIDTH.name, meaning: '党员姓名，每行一人；多人参加同一次学习请分行填写', example: '张三' },
  date: { required: true, format: 'date', width: WIDTH.date, meaning: '学习培训的日期（多日的培训填开始日期）', example: '2025-03-05' },
  activity: { required: true, width: WIDTH.long, meaning: '学习培训内容或活动名称', example: '学习《中国共产党纪律处分条例》' },
  form: {
    required: true,
    list: { name: '形式', values: TRAINING_FORMS, strict: true },
    width: 10,
    meaning: '集中学习填“支部学习”，党课填“专题讲座”，学习强国、网络学院等填“网络学习”',
    example: '支部学习',
  },
  hours: { required: true, width: 6, meaning: '学时数，以0.5为单位；也可写“半天”“一天”，按“设置 → 学时”中的计时折算', example: '2' },
  remarks: { width: WIDTH.medium, meaning: '仅供核对，不导入', example: '' },
};
