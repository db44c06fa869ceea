import { z } from 'zod';
import { isoDateTimeSchema } from '../dates';
import { idSchema, recordMetaSchema } from './common';

/** Trimmed optional text; an empty string is stored as absent (the key stays optional in the type). */
const optionalText = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();

/** 三会一课 and the other meetings a branch records (DOMAIN §3.3); the list is extendable in 设置. */
export const MEETING_TYPES = [
  '支部党员大会', '支部委员会', '党小组会', '党课', '主题党日', '组织生活会', '民主评议党员', '集中学习',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const ATTENDANCE_STATES = ['出席', '请假', '缺席'] as const;
export type AttendanceState = (typeof ATTENDANCE_STATES)[number];

export const attendanceSchema = z.object({
  memberId: idSchema,
  state: z.enum(ATTENDANCE_STATES),
  /** 请假原因 or why absent. */
  reason: optionalText,
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const resolutionSchema = z.object({
  text: z.string().trim().min(1, '请填写决议内容'),
  votesFor: z.number().int().min(0).optional(),
  votesAgainst: z.number().int().min(0).optional(),
  abstentions: z.number().int().min(0).optional(),
});
export type Resolution = z.infer<typeof resolutionSchema>;

/** One speaker's 发言摘要: the 党员大会 record must hold what each member said (DOMAIN §1.8). */
export const speechSchema = z
  .object({
    /** A member of the branch… */
    speakerId: idSchema.optional(),
    /** …or someone else (列席 guests, 上级指导): their name as written. */
    speakerName: optionalText,
    text: z.string().trim().min(1, '请填写发言摘要'),
  })
  .refine((s) => s.speakerId || s.speakerName, { message: '请选择发言人' });
export type Speech = z.infer<typeof speechSchema>;

export const meetingFieldsSchema = z.object({
  /** Free text so that types added in 设置 fit; the built-in ones are MEETING_TYPES. */
  type: z.string().trim().min(1, '请选择会议类型'),
  /** Other types this meeting also counts for (e.g. a 主题党日 held as a 党课). */
  alsoCountsAs: z.array(z.string()).default([]),
  title: z.string().trim().min(1, '请填写会议名称'),
  startAt: isoDateTimeSchema,
  endAt: isoDateTimeSchema.optional(),
  location: optionalText,
  hostId: idSchema.optional(),
  recorderId: idSchema.optional(),
  /** The 党小组 of a 党小组会. */
  partyGroupId: idSchema.optional(),
  /** Every member expected (应到), each with 出席 / 请假 / 缺席. */
  attendance: z.array(attendanceSchema).default([]),
  /**
   * 应到/实到/请假/缺席 as numbers, when a ledger gave counts and no names (出席名单未导入). Never turned into an
   * attendance list; quorum and vote checks use it when `attendance` is empty.
   */
  headcount: z
    .object({
      expected: z.number().int().min(0),
      present: z.number().int().min(0),
      onLeave: z.number().int().min(0).optional(),
      absent: z.number().int().min(0).optional(),
    })
    .optional(),
  /** 列席人员, free text (积极分子, 上级指导 …). */
  attendees: optionalText,
  /** 议题, in the order discussed. */
  topics: z.array(z.string().trim()).default([]).transform((topics) => topics.filter((t) => t.length > 0)),
  /** 学习内容记录 (the first part of a 机关 record body). */
  studyContent: optionalText,
  /** 讨论发言摘要, one entry per speaker. */
  speeches: z.array(speechSchema).default([]),
  /** 会议内容 / 纪实: anything else the record says. */
  content: optionalText,
  resolutions: z.array(resolutionSchema).default([]),
});
export type MeetingFields = z.infer<typeof meetingFieldsSchema>;
export type MeetingFieldsInput = z.input<typeof meetingFieldsSchema>;

export const meetingSchema = recordMetaSchema.extend({ branchId: idSchema }).extend(meetingFieldsSchema.shape);
export type Meeting = z.infer<typeof meetingSchema>;

/** The Chinese name of every field: form labels, audit summaries, documents. */
export const MEETING_FIELD_LABELS: Record<keyof MeetingFields, string> = {
  type: '会议类型',
  alsoCountsAs: '同时计为',
  title: '会议名称',
  startAt: '开始时间',
  endAt: '结束时间',
  location: '地点',
  hostId: '主持人',
  recorderId: '记录人',
  partyGroupId: '党小组',
  attendance: '出席情况',
  headcount: '出席人数',
  attendees: '列席人员',
  topics: '议题',
  studyContent: '学习内容',
  speeches: '发言摘要',
  content: '会议内容',
  resolutions: '决议',
};

export interface MeetingProblem {
  field: keyof MeetingFields;
  message: string;
}

/**
 * Cross-field checks beyond the zod shape: what makes a record self-contradictory (实到 over 应到, counts that do
 * not fit, a list and counts that disagree). Whether the meeting was quorate or a vote passed, and votes against
 * the 实到 with a vote (which needs the roster), are for shared/rules (quorumOf, voteProblems).
 */
export function checkMeeting(fields: MeetingFields): MeetingProblem[] {
  const problems: MeetingProblem[] = [];
  if (fields.endAt && fields.endAt.slice(0, 16) < fields.startAt.slice(0, 16)) {
    problems.push({ field: 'endAt', message: '结束时间不能早于开始时间' });
  }
  if (fields.type === '党小组会' && !fields.partyGroupId) {
    problems.push({ field: 'partyGroupId', message: '党小组会请选择党小组' });
  }
  if (fields.alsoCountsAs.includes(fields.type)) {
    problems.push({ field: 'alsoCountsAs', message: '“同时计为”不应包含会议类型本身' });
  }
  const seen = new Set<string>();
  for (const entry of fields.attendance) {
    if (seen.has(entry.memberId)) {
      problems.push({ field: 'attendance', message: '出席情况中有重复的人员' });
      break;
    }
    seen.add(entry.memberId);
  }
  const headcount = fields.headcount;
  if (headcount) {
    for (const problem of headcountProblems(headcount)) {
      problems.push({ field: 'headcount', message: problem.message });
    }
    if (fields.attendance.length > 0) {
      const present = fields.attendance.filter((a) => a.state === '出席').length;
      if (headcount.expected !== fields.attendance.length || headcount.present !== present) {
        problems.push({
          field: 'headcount',
          message: `出席人数（应到${headcount.expected}人，实到${headcount.present}人）与出席名单（应到${fields.attendance.length}人，实到${present}人）不一致`,
        });
      }
    }
  }
  return problems;
}

export type Headcount = NonNullable<MeetingFields['headcount']>;

/** 实到 ≤ 应到, and 请假 and 缺席 each at most 应到 − 实到 (the counts a ledger gives, DOMAIN §3.3). */
export function headcountProblems(headcount: Partial<Headcount>): { part: keyof Headcount; message: string }[] {
  const { expected, present, onLeave, absent } = headcount;
  if (expected === undefined || present === undefined) {
    return [];
  }
  const away = expected - present;
  if (away < 0) {
    return [{ part: 'present', message: `实到${present}人，多于应到${expected}人` }];
  }
  const problems: { part: keyof Headcount; message: string }[] = [];
  if (onLeave !== undefined && onLeave > away) {
    problems.push({ part: 'onLeave', message: `请假${onLeave}人，多于应到减实到的${away}人` });
  }
  if (absent !== undefined && absent > away) {
    problems.push({ part: 'absent', message: `缺席${absent}人，多于应到减实到的${away}人` });
  }
  return problems;
}
