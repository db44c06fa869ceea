import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { idSchema, recordMetaSchema } from './common';

/** Trimmed optional text; an empty string is stored as absent (the key stays optional in the type). */
const optionalText = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();

/**
 * 整改台账 (DOMAIN §3.7): one row per problem found, with its measures, owners, deadline, progress and 销号.
 * 逾期 is derived from the deadline and today (shared/rectifications), never stored.
 */
export const RECTIFICATION_SOURCES = ['组织生活会', '民主评议', '上级检查反馈', '巡视巡察', '述职点评', '主题教育检视', '自查'] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];

/** The five areas of 机关党建 (政治、作风、纪律、组织、群团建设), then 其他. */
export const RECTIFICATION_CATEGORIES = ['政治建设', '作风建设', '纪律建设', '组织建设', '群团建设', '其他'] as const;
export type RectificationCategory = (typeof RECTIFICATION_CATEGORIES)[number];

/** 未启动 → 整改中 → 已完成待验收 → 已销号, and 长期坚持; the moves allowed are in shared/rectifications. */
export const RECTIFICATION_STATUSES = ['未启动', '整改中', '已完成待验收', '已销号', '长期坚持'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** The records a task can be raised from, linked back from the task. */
export const RECTIFICATION_ORIGIN_TABLES = ['meetings', 'talks', 'analyses'] as const;
export type RectificationOriginTable = (typeof RECTIFICATION_ORIGIN_TABLES)[number];

export const rectificationOriginSchema = z.object({ table: z.enum(RECTIFICATION_ORIGIN_TABLES), id: idSchema });
export type RectificationOrigin = z.infer<typeof rectificationOriginSchema>;

/** One dated line of 整改进展. */
export const progressEntrySchema = z.object({
  date: isoDateSchema,
  text: z.string().trim().min(1, '请填写进展情况'),
});
export type ProgressEntry = z.infer<typeof progressEntrySchema>;

/**
 * What the form edits. Status, progress and 销号 change only through the workflow (shared/rectifications),
 * so that every move is checked and logged.
 */
export const rectificationFieldsSchema = z.object({
  source: z.enum(RECTIFICATION_SOURCES, { error: '请选择问题来源' }),
  category: z.enum(RECTIFICATION_CATEGORIES, { error: '请选择问题类别' }),
  /** 存在问题. */
  problem: z.string({ error: '请填写存在问题' }).trim().min(1, '请填写存在问题'),
  /** 整改目标. */
  goal: optionalText,
  /** 整改措施. */
  measures: optionalText,
  /** 责任领导: a name as written (often a 局领导 outside the branch). */
  leader: optionalText,
  /** 责任人: one name or several (张三、李四). */
  owner: optionalText,
  /** 完成时限, a calendar date. */
  deadline: isoDateSchema.optional(),
  /** 完成情况. */
  outcome: optionalText,
});
export type RectificationFields = z.infer<typeof rectificationFieldsSchema>;
export type RectificationFieldsInput = z.input<typeof rectificationFieldsSchema>;

export const rectificationSchema = recordMetaSchema
  .extend({ branchId: idSchema })
  .extend(rectificationFieldsSchema.shape)
  .extend({
    progress: z.array(progressEntrySchema).default([]),
    status: z.enum(RECTIFICATION_STATUSES).default('未启动'),
    /** 销号日期. */
    closedOn: isoDateSchema.optional(),
    /** 销号审核人. */
    reviewer: optionalText,
    /** Where the task came from: a meeting, talk or analysis. */
    origin: rectificationOriginSchema.optional(),
  });
export type Rectification = z.infer<typeof rectificationSchema>;

/** The Chinese name of every field: form labels, the change log, exports. */
export const RECTIFICATION_FIELD_LABELS = {
  source: '问题来源',
  category: '问题类别',
  problem: '存在问题',
  goal: '整改目标',
  measures: '整改措施',
  leader: '责任领导',
  owner: '责任人',
  deadline: '完成时限',
  progress: '整改进展',
  outcome: '完成情况',
  status: '状态',
  closedOn: '销号日期',
  reviewer: '销号审核人',
  origin: '来源记录',
} as const satisfies Record<Exclude<keyof Rectification, 'id' | 'branchId' | 'createdAt' | 'updatedAt'>, string>;
