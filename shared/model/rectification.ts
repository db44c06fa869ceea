import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { idSchema, recordMetaSchema } from './common';

/** 整改台账 (DOMAIN §3.7). 逾期 is derived from the deadline, never stored. */
export const RECTIFICATION_SOURCES = ['组织生活会', '民主评议', '上级检查反馈', '巡视巡察', '述职点评', '主题教育检视', '自查'] as const;
export const RECTIFICATION_CATEGORIES = ['政治建设', '作风建设', '纪律建设', '组织建设', '群团建设', '其他'] as const;
export const RECTIFICATION_STATUSES = ['未启动', '整改中', '已完成待验收', '已销号', '长期坚持'] as const;

export const progressEntrySchema = z.object({ date: isoDateSchema, text: z.string().min(1) });

export const rectificationSchema = recordMetaSchema.extend({
  branchId: idSchema,
  source: z.enum(RECTIFICATION_SOURCES),
  category: z.enum(RECTIFICATION_CATEGORIES),
  problem: z.string().min(1),
  goal: z.string().optional(),
  measures: z.string().optional(),
  leader: z.string().optional(),
  owner: z.string().optional(),
  deadline: isoDateSchema.optional(),
  progress: z.array(progressEntrySchema).default([]),
  outcome: z.string().optional(),
  status: z.enum(RECTIFICATION_STATUSES).default('未启动'),
  closedOn: isoDateSchema.optional(),
  reviewer: z.string().optional(),
  /** Where the task came from: a meeting, talk or analysis. */
  origin: z.object({ table: z.enum(['meetings', 'talks', 'analyses']), id: idSchema }).optional(),
});
export type Rectification = z.infer<typeof rectificationSchema>;
