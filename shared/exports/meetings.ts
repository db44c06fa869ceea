import { formatAbsentee, meetingsLedger } from '../ledgers/definitions';
import { meetingCounts } from '../meetings/attendance';
import { MEETING_TYPES, type Meeting } from '../model/meeting';
import { oneOf } from '../oneOf';
import { countsAs, meetingDate } from '../rules/roster';
import { joinNames, nameResolver, tableFromDefinition, type ExportTable, type ColumnGuide, looseList } from './columns';
import { isInPeriod } from './period';
import type { Workbook } from 'exceljs';
import { addLedgerSheet, addRows, dateTimeCell, infoLine, WIDTH } from './sheet';
import type { ExportOptions, ExportPeriod, LedgerDataset } from './types';

/** 02_三会一课台账: the meetings dated in the period, by time; and the 类型×月份 count of meetings held. */

export function meetingsInPeriod(data: Pick<LedgerDataset, 'meetings'>, options: Pick<ExportOptions, 'period'>): Meeting[] {
  return data.meetings
    .filter((m) => isInPeriod(meetingDate(m), options.period))
    .sort((a, b) => (a.startAt < b.startAt ? -1 : a.startAt > b.startAt ? 1 : 0));
}

export function meetingsTable(data: LedgerDataset): ExportTable<Meeting> {
  const nameOf = nameResolver(data.members);
  const groups = new Map(data.branch.partyGroups.map((g) => [g.id, g.name]));
  // Written as the importer reads them back (parseAbsentees): 张三（出差） is 请假 with its reason, 李四（缺席：…）
  // is 缺席 with its reason.
  const absentees = (m: Meeting) =>
    joinNames(
      m.attendance
        .filter((a): a is typeof a & { state: '请假' | '缺席' } => a.state !== '出席')
        .map((a) => formatAbsentee(nameOf(a.memberId) ?? '', a.state, a.reason)),
    );
  return tableFromDefinition<Meeting>(meetingsLedger, [
    { field: 'type', width: WIDTH.enumeration, format: 'text', value: (m) => m.type },
    { field: 'title', width: 24, format: 'text', value: (m) => m.title },
    { field: 'startAt', width: WIDTH.datetime, format: 'datetime', value: (m) => dateTimeCell(m.startAt) },
    { field: 'location', width: WIDTH.medium, format: 'text', value: (m) => m.location },
    { field: 'host', width: WIDTH.name, format: 'text', value: (m) => nameOf(m.hostId) },
    { field: 'recorder', width: WIDTH.name, format: 'text', value: (m) => nameOf(m.recorderId) },
    { field: 'expected', width: 8, format: 'integer', value: (m) => meetingCounts(m)?.expected },
    { field: 'present', width: 8, format: 'integer', value: (m) => meetingCounts(m)?.present },
    { field: 'absentees', width: WIDTH.medium, format: 'text', value: absentees },
    { field: 'attendees', width: WIDTH.medium, format: 'text', value: (m) => m.attendees },
    { field: 'partyGroup', width: WIDTH.enumeration, format: 'text', value: (m) => (m.partyGroupId ? groups.get(m.partyGroupId) : undefined) },
    { field: 'topic', width: 24, format: 'text', value: (m) => (m.topics.length ? m.topics.join('\n') : undefined) },
    { field: 'content', width: WIDTH.long, format: 'text', value: (m) => m.content },
    { field: 'resolution', width: 24, format: 'text', value: (m) => (m.resolutions.length ? m.resolutions.map((r) => r.text).join('\n') : undefined) },
  ]);
}

/** The months of the period, `YYYY-MM`. */
export function monthsOf(period: Pick<ExportPeriod, 'start' | 'end'>): string[] {
  const months: string[] = [];
  let y = Number(period.start.slice(0, 4));
  let m = Number(period.start.slice(5, 7));
  const last = period.end.slice(0, 7);
  for (;;) {
    const key = `${y}-${String(m).padStart(2, '0')}`;
    if (key > last) {
      break;
   }
    months.push(key);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
   }
 }
  return months;
}

export interface TypeMonthMatrix {
  months: string[];
  rows: { type: string; counts: number[]; total: number }[];
}

/**
 * Meetings held (dated in the period and not after `generatedOn`) per type and month; a meeting counts for its own
 * type and for every type it also counts as (a 主题党日 held as a 党课 is in both rows).
 */
export function typeMonthMatrix(meetings: readonly Meeting[], options: Pick<ExportOptions, 'period' | 'generatedOn'>): TypeMonthMatrix {
  const months = monthsOf(options.period);
  const index = new Map(months.map((m, i) => [m, i]));
  const extra = new Set<string>();
  for (const m of meetings) {
    for (const t of [m.type, ...m.alsoCountsAs]) {
      if (!oneOf(MEETING_TYPES, t)) {
        extra.add(t);
     }
   }
 }
  const types = [...MEETING_TYPES, ...[...extra].sort()];
  const held = meetings.filter((m) => isInPeriod(meetingDate(m), options.period) && meetingDate(m) <= options.generatedOn);
  const rows = types.map((type) => {
    const counts = months.map(() => 0);
    for (const m of held) {
      if (countsAs(m, type)) {
        const i = index.get(meetingDate(m).slice(0, 7));
        if (i !== undefined) {
          counts[i] += 1;
       }
     }
   }
    return { type, counts, total: counts.reduce((a, b) => a + b, 0) };
 });
  return { months, rows };
}

/** The sheet 类型×月份 beside the meetings (in the first part of a ledger in parts). */
export function addMeetingMatrixSheet(workbook: Workbook, data: LedgerDataset, options: ExportOptions): void {
  const matrix = typeMonthMatrix(data.meetings, options);
  const sameYear = matrix.months.every((m) => m.slice(0, 4) === matrix.months[0]?.slice(0, 4));
  const monthLabel = (m: string) => (sameYear ? `${Number(m.slice(5, 7))}月` : `${m.slice(0, 4)}年${Number(m.slice(5, 7))}月`);
  const sheet = addLedgerSheet(workbook, {
    name: '类型×月份',
    title: `${data.branch.name} ${options.period.label} “三会一课”开展情况统计`,
    info: `${infoLine(data.branch.name, options.generatedOn, matrix.rows.reduce((n, r) => n + r.total, 0), '次')}（已召开的会议；“同时计为”的会议在各类型中均计入）`,
    columns: [
      { label: '会议类型', width: 14, format: 'text' },
      ...matrix.months.map((m) => ({ label: monthLabel(m), width: sameYear ? 6 : 10, format: 'integer' as const })),
      { label: '合计', width: 7, format: 'integer' },
    ],
 });
  addRows(
    sheet,
    matrix.rows.map((row) => [row.type, ...row.counts, row.total]),
  );
}

/** The 填表说明 of the blank meetings template, one entry per column of the import definition. */
export const MEETING_TEMPLATE_GUIDE: Record<string, ColumnGuide> = {
  type: { required: true, list: looseList('会议类型', MEETING_TYPES), width: WIDTH.enumeration, meaning: '从下拉列表选择；设置中新增的类型可直接填写', example: '支部党员大会' },
  title: { width: 24, meaning: '会议名称；不填时按会议类型、日期和第一项议题生成', example: '2025年3月支部党员大会' },
  startAt: { required: true, format: 'datetime', width: WIDTH.datetime, meaning: '会议开始的日期和时间', example: '2025-03-05 14:30' },
  location: { width: WIDTH.medium, meaning: '会议地点', example: '三楼会议室' },
  host: { width: WIDTH.name, meaning: '主持人姓名', example: '张三' },
  recorder: { width: WIDTH.name, meaning: '记录人姓名', example: '李四' },
  expected: { format: 'integer', width: 8, meaning: '应到会人数（整数）', example: '25' },
  present: { format: 'integer', width: 8, meaning: '实到会人数（整数）', example: '23' },
  absentees: { width: WIDTH.medium, meaning: '缺席、请假人员姓名及原因，多人用顿号分隔', example: '王五（请假：出差）' },
  attendees: { width: WIDTH.medium, meaning: '列席人员', example: '入党积极分子赵六' },
  partyGroup: { width: WIDTH.enumeration, meaning: '党小组会填写党小组名称，与系统中的名称一致', example: '第一党小组' },
  topic: { width: 24, meaning: '会议议题，多项议题分行填写', example: '学习贯彻党的二十届三中全会精神' },
  content: { width: WIDTH.long, meaning: '会议内容摘要', example: '' },
  resolution: { width: 24, meaning: '会议形成的决议', example: '' },
};
