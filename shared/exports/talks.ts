import { talksLedger } from '../ledgers/definitions';
import { TALK_FORMS, TALK_KINDS, type Talk } from '../model/talk';
import { joinNames, nameResolver, tableFromDefinition, type ExportTable, type ColumnGuide, strictList } from './columns';
import { isInPeriod } from './period';
import { dateCell, WIDTH } from './sheet';
import type { ExportOptions, LedgerDataset } from './types';

/** 03_谈心谈话台账: the talks dated in the period, by date. */

export function talksInPeriod(data: Pick<LedgerDataset, 'talks'>, options: Pick<ExportOptions, 'period'>): Talk[] {
  return data.talks
    .filter((t) => isInPeriod(t.date, options.period))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

export function talksTable(data: LedgerDataset): ExportTable<Talk> {
  const nameOf = nameResolver(data.members);
  return tableFromDefinition<Talk>(talksLedger, [
    { field: 'date', width: WIDTH.date, format: 'date', value: (t) => dateCell(t.date) },
    { field: 'location', width: WIDTH.medium, format: 'text', value: (t) => t.location },
    { field: 'talker', width: WIDTH.name, format: 'text', value: (t) => nameOf(t.talkerId) },
    { field: 'talkees', width: WIDTH.medium, format: 'text', value: (t) => joinNames(t.intervieweeIds.map((id) => nameOf(id) ?? '')) },
    { field: 'kind', width: WIDTH.enumeration, format: 'text', value: (t) => t.kind },
    { field: 'form', width: 8, format: 'text', value: (t) => t.form },
    { field: 'content', width: WIDTH.long, format: 'text', value: (t) => t.content },
    { field: 'issues', width: 28, format: 'text', value: (t) => t.issuesRaised },
    { field: 'followUp', width: 24, format: 'text', value: (t) => t.followUp },
  ]);
}

/** The 填表说明 of the blank talks template, one entry per column of the import definition. */
export const TALK_TEMPLATE_GUIDE: Record<string, ColumnGuide> = {
  date: { required: true, format: 'date', width: WIDTH.date, meaning: '谈话日期', example: '2025-03-05' },
  location: { width: WIDTH.medium, meaning: '谈话地点', example: '书记办公室' },
  talker: { required: true, width: WIDTH.name, meaning: '谈话人姓名', example: '张三' },
  talkees: { required: true, width: WIDTH.medium, meaning: '谈话对象姓名；集中谈话多人用顿号分隔', example: '李四' },
  kind: { list: strictList('谈话类型', TALK_KINDS), width: WIDTH.enumeration, meaning: '从下拉列表选择；不填为“交流谈话”', example: '交流谈话' },
  form: { list: strictList('谈话形式', TALK_FORMS), width: 8, meaning: '个别或集中；不填为“个别”', example: '个别' },
  content: { width: WIDTH.long, meaning: '谈话主要内容', example: '' },
  issues: { width: 28, meaning: '谈话对象反映的问题及思想动态', example: '' },
  followUp: { width: 24, meaning: '后续措施', example: '' },
  recorder: { width: WIDTH.name, meaning: '记录人姓名', example: '' },
  remarks: { width: WIDTH.medium, meaning: '其他需要说明的情况', example: '' },
};
