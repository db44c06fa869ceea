import { z } from 'zod';
import { isoDateSchema } from '../../dates';
import { MEMBER_CATEGORIES, type MemberCategory } from '../../model/enums';
import { NOT_GRADED, REVIEW_GRADES, REVIEW_VOTE_LABELS, type ReviewVotes } from '../../model/review';
import { normalizeToken } from '../normalize';
import type { CellParser, ColumnDefinition, LedgerDefinition, RecordContext, RecordResult } from '../types';
import { cellText, enumParser, parseCount, parseDate, parseText, parseYear } from '../values';
import { finish, NONE, oneMemberName, splitNames, textColumn, trimmed, withNote } from './common';

/**
 * 民主评议党员结果登记表 (DOMAIN §1.5, §3.8): one row per member and year. The year is the row's 年度 cell, else the
 * one year the title names (`2025年度民主评议党员结果登记表`). The member and the 反馈人 stay names; the plan resolves
 * them against the roster (shared/imports/reviews.ts). 测评票 are four columns of counts, one per 等次.
 */

export type ReviewColumnField =
  | 'name' | 'year' | 'category' | 'selfAssessment' | 'peerOpinion' | 'excellent' | 'qualified' | 'basic' | 'unqualified'
  | 'grade' | 'basis' | 'feedbackOn' | 'feedbackBy' | 'disposal' | 'remarks';

export type ReviewGradeValue = (typeof REVIEW_GRADES)[number] | typeof NOT_GRADED;
const GRADE_VALUES: readonly ReviewGradeValue[] = [...REVIEW_GRADES, NOT_GRADED];

const GRADE_ALIASES: Record<string, ReviewGradeValue> = {
  优: '优秀', 优秀党员: '优秀', 评为优秀: '优秀',
  合格党员: '合格', 评为合格: '合格',
  基本合格党员: '基本合格', 评为基本合格: '基本合格',
  不合格党员: '不合格', 评为不合格: '不合格',
  不定等次: NOT_GRADED, 不评等次: NOT_GRADED, 不评定: NOT_GRADED, 不确定等次: NOT_GRADED, 不参加等次评定: NOT_GRADED,
  不参与评定等次: NOT_GRADED, 预备党员: NOT_GRADED, 预备党员不评定等次: NOT_GRADED, 预备党员不定等次: NOT_GRADED,
};

const gradeEnum = enumParser('评定等次', GRADE_VALUES, GRADE_ALIASES);
/** 等次 as written; `/`, `-`, `无` are no grade yet (a 预备党员's row is often left so). */
const parseGrade: CellParser<ReviewGradeValue> = (cell) =>
  NONE.test(normalizeToken(cellText(cell))) ? { ok: true, value: undefined } : gradeEnum(cell);

/** The vote columns: `优秀`, `优秀票`, `优秀票数`, `测评优秀`, `民主测评优秀票`; under a 民主测评票 group header too. */
function voteHeaders(grade: string): string[] {
  return [`${grade}票`, grade, `${grade}票数`, `${grade}(票)`, `${grade}(票数)`, `测评${grade}`, `测评${grade}票`, `民主测评${grade}`, `民主测评${grade}票`, `测评票${grade}`, `民主测评票${grade}`, `${grade}等次票数`];
}

const VOTE_FIELDS = ['excellent', 'qualified', 'basic', 'unqualified'] as const satisfies readonly (keyof ReviewVotes & ReviewColumnField)[];

const columns: ColumnDefinition<ReviewColumnField>[] = [
  { field: 'name', label: '姓名', headers: ['姓名', '党员姓名', '被评议人', '被评议党员', '被评议人姓名'], parse: parseText },
  { field: 'year', label: '评议年度', headers: ['评议年度', '年度', '年份', '考评年度', '评议年份'], parse: parseYear },
  {
    field: 'category',
    label: '党员类别',
    headers: ['党员类别', '党员类型', '类别'],
    parse: enumParser('党员类别', MEMBER_CATEGORIES, { 正式: '正式党员', 预备: '预备党员' }),
    notKept: '党员类别以花名册为准，本列仅用于核对评定等次（预备党员不评定等次），不导入',
  },
  textColumn('selfAssessment', '个人自评摘要', ['个人自评', '自评', '自我评价', '个人自评情况', '自评情况', '个人总结']),
  textColumn('peerOpinion', '互评意见', ['互评', '党员互评', '互评情况', '相互评议', '党员互评意见']),
  ...VOTE_FIELDS.map((field): ColumnDefinition<ReviewColumnField> => {
    const [label, ...headers] = voteHeaders(REVIEW_VOTE_LABELS[field]);
    return { field, label, headers: [label, ...headers], parse: parseCount };
  }),
  {
    field: 'grade',
    label: '支部评定等次',
    headers: ['支部评定等次', '评定等次', '评议等次', '评议结果', '等次', '评定结果', '评议等级', '评定等级', '民主评议等次', '支部评定结果', '评议情况'],
    parse: parseGrade,
  },
  textColumn('basis', '评定依据', ['依据', '日常表现', '评定理由', '主要表现', '现实表现', '评定依据(日常表现)']),
  { field: 'feedbackOn', label: '反馈日期', headers: ['反馈日期', '反馈时间', '结果反馈日期', '结果反馈时间'], parse: parseDate },
  textColumn('feedbackBy', '反馈人', ['反馈人员', '结果反馈人']),
  textColumn('disposal', '处置措施', ['处置意见', '处理措施', '组织处置', '处置情况', '结果运用', '整改措施']),
  textColumn('remarks', '备注', []),
];

const votesSchema = z.object({
  excellent: z.number().int().min(0).optional(),
  qualified: z.number().int().min(0).optional(),
  basic: z.number().int().min(0).optional(),
  unqualified: z.number().int().min(0).optional(),
});

export const importedReviewSchema = z.object({
  memberName: z.string().min(1),
  year: z.number().int().min(1921).max(9999),
  selfAssessment: z.string().optional(),
  peerOpinion: z.string().optional(),
  /** Absent when the sheet has no vote column or the row none filled: the stored votes are then left as they are. */
  votes: votesSchema.optional(),
  grade: z.enum([...REVIEW_GRADES, NOT_GRADED]).optional(),
  basis: z.string().optional(),
  feedbackOn: isoDateSchema.optional(),
  feedbackByName: z.string().min(1).optional(),
  disposal: z.string().optional(),
});
export type ImportedReview = z.infer<typeof importedReviewSchema>;

type Issues = RecordResult<ImportedReview, ReviewColumnField>['issues'];

/** What the column parsers above return, field by field. */
interface ReviewValues extends Partial<Record<(typeof VOTE_FIELDS)[number], number>> {
  name?: string;
  year?: number;
  category?: MemberCategory;
  selfAssessment?: string;
  peerOpinion?: string;
  grade?: ReviewGradeValue;
  basis?: string;
  feedbackOn?: string;
  feedbackBy?: string;
  disposal?: string;
  remarks?: string;
}

function toRecord(parsed: Partial<Record<ReviewColumnField, unknown>>, context: RecordContext): RecordResult<ImportedReview, ReviewColumnField> {
  // Each field holds what its column's parser returned: the columns above decide the types.
  const values = parsed as ReviewValues;
  const issues: Issues = [];
  const name = oneMemberName(values.name, 'name', '评议结果', issues);
  const year = values.year ?? context.titleYear;
  if (year === undefined) {
    issues.push({
      field: 'year',
      severity: 'error',
      message: context.fieldsInSheet?.has('year')
        ? '缺少评议年度'
        : '无法确定评议年度：请加“评议年度”列，或在表格标题中写明年度（如“2025年度民主评议党员结果登记表”）',
    });
  }
  const { grade, category } = values;
  if (category === '预备党员' && grade && grade !== NOT_GRADED) {
    issues.push({ field: 'grade', severity: 'warning', message: `预备党员参加民主评议但不评定等次，这里写的是“${grade}”，请核对` });
  }
  if (category === '正式党员' && grade === NOT_GRADED) {
    issues.push({ field: 'grade', severity: 'warning', message: `正式党员应评定等次，“${NOT_GRADED}”仅用于预备党员，请核对` });
  }
  const disposal = trimmed(values.disposal);
  if ((grade === '基本合格' || grade === '不合格') && !disposal) {
    issues.push({ field: 'disposal', severity: 'warning', message: `评定为${grade}的党员应填写处置措施` });
  }
  const feedbackBy = splitNames(values.feedbackBy);
  if (feedbackBy.length > 1) {
    issues.push({ field: 'feedbackBy', severity: 'warning', message: `反馈人只能填一人，按第一位“${feedbackBy[0]}”导入` });
  }
  let feedbackOn = values.feedbackOn;
  if (feedbackOn && feedbackOn.length < 10) {
    issues.push({ field: 'feedbackOn', severity: 'warning', message: `反馈日期只写到月（${feedbackOn}），未导入，请写明哪一天` });
    feedbackOn = undefined;
  }
  const votes: ReviewVotes = {};
  for (const field of VOTE_FIELDS) {
    const count = values[field];
    if (count !== undefined) votes[field] = count;
  }
  return finish(
    importedReviewSchema,
    {
      memberName: name,
      year,
      selfAssessment: trimmed(values.selfAssessment),
      peerOpinion: trimmed(values.peerOpinion),
      votes: Object.keys(votes).length > 0 ? votes : undefined,
      grade,
      // The result has no 备注 of its own: a note is kept under 评定依据, labelled.
      basis: withNote(trimmed(values.basis), '备注', trimmed(values.remarks)),
      feedbackOn,
      feedbackByName: feedbackBy[0],
      disposal,
    },
    issues,
  );
}

export const reviewsLedger: LedgerDefinition<ReviewColumnField, ImportedReview> = {
  kind: 'reviews',
  label: '民主评议党员结果',
  columns,
  keyFields: [['name'], ['grade', ...VOTE_FIELDS]],
  identity: ['name', 'year'],
  remarksField: 'remarks',
  toRecord,
};
