import { z } from 'zod';
import { isoDateSchema } from '../dates';
import { idSchema, optionalText, recordMetaSchema } from './common';
import type { MemberCategory } from './enums';

/** 支部评定等次 (DOMAIN §1.5, §3.8), best first. */
export const REVIEW_GRADES = ['优秀', '合格', '基本合格', '不合格'] as const;
export type ReviewGrade = (typeof REVIEW_GRADES)[number];

/** What a 预备党员 gets: he or she takes part in the 评议 but is not graded. */
export const NOT_GRADED = '不评定等次';


const voteCount = z.number().int().min(0).optional();

/** 民主测评票: how many 测评票 named each grade. */
export const reviewVotesSchema = z.object({
  excellent: voteCount,
  qualified: voteCount,
  basic: voteCount,
  unqualified: voteCount,
});
export type ReviewVotes = z.infer<typeof reviewVotesSchema>;

/** The Chinese name of each vote column, in the order of REVIEW_GRADES. */
export const REVIEW_VOTE_LABELS: Record<keyof ReviewVotes, ReviewGrade> = {
  excellent: '优秀',
  qualified: '合格',
  basic: '基本合格',
  unqualified: '不合格',
};

/** 民主评议党员结果: one per member per year (DOMAIN §3.8). Key: (year, memberId). */
export const reviewResultFieldsSchema = z.object({
  /** 评议年度: the year reviewed (the meeting is often held in the following January). */
  year: z.number().int().min(1921).max(9999),
  memberId: idSchema,
  /** 个人自评 (摘要). */
  selfAssessment: optionalText,
  /** 互评意见. */
  peerOpinion: optionalText,
  votes: reviewVotesSchema.default({}),
  /** 支部评定等次; absent until the 支部 has decided. */
  grade: z.enum([...REVIEW_GRADES, NOT_GRADED]).optional(),
  /** 评定依据 (日常表现). */
  basis: optionalText,
  /** 反馈日期: when the result was told to the member (in the 年度总结谈话). */
  feedbackOn: isoDateSchema.optional(),
  /** 反馈人, a member of the branch (usually the 书记). */
  feedbackById: idSchema.optional(),
  /** 处置措施 for 基本合格 / 不合格. */
  disposal: optionalText,
  /** The 民主评议党员 meeting the result was decided at. */
  meetingId: idSchema.optional(),
});
export type ReviewResultFields = z.infer<typeof reviewResultFieldsSchema>;
export type ReviewResultFieldsInput = z.input<typeof reviewResultFieldsSchema>;

export const reviewResultSchema = recordMetaSchema.extend({ branchId: idSchema }).extend(reviewResultFieldsSchema.shape);
export type ReviewResult = z.infer<typeof reviewResultSchema>;

export const REVIEW_FIELD_LABELS: Record<keyof ReviewResultFields, string> = {
  year: '评议年度',
  memberId: '姓名',
  selfAssessment: '个人自评摘要',
  peerOpinion: '互评意见',
  votes: '民主测评票',
  grade: '支部评定等次',
  basis: '评定依据',
  feedbackOn: '反馈日期',
  feedbackById: '反馈人',
  disposal: '处置措施',
  meetingId: '民主评议党员会议',
};

/** Grades that need a 处置措施: 基本合格 → 限期改进, 不合格 → 教育转化 or 组织处置. */
export function needsDisposal(grade: ReviewResultFields['grade']): boolean {
  return grade === '基本合格' || grade === '不合格';
}

/** The total of the 测评票 recorded (votes left blank count as none). */
export function votesTotal(votes: ReviewVotes): number {
  return (votes.excellent ?? 0) + (votes.qualified ?? 0) + (votes.basic ?? 0) + (votes.unqualified ?? 0);
}

export interface ReviewProblem {
  field: keyof ReviewResultFields;
  severity: 'error' | 'warning';
  message: string;
}

export interface ReviewCheckContext {
  /** 党员类别 of the member at the review (预备党员 are not graded). */
  category?: MemberCategory;
  /** How many took part in the 民主测评, when known: no grade can have more votes. */
  voters?: number;
  /** The date of the 民主评议党员 meeting, when known: feedback comes after it. */
  meetingDate?: string;
}

/**
 * Cross-field checks beyond the zod shape: 预备党员 are not graded and 正式党员 are, the votes fit the voters,
 * 基本合格/不合格 carry a 处置措施, feedback comes after the meeting and names who gave it. Errors block saving.
 */
export function checkReviewResult(fields: ReviewResultFields, context: ReviewCheckContext = {}): ReviewProblem[] {
  const problems: ReviewProblem[] = [];
  const error = (field: keyof ReviewResultFields, message: string) => problems.push({ field, severity: 'error', message });
  const warn = (field: keyof ReviewResultFields, message: string) => problems.push({ field, severity: 'warning', message });

  if (context.category === '预备党员' && fields.grade && fields.grade !== NOT_GRADED) {
    error('grade', `预备党员参加民主评议但不评定等次，请选择“${NOT_GRADED}”`);
  }
  if (context.category === '正式党员' && fields.grade === NOT_GRADED) {
    error('grade', `正式党员应评定等次，“${NOT_GRADED}”仅用于预备党员`);
  }
  const total = votesTotal(fields.votes);
  if (context.voters !== undefined && total > context.voters) {
    error('votes', `测评票合计${total}张，多于参加测评的${context.voters}人`);
  }
  if (needsDisposal(fields.grade) && !fields.disposal) {
    warn('disposal', `评定为${fields.grade}的党员应填写处置措施`);
  }
  if (fields.feedbackOn && !fields.grade) {
    error('feedbackOn', '尚未评定等次，不能填写反馈日期');
  }
  if (fields.feedbackOn && context.meetingDate && fields.feedbackOn < context.meetingDate) {
    error('feedbackOn', '反馈日期不能早于民主评议党员会议');
  }
  if (fields.feedbackOn && !fields.feedbackById) {
    warn('feedbackById', '请填写反馈人');
  }
  return problems;
}
