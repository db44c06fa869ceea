import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { idSchema, recordMetaSchema } from './common';

/** 六必谈 kinds (DOMAIN §3.4). */
export const TALK_KINDS = ['交流谈话', '勉励谈话', '关怀谈话', '提醒谈话', '教育谈话', '年度总结谈话'] as const;
export type TalkKind = (typeof TALK_KINDS)[number];

/** 个别 = one-to-one, face to face; 集中 = one 谈话人 with several 谈话对象. */
export const TALK_FORMS = ['个别', '集中'] as const;
export type TalkForm = (typeof TALK_FORMS)[number];

/**
 * 关系 of 第十九条. Never stored: it follows from who sits on the 支部委员会 (branch.committee) when the record is
 * shown, see shared/talks/relation.ts.
 */
export const TALK_RELATIONS = ['支委—支委', '支委—党员', '党员—党员'] as const;
export type TalkRelation = (typeof TALK_RELATIONS)[number];

/** Trimmed optional text; an empty string is stored as absent. */
const optionalText = z
  .string()
  .trim()
  .transform((v) => v || undefined)
  .optional();

/**
 * The fields of 谈心谈话记录 (DOMAIN §3.4). The shape is lenient where older or imported records may lack a
 * value (地点, 内容); what a newly entered record must have is checked by checkTalk (shared/talks).
 */
export const talkFieldsSchema = z.object({
  /** 谈话时间, a calendar date. */
  date: isoDateSchema,
  /** 谈话地点. */
  location: optionalText,
  /** 谈话人, a member of the branch. */
  talkerId: idSchema,
  /** 谈话对象: one for 个别, several for 集中. */
  intervieweeIds: z.array(idSchema).min(1, '请选择谈话对象'),
  kind: z.enum(TALK_KINDS).default('交流谈话'),
  form: z.enum(TALK_FORMS).default('个别'),
  /** 谈话内容. */
  content: optionalText,
  /** 反映的问题及思想动态. */
  issuesRaised: optionalText,
  /** 后续措施. */
  followUp: optionalText,
  /** The 整改 task that follows up on the talk (整改台账). */
  rectificationId: idSchema.optional(),
});
export type TalkFields = z.infer<typeof talkFieldsSchema>;
export type TalkFieldsInput = z.input<typeof talkFieldsSchema>;

export const talkSchema = recordMetaSchema.extend({ branchId: idSchema }).extend(talkFieldsSchema.shape);
export type Talk = z.infer<typeof talkSchema>;

/** The Chinese name of every field: form labels, audit summaries, documents. */
export const TALK_FIELD_LABELS: Record<keyof TalkFields, string> = {
  date: '谈话时间',
  location: '谈话地点',
  talkerId: '谈话人',
  intervieweeIds: '谈话对象',
  kind: '谈话类型',
  form: '形式',
  content: '谈话内容',
  issuesRaised: '反映的问题及思想动态',
  followUp: '后续措施',
  rectificationId: '关联整改任务',
};
