import dayjs from 'dayjs';
import { z } from 'zod';
import { isoDateTimeSchema } from '../../dates';
import { defaultMeetingTitle } from '../../meetings/defaults';
import { MEETING_TYPES } from '../../model/meeting';
import type { LedgerDate } from '../dates';
import { normalizeToken } from '../normalize';
import type { CellParser, ColumnDefinition, LedgerDefinition, RecordResult } from '../types';
import { cellText, parseDateTime, parseInteger } from '../values';
import { finish, parseAbsentees, splitNames, textColumn, withNote } from './common';

/**
 * “三会一课”会议记录 (DOMAIN §3.3): one row per meeting. People stay NAMES here (主持人, 记录人, 缺席人员); the import
 * plan (shared/imports/meetings.ts) resolves them against the roster of the target branch.
 *
 * 会议时间 is stored the way the meeting form stores it: the wall-clock time with the computer's offset
 * (`2025-03-05T14:30:00+08:00`), so the meeting shows on the day and at the time written. A date alone or a
 * part of day alone (2025.1.6 上午) gets a usual time (09:00 / 14:30 / 19:00) and `timeKnown: false`: the plan then
 * matches such a row with a stored meeting of the same type on the same day, and keeps the stored time.
 */

export type MeetingColumnField =
  | 'type' | 'title' | 'startAt' | 'location' | 'host' | 'recorder' | 'expected' | 'present' | 'onLeave' | 'absent'
  | 'absentees' | 'attendees' | 'partyGroup' | 'topic' | 'content' | 'resolution' | 'remarks';

export const MEETING_TYPE_ALIASES: Record<string, (typeof MEETING_TYPES)[number]> = {
  支委会: '支部委员会', 支委会议: '支部委员会', 支部委员会会议: '支部委员会', 支委扩大会: '支部委员会', 支委扩大会议: '支部委员会',
  党员大会: '支部党员大会', 支部大会: '支部党员大会', 党支部大会: '支部党员大会', 党员大会会议: '支部党员大会',
  全体党员大会: '支部党员大会', 支部党员会议: '支部党员大会',
  小组会: '党小组会', 党小组会议: '党小组会', 党小组学习会: '党小组会',
  上党课: '党课', 专题党课: '党课', 讲党课: '党课', 书记讲党课: '党课',
  党日活动: '主题党日', 主题党日活动: '主题党日', 固定党日: '主题党日',
  专题组织生活会: '组织生活会', 组织生活会议: '组织生活会',
  民主评议: '民主评议党员', 民主评议会: '民主评议党员',
  集体学习: '集中学习', 理论学习: '集中学习', 专题学习: '集中学习',
};

const TYPE_LOOKUP = new Map<string, string>([
  ...MEETING_TYPES.map((t): [string, string] => [normalizeToken(t), t]),
  ...Object.entries(MEETING_TYPE_ALIASES).map(([a, t]): [string, string] => [normalizeToken(a), t]),
]);

/** 会议类型 with its aliases; an unknown type (one added in 设置) is kept as written, with a warning. */
const parseMeetingType: CellParser<string> = (cell) => {
  if (cell.kind === 'error') {
    return { ok: false, message: cell.message };
  }
  const raw = cellText(cell).trim();
  if (!raw) {
    return { ok: true, value: undefined };
  }
  const found = TYPE_LOOKUP.get(normalizeToken(raw));
  if (found) {
    return { ok: true, value: found };
  }
  return {
    ok: true,
    value: normalizeToken(raw),
    warning: `“${raw}”不是内置的会议类型（${MEETING_TYPES.join('、')}），将按原样导入；如是笔误请改正`,
  };
};

const columns: ColumnDefinition<MeetingColumnField>[] = [
  { field: 'type', label: '会议类型', headers: ['会议类型', '类型', '会议类别', '会议形式'], parse: parseMeetingType },
  textColumn('title', '会议名称', ['会议题目', '会议标题']),
  { field: 'startAt', label: '会议时间', headers: ['会议时间', '召开时间', '会议日期', '时间', '日期', '开会时间'], parse: parseDateTime },
  textColumn('location', '会议地点', ['地点', '召开地点']),
  textColumn('host', '主持人', ['会议主持人', '主持']),
  textColumn('recorder', '记录人', ['记录员', '会议记录人']),
  { field: 'expected', label: '应到人数', headers: ['应到人数', '应到', '应参会人数'], parse: parseInteger },
  { field: 'present', label: '实到人数', headers: ['实到人数', '实到', '参会人数', '实际参会人数', '出席人数'], parse: parseInteger },
  { field: 'onLeave', label: '请假人数', headers: ['请假人数', '请假'], parse: parseInteger },
  { field: 'absent', label: '缺席人数', headers: ['缺席人数', '缺席', '缺会人数'], parse: parseInteger },
  textColumn('absentees', '缺席人员及原因', ['缺席人员', '请假人员', '缺席情况', '请假人员及原因', '缺席人员及请假原因']),
  textColumn('attendees', '列席人员', ['列席']),
  textColumn('partyGroup', '党小组', ['所在党小组', '党小组名称']),
  textColumn('topic', '会议议题', ['议题', '会议主题', '主题']),
  textColumn('content', '会议内容摘要', ['会议内容', '内容', '主要内容', '会议记录']),
  textColumn('resolution', '形成决议', ['决议', '会议决议', '决定事项']),
  textColumn('remarks', '备注', ['备注说明']),
];

const absenceSchema = z.object({ name: z.string().min(1), reason: z.string().optional(), state: z.enum(['请假', '缺席']) });

/** A meeting row ready for planning: people are names, the 党小组 a name. */
export const importedMeetingSchema = z.object({
  type: z.string().min(1),
  title: z.string().min(1),
  /** True when the title was built from type, date and topic (the file had none): an update keeps a stored title. */
  titleGenerated: z.boolean(),
  startAt: isoDateTimeSchema,
  /** False when the file gave only a date or 上午/下午: the time is a usual one, not the meeting's. */
  timeKnown: z.boolean(),
  location: z.string().optional(),
  hostName: z.string().optional(),
  recorderName: z.string().optional(),
  expectedCount: z.number().int().min(0).optional(),
  presentCount: z.number().int().min(0).optional(),
  onLeaveCount: z.number().int().min(0).optional(),
  absentCount: z.number().int().min(0).optional(),
  /** How the type was found when the file had no 会议类型: said in the preview. */
  typeFrom: z.string().optional(),
  absentees: z.array(absenceSchema),
  attendees: z.string().optional(),
  partyGroupName: z.string().optional(),
  topics: z.array(z.string()),
  content: z.string().optional(),
  resolutions: z.array(z.string()),
});
export type ImportedMeeting = z.infer<typeof importedMeetingSchema>;

const USUAL_TIME: Record<string, string> = {
  凌晨: '06:00', 早上: '08:00', 早晨: '08:00', 上午: '09:00', 中午: '12:00', 下午: '14:30', 傍晚: '17:30', 晚上: '19:00', 夜间: '19:00',
};

/** `YYYY-MM-DD` + `HH:mm` → the stored instant: wall-clock time with this computer's offset, like the form. */
export function meetingInstant(date: string, time: string): string {
  return dayjs(`${date}T${time}`).format('YYYY-MM-DDTHH:mm:ssZ');
}

function splitList(text: string | undefined): string[] {
  return (text ?? '')
    .split(/\n|[；;](?=\S)/)
    .map((t) => t.trim())
    .filter(Boolean);
}

/** Type words longest first, so that 支部委员会会议 is found before 党课 inside a longer name. */
const TYPE_WORDS = [...TYPE_LOOKUP.keys()].sort((a, b) => b.length - a.length);

/** The meeting type a name says (2025年3月主题党日活动 → 主题党日, 支部党员大会 → 支部党员大会), if one does. */
export function meetingTypeFromName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  const token = normalizeToken(name);
  const word = TYPE_WORDS.find((w) => token.includes(w));
  return word ? TYPE_LOOKUP.get(word) : undefined;
}

type MeetingTextField = Exclude<MeetingColumnField, 'type' | 'startAt' | 'expected' | 'present' | 'onLeave' | 'absent'>;

/** What the column parsers above return, field by field. */
type MeetingValues = Partial<Record<MeetingTextField | 'type', string>> & {
  startAt?: LedgerDate;
  expected?: number;
  present?: number;
  onLeave?: number;
  absent?: number;
};

/**
 * Only the date identifies a meeting row: without it the row is refused. The type comes from its column, else from
 * the name or topic (主题党日活动 → 主题党日), else from one choice for the whole sheet in the preview (a default).
 */
function toRecord(parsed: Partial<Record<MeetingColumnField, unknown>>): RecordResult<ImportedMeeting, MeetingColumnField> {
  // Each field holds what its column's parser returned: the columns above decide the types.
  const values = parsed as MeetingValues;
  const issues: RecordResult<ImportedMeeting, MeetingColumnField>['issues'] = [];
  const text = (f: MeetingTextField) => values[f]?.trim() || undefined;
  let type = values.type;
  let typeFrom: string | undefined;
  const when = values.startAt;
  if (!type) {
    const named = [text('title'), text('topic')].find((n) => meetingTypeFromName(n));
    type = meetingTypeFromName(named);
    if (type) {
      typeFrom = `会议类型按名称“${(named ?? '').slice(0, 30)}”定为${type}`;
      issues.push({ field: 'type', severity: 'warning', message: typeFrom });
    } else {
      issues.push({
        field: 'type',
        severity: 'error',
        message: '没有会议类型，名称中也看不出是哪类会议。请填写，或在预览中为本表统一设置会议类型',
      });
    }
  }
  let startAt: string | undefined;
  let timeKnown = false;
  if (!when) {
    issues.push({ field: 'startAt', severity: 'error', message: '缺少会议时间' });
  } else if (when.date.length === 7) {
    issues.push({ field: 'startAt', severity: 'error', message: `会议时间只写到月（${when.date}），请写明哪一天` });
  } else if (when.time) {
    startAt = meetingInstant(when.date, when.time);
    timeKnown = true;
  } else {
    const usual = (when.partOfDay && USUAL_TIME[when.partOfDay]) || '09:00';
    startAt = meetingInstant(when.date, usual);
    issues.push({
      field: 'startAt',
      severity: 'warning',
      message: when.partOfDay
        ? `只写了“${when.partOfDay}”，没有具体时刻，按 ${usual} 导入`
        : `只有日期，没有具体时刻，按 ${usual} 导入`,
    });
  }
  const expectedCount = values.expected;
  const presentCount = values.present;
  const onLeaveCount = values.onLeave;
  const absentCount = values.absent;
  const { absentees, unreadable } = parseAbsentees(text('absentees'));
  if (unreadable.length > 0) {
    issues.push({ field: 'absentees', severity: 'warning', message: `看不懂“${unreadable.join('、')}”，请写成“张三（出差）、李四（病假）”` });
  }
  if (expectedCount !== undefined && presentCount !== undefined) {
    if (presentCount > expectedCount) {
      issues.push({ field: 'present', severity: 'warning', message: `实到${presentCount}人多于应到${expectedCount}人，请核对` });
    } else if (absentees.length > 0 && expectedCount - presentCount !== absentees.length) {
      issues.push({
        field: 'absentees',
        severity: 'warning',
        message: `应到${expectedCount}人、实到${presentCount}人，但列出的缺席人员是${absentees.length}人`,
      });
    }
  }
  const topics = splitList(text('topic'));
  const date = when?.date ?? '';
  let title = text('title');
  const titleGenerated = !title;
  if (!title && type && date.length === 10) {
    title = topics[0] ? `${defaultMeetingTitle(type, date, text('partyGroup'))}：${topics[0]}` : defaultMeetingTitle(type, date, text('partyGroup'));
  }
  const hostName = splitNames(text('host'))[0];
  const recorderName = splitNames(text('recorder'))[0];
  return finish(
    importedMeetingSchema,
    {
      type,
      title,
      titleGenerated,
      startAt,
      timeKnown,
      location: text('location'),
      hostName,
      recorderName,
      expectedCount,
      presentCount,
      onLeaveCount,
      absentCount,
      typeFrom,
      absentees,
      attendees: text('attendees'),
      partyGroupName: text('partyGroup'),
      topics,
      content: withNote(text('content'), '备注', text('remarks')),
      resolutions: splitList(text('resolution')),
    },
    issues,
  );
}

export const meetingsLedger: LedgerDefinition<MeetingColumnField, ImportedMeeting> = {
  kind: 'meetings',
  label: '“三会一课”会议记录',
  columns,
  // A 主题党日 ledger keyed by 活动名称 has no 会议类型 column: a date and anything that says what the meeting was.
  keyFields: [['startAt'], ['type', 'title', 'topic', 'host', 'expected', 'present']],
  identity: ['startAt'],
  remarksField: 'remarks',
  toRecord,
};
