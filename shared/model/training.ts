import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { idSchema, recordMetaSchema } from './common';

/** 形式 of a 学习培训 activity (DOMAIN §3.10). */
export const TRAINING_FORMS = ['脱产培训', '专题讲座', '支部学习', '主题实践', '网络学习'] as const;
export type TrainingForm = (typeof TRAINING_FORMS)[number];

/** 学时 are counted in half hours: 1.5 is fine, 1.25 is not. */
export const trainingHoursSchema = z
  .number()
  .positive('学时应大于0')
  .max(400, '学时过大')
  .refine((h) => Number.isInteger(h * 2), { message: '学时以0.5为单位' });

/** 学习培训学时: one record per member per activity (DOMAIN §3.10). Key: (memberId, date, activity). */
export const trainingRecordFieldsSchema = z.object({
  date: isoDateSchema,
  memberId: idSchema,
  /** 活动 (学习培训内容), as written. */
  activity: z.string().trim().min(1, '请填写学习培训内容'),
  form: z.enum(TRAINING_FORMS),
  hours: trainingHoursSchema,
  /** The 集中学习 or 党课 meeting that credited these hours (creditMeeting). */
  meetingId: idSchema.optional(),
});
export type TrainingRecordFields = z.infer<typeof trainingRecordFieldsSchema>;

export const trainingRecordSchema = recordMetaSchema.extend({ branchId: idSchema }).extend(trainingRecordFieldsSchema.shape);
export type TrainingRecord = z.infer<typeof trainingRecordSchema>;

export const TRAINING_FIELD_LABELS: Record<keyof TrainingRecordFields, string> = {
  date: '日期',
  memberId: '姓名',
  activity: '学习培训内容',
  form: '形式',
  hours: '学时',
  meetingId: '来源会议',
};
