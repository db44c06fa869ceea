import { reviewsLedger, type ReviewColumnField } from '../ledgers/definitions/reviews';
import type { Member } from '../model/member';
import { NOT_GRADED, REVIEW_GRADES, type ReviewResult } from '../model/review';
import { MEMBER_CATEGORIES } from '../model/enums';
import { sortByPinyin } from '../text/pinyin';
import { nameResolver, tableFromDefinition, type ExportTable, type ColumnGuide } from './columns';
import { yearsOfPeriod } from './period';
import { dateCell, WIDTH } from './sheet';
import type { ExportOptions, LedgerDataset } from './types';

/**
 * 民主评议党员结果登记表 as a 上级党委 asks for it: one row per member and year of the period, the years in order,
 * each year's members in pinyin order; the 测评票 as four count columns; a 预备党员's 等次 as recorded (不评定等次).
 * The headers are the import definition's, so the sheet reads back as the same results.
 */

export function reviewsInPeriod(data: Pick<LedgerDataset, 'members'> & { reviews: readonly ReviewResult[] }, options: Pick<ExportOptions, 'period'>): ReviewResult[] {
  const years = new Set(yearsOfPeriod(options.period));
  const nameOf = nameResolver(data.members);
  const inPeriod = data.reviews.filter((r) => years.has(r.year));
  return sortByPinyin(inPeriod, (r) => nameOf(r.memberId) ?? '').sort((a, b) => a.year - b.year);
}

export function reviewsTable(data: Pick<LedgerDataset, 'members'>): ExportTable<ReviewResult> {
  const nameOf = nameResolver(data.members);
  const members = new Map<string, Member>(data.members.map((m) => [m.id, m]));
  const votes = (key: keyof ReviewResult['votes']) => (r: ReviewResult) => r.votes[key];
  return tableFromDefinition<ReviewResult>(reviewsLedger, [ // why: each definition is of its own record type
    { field: 'name', width: WIDTH.name, format: 'text', value: (r) => nameOf(r.memberId) },
    { field: 'year', width: 8, format: 'integer', value: (r) => r.year },
    // Today's 党员类别, as the 上级 reads the sheet: why a row says 不评定等次 (read back for checking only).
    { field: 'category', width: WIDTH.enumeration, format: 'text', value: (r) => members.get(r.memberId)?.category },
    { field: 'selfAssessment', width: 24, format: 'text', value: (r) => r.selfAssessment },
    { field: 'peerOpinion', width: 24, format: 'text', value: (r) => r.peerOpinion },
    { field: 'excellent', width: 6, format: 'integer', value: votes('excellent') },
    { field: 'qualified', width: 6, format: 'integer', value: votes('qualified') },
    { field: 'basic', width: 6, format: 'integer', value: votes('basic') },
    { field: 'unqualified', width: 6, format: 'integer', value: votes('unqualified') },
    { field: 'grade', width: WIDTH.enumeration, format: 'text', value: (r) => r.grade },
    { field: 'basis', width: 24, format: 'text', value: (r) => r.basis },
    { field: 'feedbackOn', width: WIDTH.date, format: 'date', value: (r) => dateCell(r.feedbackOn) },
    { field: 'feedbackBy', width: WIDTH.name, format: 'text', value: (r) => nameOf(r.feedbackById) },
    { field: 'disposal', width: 24, format: 'text', value: (r) => r.disposal },
  ]);
}

const voteGuide = (grade: string): ColumnGuide => ({
  format: 'integer',
  width: 6,
  meaning: `民主测评中评为“${grade}”的票数（整数）`,
  example: grade === '合格' ? '9' : '0',
});

export const REVIEW_TEMPLATE_GUIDE: Record<ReviewColumnField, ColumnGuide> = {
  name: { required: true, width: WIDTH.name, meaning: '党员姓名，每行一人', example: '张三' },
  year: { required: true, format: 'integer', width: 8, meaning: '评议年度（评议哪一年）；各行同一年度时也可只在表格标题中写明，如“2025年度民主评议党员结果登记表”', example: '2025' },
  category: {
    list: { name: '党员类别', values: MEMBER_CATEGORIES, strict: true },
    width: WIDTH.enumeration,
    meaning: '仅供核对：预备党员不评定等次；党员类别以花名册为准，本列不导入',
    example: '正式党员',
  },
  selfAssessment: { width: 24, meaning: '个人自评摘要', example: '' },
  peerOpinion: { width: 24, meaning: '党员互评意见', example: '' },
  excellent: voteGuide('优秀'),
  qualified: voteGuide('合格'),
  basic: voteGuide('基本合格'),
  unqualified: voteGuide('不合格'),
  grade: {
    list: { name: '评定等次', values: [...REVIEW_GRADES, NOT_GRADED], strict: true },
    width: WIDTH.enumeration,
    meaning: `支部评定的等次；预备党员填“${NOT_GRADED}”；尚未评定可不填`,
    example: '合格',
  },
  basis: { width: 24, meaning: '评定依据（日常表现）', example: '' },
  feedbackOn: { format: 'date', width: WIDTH.date, meaning: '把评议结果反馈给本人的日期（一般在年度总结谈话中）', example: '2026-01-25' },
  feedbackBy: { width: WIDTH.name, meaning: '反馈人姓名，须是本支部党员（一般为书记）', example: '张三' },
  disposal: { width: 24, meaning: '评为基本合格、不合格的党员的处置措施（限期改进、教育转化或组织处置）', example: '' },
  remarks: { width: WIDTH.medium, meaning: '其他需要说明的情况，导入时记入评定依据', example: '' },
};
