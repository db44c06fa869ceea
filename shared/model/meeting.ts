import { z } from 'zod';
import { isoDateTimeSchema } from '../dates';
import { idSchema, recordMetaSchema } from './common';

/** 三会一课 and the other meetings a branch records (DOMAIN §3.3); the list is extendable in 设置. */
export const MEETING_TYPES = [
  '支部党员大会', '支部委员会', '党小组会', '党课', '主题党日', '组织生活会', '民主评议党员', '集中学习',
] as const;
export type MeetingType = (typeof MEETING_TYPES)[number];

export const ATTENDANCE_STATES = ['出席', '请假', '缺席'] as const;

export const attendanceSchema = z.object({
  memberId: idSchema,
  state: z.enum(ATTENDANCE_STATES),
  /** 请假原因 or why absent. */
  reason: z.string().optional(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const resolutionSchema = z.object({
  text: z.string().min(1),
  votesFor: z.number().int().min(0).optional(),
  votesAgainst: z.number().int().min(0).optional(),
  abstentions: z.number().int().min(0).optional(),
});

export const meetingFieldsSchema = z.object({
  /** Free text so that types added in 设置 fit; the built-in ones are MEETING_TYPES. */
  type: z.string().min(1),
  /** Other types this meeting also counts for (e.g. a 主题党日 held as a 党课). */
  alsoCountsAs: z.array(z.string()).default([]),
  title: z.string().trim().min(1, '请填写会议名称'),
  startAt: isoDateTimeSchema,
  endAt: isoDateTimeSchema.optional(),
  location: z.string().optional(),
  hostId: idSchema.optional(),
  recorderId: idSchema.optional(),
  partyGroupId: idSchema.optional(),
  attendance: z.array(attendanceSchema).default([]),
  attendees: z.string().optional(),
  topics: z.array(z.string()).default([]),
  content: z.string().optional(),
  resolutions: z.array(resolutionSchema).default([]),
});

export const meetingSchema = recordMetaSchema.extend({ branchId: idSchema }).extend(meetingFieldsSchema.shape);
export type Meeting = z.infer<typeof meetingSchema>;
