import { z } from 'zod';
import { isoDateSchema } from '../../dates';
import {
  RECTIFICATION_CATEGORIES,
  RECTIFICATION_SOURCES,
  RECTIFICATION_STATUSES,
  type RectificationStatus,
} from '../../model/rectification';
import { parseDateText } from '../dates';
import type { ColumnDefinition, LedgerDefinition, RecordResult } from '../types';
import { enumParser, parseDate, parseYesNo } from '../values';
import { finish, textColumn, withNote } from './common';

/**
 * 问题整改台账 (DOMAIN §3.7): one row per problem. 状态 comes from its column, else from 是否销号 and the words of
 * 整改进展 (a warning says what was derived). 整改进展 is read as dated lines (parseProgress): a line starting
 * with a date begins a progress entry of that date; text before any date is one entry the plan dates the import day.
 */

export type RectificationColumnField =
  | 'source' | 'category' | 'problem' | 'goal' | 'measures' | 'leader' | 'owner' | 'deadline' | 'progress'
  | 'outcome' | 'closed' | 'closedOn' | 'status' | 'reviewer' | 'remarks';

const SOURCE_ALIASES: Record<string, (typeof RECTIFICATION_SOURCES)[number]> = {
  组织生活会查摆: '组织生活会', 组织生活会检视: '组织生活会', 专题组织生活会: '组织生活会', 组织生活会查摆问题: '组织生活会',
  民主评议党员: '民主评议', 民主评议查摆: '民主评议',
  上级党委检查反馈: '上级检查反馈', 上级检查: '上级检查反馈', 检查反馈: '上级检查反馈', 督查反馈: '上级检查反馈',
  上级督查: '上级检查反馈', 考核反馈: '上级检查反馈', 党建考核反馈: '上级检查反馈',
  巡视: '巡视巡察', 巡察: '巡视巡察', 巡视反馈: '巡视巡察', 巡察反馈: '巡视巡察', 巡视整改: '巡视巡察', 巡察整改: '巡视巡察',
  述职评议: '述职点评', 书记述职: '述职点评', 述职评议考核: '述职点评', 抓党建述职: '述职点评',
  主题教育: '主题教育检视', 检视问题: '主题教育检视', 主题教育检视问题: '主题教育检视',
  自查自纠: '自查', 自我查摆: '自查', 支部自查: '自查',
};

const CATEGORY_ALIASES: Record<string, (typeof RECTIFICATION_CATEGORIES)[number]> = {
  政治: '政治建设', 思想建设: '政治建设', 思想政治: '政治建设', 理论学习: '政治建设',
  作风: '作风建设', 纪律: '纪律建设', 廉政建设: '纪律建设', 党风廉政建设: '纪律建设',
  组织: '组织建设', 基层组织建设: '组织建设', 制度建设: '组织建设', 群团: '群团建设', 其它: '其他',
};

const STATUS_ALIASES: Record<string, RectificationStatus> = {
  未开始: '未启动', 尚未启动: '未启动', 待整改: '未启动',
  正在整改: '整改中', 推进中: '整改中', 整改推进中: '整改中', 进行中: '整改中', 未完成: '整改中',
  已完成: '已完成待验收', 已整改: '已完成待验收', 已整改到位: '已完成待验收', 整改完成: '已完成待验收', 待验收: '已完成待验收',
  销号: '已销号', 已办结: '已销号', 完成销号: '已销号',
  长期: '长期坚持', 持续整改: '长期坚持', 长期整改: '长期坚持', 持续推进: '长期坚持',
};

const columns: ColumnDefinition<RectificationColumnField>[] = [
  { field: 'source', label: '问题来源', headers: ['问题来源', '来源'], parse: enumParser('问题来源', RECTIFICATION_SOURCES, SOURCE_ALIASES) },
  { field: 'category', label: '问题类别', headers: ['问题类别', '问题类型', '类别'], parse: enumParser('问题类别', RECTIFICATION_CATEGORIES, CATEGORY_ALIASES) },
  textColumn('problem', '存在问题', ['问题描述', '发现问题', '整改前问题', '问题表现', '具体问题', '问题清单']),
  textColumn('goal', '整改目标', []),
  textColumn('measures', '整改措施', ['整改要求和建议', '整改举措']),
  textColumn('leader', '责任领导', ['分管领导']),
  textColumn('owner', '责任人', ['整改责任人', '整改人']),
  { field: 'deadline', label: '整改时限', headers: ['整改时限', '完成时限', '整改期限', '完成时间'], parse: parseDate },
  textColumn('progress', '整改进展', ['整改情况', '整改后情况', '进展情况']),
  textColumn('outcome', '完成情况', ['整改结果', '整改成效']),
  { field: 'closed', label: '是否销号', headers: ['是否销号', '销号'], parse: parseYesNo },
  { field: 'closedOn', label: '销号日期', headers: ['销号日期', '销号时间'], parse: parseDate },
  { field: 'status', label: '状态', headers: ['状态', '整改状态'], parse: enumParser('整改状态', RECTIFICATION_STATUSES, STATUS_ALIASES) },
  textColumn('reviewer', '销号审核人', ['审核人', '验收人']),
  textColumn('remarks', '备注', []),
];

export const importedRectificationSchema = z.object({
  source: z.enum(RECTIFICATION_SOURCES),
  category: z.enum(RECTIFICATION_CATEGORIES),
  problem: z.string().min(1),
  goal: z.string().optional(),
  measures: z.string().optional(),
  leader: z.string().optional(),
  owner: z.string().optional(),
  deadline: isoDateSchema.optional(),
  /** 整改进展 as written. */
  progressText: z.string().optional(),
  /** 整改进展 as entries (parseProgress): the plan merges them with the stored progress by date and text. */
  progressEntries: z.array(z.object({ date: isoDateSchema.optional(), text: z.string().min(1) })),
  outcome: z.string().optional(),
  status: z.enum(RECTIFICATION_STATUSES),
  closedOn: isoDateSchema.optional(),
  reviewer: z.string().optional(),
});
export type ImportedRectification = z.infer<typeof importedRectificationSchema>;

export interface ProgressLine {
  /** `YYYY-MM-DD` when the line started with a date; absent for text written before any date. */
  date?: string;
  text: string;
}

/** Full-width digits and punctuation half-width, one character for one (so positions stay the same). */
const halfWidth = (text: string) => text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));

/** A date at the start of a line (2025年3月1日：…, 2025-03-01 …, 2025.3.1、…) and what follows it. */
const LEADING_DATE = /^(\d{4}\s*[-./年]\s*\d{1,2}\s*[-./月]\s*\d{1,2}\s*[日号]?)(?![\d])\s*[:：，,、;；.。]?\s*/;

/**
 * 整改进展 as the export writes it (`2025年3月1日：text`, one entry per line) or as people type it: each line
 * beginning with a full date starts an entry of that date; lines without one continue the entry above (an entry's
 * text may span lines); lines before the first date form one undated entry. A date that does not exist (2月30日)
 * is left in the text, with a message.
 */
export function parseProgress(text: string | undefined): { entries: ProgressLine[]; invalid: string[] } {
  const entries: ProgressLine[] = [];
  const invalid: string[] = [];
  if (!text?.trim()) {
    return { entries, invalid };
  }
  let current: { date?: string; lines: string[] } | undefined;
  const done = () => {
    const body = current?.lines.join('\n').trim();
    if (current && body) {
      entries.push(current.date ? { date: current.date, text: body } : { text: body });
    }
  };
  for (const line of text.split(/\r?\n/)) {
    const m = LEADING_DATE.exec(halfWidth(line.trimStart()));
    const parsed = m ? parseDateText(m[1]) : undefined;
    if (m && parsed?.ok && parsed.value?.date.length === 10) {
      done();
      // halfWidth keeps the length of the line, so the date's length is the same in the line as written.
      current = { date: parsed.value.date, lines: [line.trimStart().slice(m[0].length)] };
    } else {
      if (m && parsed && !parsed.ok) invalid.push(m[1].trim());
      current = current ?? { lines: [] };
      current.lines.push(line);
    }
  }
  done();
  return { entries, invalid };
}

/** The status a row without a 状态 column says through 是否销号 and the words of its 整改进展. */
function derivedStatus(closed: boolean, progress: string | undefined): RectificationStatus {
  if (closed) return '已销号';
  if (!progress) return '未启动';
  if (/长期坚持|持续推进|长期推进|常态化/.test(progress)) return '长期坚持';
  if (/正在|推进中|进行中|尚未|未完成/.test(progress)) return '整改中';
  if (/已整改到位|已完成|整改完成|已整改|已落实/.test(progress)) return '已完成待验收';
  return '整改中';
}

/** What the column parsers above return, field by field (the enum columns give their listed values). */
type RectificationValues = Partial<Record<Exclude<RectificationColumnField, 'status'>, string>> & { status?: RectificationStatus };

function toRecord(
  parsed: Partial<Record<RectificationColumnField, unknown>>,
  context: { today: string },
): RecordResult<ImportedRectification, RectificationColumnField> {
  // Each field holds what its column's parser returned: the columns above decide the types.
  const values = parsed as RectificationValues;
  const issues: RecordResult<ImportedRectification, RectificationColumnField>['issues'] = [];
  const text = (f: RectificationColumnField) => values[f]?.trim() || undefined;
  const problem = text('problem');
  if (!problem) {
    issues.push({ field: 'problem', severity: 'error', message: '缺少存在问题' });
  }
  if (!values.source) {
    issues.push({
      field: 'source',
      severity: 'error',
      message: `缺少问题来源（${RECTIFICATION_SOURCES.join('、')}），请填写，或在预览中为本表统一设置问题来源`,
    });
  }
  let category = values.category;
  if (!category) {
    category = '其他';
    issues.push({ field: 'category', severity: 'warning', message: '没有问题类别，按“其他”导入' });
  }
  let deadline = values.deadline;
  if (deadline && deadline.length === 7) {
    issues.push({ field: 'deadline', severity: 'warning', message: `整改时限只写到月，按该月最后一天导入` });
    const [y, m] = deadline.split('-').map(Number);
    deadline = `${deadline}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
  }
  const progress = text('progress');
  const { entries: progressEntries, invalid } = parseProgress(progress);
  if (invalid.length > 0) {
    issues.push({ field: 'progress', severity: 'warning', message: `整改进展中的日期“${invalid.join('、')}”不存在，这一行按文字导入` });
  }
  const closed = values.closed === '是';
  let status = values.status;
  if (!status) {
    status = derivedStatus(closed, progress);
  } else if (closed && status !== '已销号') {
    issues.push({ field: 'status', severity: 'warning', message: `“是否销号”为是，但状态为${status}；按${status}导入` });
  }
  if (deadline && deadline >= '2090-01-01' && status !== '长期坚持') {
    issues.push({ field: 'deadline', severity: 'warning', message: `整改时限${deadline}很远；如是“长期坚持”，请在状态中注明` });
  }
  const closedOn = values.closedOn;
  if (closedOn && closedOn > context.today) {
    issues.push({ field: 'closedOn', severity: 'error', message: '销号日期不能晚于今天' });
  }
  return finish(
    importedRectificationSchema,
    {
      source: values.source,
      category,
      problem,
      goal: text('goal'),
      measures: text('measures'),
      leader: text('leader'),
      owner: text('owner'),
      deadline,
      progressText: progress,
      progressEntries,
      outcome: withNote(text('outcome'), '备注', text('remarks')),
      status,
      closedOn: closedOn && closedOn.length === 10 ? closedOn : undefined,
      reviewer: text('reviewer'),
    },
    issues,
  );
}

export const rectificationsLedger: LedgerDefinition<RectificationColumnField, ImportedRectification> = {
  kind: 'rectifications',
  label: '问题整改台账',
  columns,
  keyFields: [['problem'], ['measures']],
  identity: ['problem'],
  remarksField: 'remarks',
  toRecord,
};
