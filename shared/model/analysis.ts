import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { idSchema, recordMetaSchema } from './common';

/** 党员思想动态分析 (DOMAIN §3.5): one per branch and period, with per-member entries. */
export const ANALYSIS_PERIOD_KINDS = ['季度', '半年', '年度', '专题', '即时'] as const;
export const IDEOLOGICAL_STATES = ['稳定', '较稳定', '需关注'] as const;

export const analysisEntrySchema = z.object({
  memberId: idSchema,
  state: z.string().min(1),
  performance: z.string().optional(),
  details: z.string().optional(),
  problems: z.string().optional(),
  support: z.string().optional(),
  talkerId: idSchema.optional(),
});

export const analysisSchema = recordMetaSchema.extend({
  branchId: idSchema,
  periodKind: z.enum(ANALYSIS_PERIOD_KINDS),
  periodStart: isoDateSchema,
  periodEnd: isoDateSchema,
  methods: z.array(z.string()).default([]),
  overall: z.string().optional(),
  political: z.string().optional(),
  work: z.string().optional(),
  interests: z.string().optional(),
  social: z.string().optional(),
  other: z.string().optional(),
  tendencies: z.string().optional(),
  measures: z.string().optional(),
  submittedOn: isoDateSchema.optional(),
  entries: z.array(analysisEntrySchema).default([]),
  talkIds: z.array(idSchema).default([]),
  rectificationIds: z.array(idSchema).default([]),
});
export type Analysis = z.infer<typeof analysisSchema>;
