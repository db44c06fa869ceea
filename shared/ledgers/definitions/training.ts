import { z } from 'zod';
import { isoDateSchema } from '../../dates';
import { TRAINING_FORMS, type TrainingForm } from '../../model/training';
import { DURATION_UNITS, type DurationUnit } from '../../training/settings';
import { normalizeToken } from '../normalize';
import type { CellParser, ColumnDefinition, LedgerDefinition, RecordContext, RecordResult } from '../types';
import { cellText, enumParser, parseDate, parseText } from '../values';
import { finish, oneMemberName, textColumn, trimmed } from './common';

/**
 * 学习培训学时登记表 (DOMAIN §3.10): one row per member and activity. 学时 is a number as written (`2`, `2学时`,
 * `1.5小时`), or a duration (`半天`, `一天`, `2天`) that the plan turns into hours with the 学时 settings
 * (shared/imports/training.ts): the definition keeps what was written. A row naming several members (`张三、李四`) is
 * refused: each member's hours are a record of their own, one row each.
 */

export type TrainingColumnField = 'name' | 'date' | 'activity' | 'form' | 'hours' | 'remarks';

const FORM_ALIASES: Record<string, TrainingForm> = {
  脱产: '脱产培训', 脱产学习: '脱产培训', 集中培训: '脱产培训', 培训班: '脱产培训', 党校培训: '脱产培训', 党校学习: '脱产培训',
  轮训: '脱产培训', 集中轮训: '脱产培训', 专题培训班: '脱产培训', 脱产轮训: '脱产培训', 进修: '脱产培训',
  讲座: '专题讲座', 专题报告: '专题讲座', 报告会: '专题讲座', 党课: '专题讲座', 专题党课: '专题讲座', 讲党课: '专题讲座',
  辅导报告: '专题讲座', 专题辅导: '专题讲座', 宣讲: '专题讲座', 专题宣讲: '专题讲座',
  集中学习: '支部学习', 支部集中学习: '支部学习', 理论学习: '支部学习', 集体学习: '支部学习', 学习会: '支部学习',
  组织生活: '支部学习', 三会一课: '支部学习', 支部集体学习: '支部学习', 党小组学习: '支部学习',
  实践: '主题实践', 实践活动: '主题实践', 主题党日: '主题实践', 参观: '主题实践', 参观学习: '主题实践', 现场教学: '主题实践',
  志愿服务: '主题实践', 红色教育: '主题实践', 主题实践活动: '主题实践', 实地参观: '主题实践',
  网络: '网络学习', 网上学习: '网络学习', 线上学习: '网络学习', 在线学习: '网络学习', 学习强国: '网络学习', 网络培训: '网络学习',
  网络学院: '网络学习', 干部网络学院: '网络学习', 网上培训: '网络学习', 线上培训: '网络学习', 远程教育: '网络学习',
  党员教育平台: '网络学习', 网络专题班: '网络学习', 在线培训: '网络学习',
};

/** 学时 as written: a number of hours, or a count of half days or days. */
export type WrittenHours = { hours: number } | { unit: DurationUnit; count: number };

const CN_COUNTS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** `2`, `2学时`, `1.5小时`, `2h`, `半天`, `半日`, `一天`, `全天`, `3天`, `两天`. */
export const parseHours: CellParser<WrittenHours> = (cell) => {
  if (cell.kind === 'empty') {
    return { ok: true, value: undefined };
  }
  if (cell.kind === 'error') {
    return { ok: false, message: cell.message };
  }
  if (cell.kind === 'number') {
    return { ok: true, value: { hours: cell.number } };
  }
  const token = normalizeToken(cellText(cell)).toLowerCase();
  const number = /^(\d+(?:\.\d+)?)(?:学时|小时|课时|个学时|个小时|h)?$/.exec(token);
  if (number) {
    return { ok: true, value: { hours: Number(number[1]) } };
  }
  if (/^半(?:天|日)$/.test(token)) {
    return { ok: true, value: { unit: '半天', count: 1 } };
  }
  if (/^(?:全天|整天)$/.test(token)) {
    return { ok: true, value: { unit: '一天', count: 1 } };
  }
  const days = /^(\d+(?:\.5)?|[一两二三四五六七八九十])(个)?(半天|天|日)$/.exec(token);
  if (days) {
    const count = CN_COUNTS[days[1]] ?? Number(days[1]);
    return { ok: true, value: days[3] === '半天' ? { unit: '半天', count } : { unit: '一天', count } };
  }
  return { ok: false, message: `“${cellText(cell)}”不是学时，请写成数字（如 2 或 1.5），或写“半天”“一天”` };
};

/** `2025.3.1-3.5`, `2025年3月1日至5日`, `2025-03-01至2025-03-05`: a 培训班 of several days, written as its span. */
const SPAN = /^(.+?)\s*(?:至|到|~|～|—|–)\s*\S+$/;
/** A span joined by `-`, only between dates not written with `-` themselves (2025.3.1-3.5, 2025/3/1-3/5). */
const DASHED_SPAN = /^(\d{4}[.年/][^-]*?)\s*-\s*[^-]+$/;

/**
 * 日期 as written; a span of days (a 培训班) is kept by its first day, with a warning: a record is one date, and the
 * first is what the span says the training began on.
 */
export const parseTrainingDate: CellParser<string> = (cell) => {
  const read = parseDate(cell);
  if (read.ok || cell.kind !== 'text') {
    return read;
  }
  const written = cell.text.trim();
  const first = (SPAN.exec(written) ?? DASHED_SPAN.exec(written))?.[1];
  const start = first ? parseDate({ kind: 'text', text: first }) : undefined;
  if (start?.ok && start.value && start.value.length === 10) {
    return { ok: true, value: start.value, warning: `“${written}”是一段日期，按开始日期${start.value}登记` };
  }
  return read;
};

const columns: ColumnDefinition<TrainingColumnField>[] = [
  { field: 'name', label: '姓名', headers: ['姓名', '党员姓名', '参学人员', '参训人员', '学员', '学员姓名', '参加人员'], parse: parseText },
  {
    field: 'date',
    label: '日期',
    headers: ['日期', '学习日期', '培训日期', '学习时间', '培训时间', '时间', '活动日期', '活动时间', '参学日期', '参训日期'],
    parse: parseTrainingDate,
  },
  textColumn('activity', '学习培训内容', ['学习内容', '培训内容', '活动名称', '活动内容', '学习主题', '培训项目', '课程名称', '项目名称', '内容', '学习培训项目', '主题', '培训班名称', '学习培训名称', '课程']),
  {
    field: 'form',
    label: '形式',
    headers: ['形式', '学习形式', '培训形式', '学习方式', '培训方式', '方式', '类型', '学习类型', '培训类型', '学习培训形式'],
    parse: enumParser('形式', TRAINING_FORMS, FORM_ALIASES),
  },
  { field: 'hours', label: '学时', headers: ['学时', '学时数', '折算学时', '计入学时', '获得学时', '学习学时', '培训学时', '课时', '时长', '学习时长', '培训时长'], parse: parseHours },
  {
    ...textColumn('remarks', '备注', []),
    notKept: '学时记录没有备注项，本列仅供核对，不导入',
  },
];

export const importedTrainingSchema = z.object({
  memberName: z.string().min(1),
  date: isoDateSchema,
  activity: z.string().min(1),
  form: z.enum(TRAINING_FORMS),
  /** As written: hours, or half days/days turned into hours by the plan with the 学时 settings. */
  hours: z.union([z.object({ hours: z.number() }), z.object({ unit: z.enum(DURATION_UNITS), count: z.number().positive() })]),
});
export type ImportedTraining = z.infer<typeof importedTrainingSchema>;

/** What the column parsers above return, field by field. */
interface TrainingValues {
  name?: string;
  date?: string;
  activity?: string;
  form?: TrainingForm;
  hours?: WrittenHours;
  remarks?: string;
}

function toRecord(parsed: Partial<Record<TrainingColumnField, unknown>>, context: RecordContext): RecordResult<ImportedTraining, TrainingColumnField> {
  // Each field holds what its column's parser returned: the columns above decide the types.
  const values = parsed as TrainingValues;
  const issues: RecordResult<ImportedTraining, TrainingColumnField>['issues'] = [];
  const name = oneMemberName(values.name, 'name', '学时', issues);
  const activity = trimmed(values.activity);
  const { date, hours } = values;
  if (!date) {
    issues.push({ field: 'date', severity: 'error', message: '缺少日期' });
  } else if (date.length < 10) {
    issues.push({ field: 'date', severity: 'error', message: `日期只写到月（${date}），请写明哪一天` });
  }
  if (!activity) {
    issues.push({ field: 'activity', severity: 'error', message: '缺少学习培训内容，无法确定是哪一次学习' });
  }
  // 形式 and 学时 are what the record is: without them it cannot be stored (a whole column may be set in the preview).
  if (!values.form) {
    issues.push({ field: 'form', severity: 'error', message: '缺少形式（脱产培训、专题讲座、支部学习、主题实践或网络学习），可在下方为本表设置统一的形式' });
  }
  if (!hours) {
    issues.push({ field: 'hours', severity: 'error', message: '缺少学时' });
  } else if ('hours' in hours && (!(hours.hours > 0) || !Number.isInteger(hours.hours * 2) || hours.hours > 400)) {
    issues.push({ field: 'hours', severity: 'error', message: `学时“${hours.hours}”不符合要求：应大于0，以0.5为单位` });
  }
  // Columns the user chose to keep “in 备注” land here: with nowhere to keep them, say so on the row (a 备注 column
  // of the sheet is said once for the sheet, notKept).
  if (values.remarks && !context.fieldsInSheet?.has('remarks')) {
    issues.push({ severity: 'warning', message: `学时记录没有备注项，未导入：${values.remarks.replace(/\n/g, '；')}` });
  }
  return finish(
    importedTrainingSchema,
    { memberName: name, date, activity, form: values.form, hours },
    issues,
  );
}

export const trainingLedger: LedgerDefinition<TrainingColumnField, ImportedTraining> = {
  kind: 'training',
  label: '学习培训学时',
  columns,
  keyFields: [['name'], ['hours']],
  // 形式 and 学时 do not say which activity, but the record is nothing without them: an unreadable one refuses the row.
  identity: ['name', 'date', 'activity', 'form', 'hours'],
  remarksField: 'remarks',
  toRecord,
};
