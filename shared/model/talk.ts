import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { idSchema, recordMetaSchema } from './common';

/** 六必谈 kinds (DOMAIN §3.4). */
export const TALK_KINDS = ['交流谈话', '勉励谈话', '关怀谈话', '提醒谈话', '教育谈话', '年度总结谈话'] as const;
export const TALK_FORMS = ['个别', '集中'] as const;

export const talkSchema = recordMetaSchema.extend({
  branchId: idSchema,
  date: isoDateSchema,
  location: z.string().optional(),
  talkerId: idSchema,
  intervieweeIds: z.array(idSchema).min(1),
  kind: z.enum(TALK_KINDS).default('交流谈话'),
  form: z.enum(TALK_FORMS).default('个别'),
  content: z.string().optional(),
  issuesRaised: z.string().optional(),
  followUp: z.string().optional(),
  rectificationId: idSchema.optional(),
});
export type Talk = z.infer<typeof talkSchema>;
