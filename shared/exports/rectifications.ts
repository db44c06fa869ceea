import { formatDate } from '../dates';
import { rectificationsLedger } from '../ledgers/definitions';
import { RECTIFICATION_CATEGORIES, RECTIFICATION_SOURCES, RECTIFICATION_STATUSES, type Rectification } from '../model/rectification';
import { tableFromDefinition, type ExportTable, type ColumnGuide, strictList } from './columns';
import { dateCell, WIDTH } from './sheet';
import type { ExportOptions, LedgerDataset } from './types';

/** 05_整改台账: tasks raised in the period or still open during it, by the day they were raised. */

function raisedOn(task: Rectification): string {
  return task.createdAt.slice(0, 10);
}

export function rectificationsInPeriod(data: Pick<LedgerDataset, 'rectifications'>, options: Pick<ExportOptions, 'period'>): Rectification[] {
  const { start, end } = options.period;
  return data.rectifications
    .filter((task) => {
      const raised = raisedOn(task);
      if (raised > end) {
        return false;
     }
      if (raised >= start) {
        return true;
     }
      // Raised before the period: in it when still open at its start.
      return task.status !== '已销号' || (task.closedOn !== undefined && task.closedOn >= start);
   })
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

function progressText(task: Rectification): string | undefined {
  const lines = task.progress.map((p) => `${formatDate(p.date)}：${p.text}`);
  return lines.length ? lines.join('\n') : undefined;
}

export function rectificationsTable(): ExportTable<Rectification> {
  return tableFromDefinition<Rectification>(rectificationsLedger, [
    { field: 'source', width: WIDTH.enumeration, format: 'text', value: (t) => t.source },
    { field: 'category', width: WIDTH.enumeration, format: 'text', value: (t) => t.category },
    { field: 'problem', width: 30, format: 'text', value: (t) => t.problem },
    { field: 'goal', width: 20, format: 'text', value: (t) => t.goal },
    { field: 'measures', width: 30, format: 'text', value: (t) => t.measures },
    { field: 'leader', width: WIDTH.name, format: 'text', value: (t) => t.leader },
    { field: 'owner', width: WIDTH.name, format: 'text', value: (t) => t.owner },
    { field: 'deadline', width: WIDTH.date, format: 'date', value: (t) => dateCell(t.deadline) },
    { field: 'progress', width: 30, format: 'text', value: progressText },
    { field: 'outcome', width: 24, format: 'text', value: (t) => t.outcome },
    { field: 'closed', width: 8, format: 'text', value: (t) => (t.status === '已销号' ? '是' : '否') },
    { field: 'closedOn', width: WIDTH.date, format: 'date', value: (t) => dateCell(t.closedOn) },
    { field: 'status', width: WIDTH.enumeration, format: 'text', value: (t) => t.status },
    { field: 'reviewer', width: WIDTH.name, format: 'text', value: (t) => t.reviewer },
  ]);
}

/** The 填表说明 of the blank rectifications template, one entry per column of the import definition. */
export const RECTIFICATION_TEMPLATE_GUIDE: Record<string, ColumnGuide> = {
  source: { required: true, list: strictList('问题来源', RECTIFICATION_SOURCES), width: WIDTH.enumeration, meaning: '从下拉列表选择', example: '组织生活会' },
  category: { required: true, list: strictList('问题类别', RECTIFICATION_CATEGORIES), width: WIDTH.enumeration, meaning: '从下拉列表选择', example: '作风建设' },
  problem: { required: true, width: 30, meaning: '存在的问题', example: '理论学习不够深入系统' },
  goal: { width: 20, meaning: '整改目标', example: '' },
  measures: { width: 30, meaning: '整改措施', example: '制定年度学习计划，每月集中学习1次' },
  leader: { width: WIDTH.name, meaning: '责任领导姓名', example: '' },
  owner: { width: WIDTH.name, meaning: '责任人姓名，多人用顿号分隔', example: '张三' },
  deadline: { format: 'date', width: WIDTH.date, meaning: '整改完成时限', example: '2025-06-30' },
  progress: { width: 30, meaning: '整改进展', example: '' },
  outcome: { width: 24, meaning: '完成情况', example: '' },
  closed: { list: strictList('是否销号', ['是', '否']), width: 8, meaning: '是或否', example: '否' },
  closedOn: { format: 'date', width: WIDTH.date, meaning: '销号日期，已销号的填写', example: '' },
  status: { list: strictList('状态', RECTIFICATION_STATUSES), width: WIDTH.enumeration, meaning: '从下拉列表选择', example: '整改中' },
  reviewer: { width: WIDTH.name, meaning: '销号审核人', example: '' },
  remarks: { width: WIDTH.medium, meaning: '其他需要说明的情况', example: '' },
};
