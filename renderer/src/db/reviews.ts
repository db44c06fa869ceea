import { todayIso } from '@shared/dates';
import {
  checkReviewResult,
  REVIEW_FIELD_LABELS,
  reviewResultFieldsSchema,
  type ReviewResult,
  type ReviewResultFields,
  type ReviewResultFieldsInput,
} from '@shared/model';
import { excellentQuota, resultsByMember, reviewDate, reviewMeetingOf, reviewParticipants } from '@shared/reviews';
import { meetingDate } from '@shared/rules/roster';
import type { BranchLedgerDatabase } from './database';
import { deleteMemberRecord } from './deletion';
import { problemsFromZod, ValidationError, type FieldProblem } from './errors';
import { createRecord, newRecordMeta, writeFieldUpdate } from './records';

/**
 * 民主评议党员结果: one per member per year. A save replaces the member-year's result; it is refused when the
 * member does not take part that year, when a 预备党员 would be graded, and when one more 优秀 would pass ⌊N/3⌋.
 */

export type ReviewInput = ReviewResultFieldsInput;

const TABLES = (db: BranchLedgerDatabase) => [db.reviews, db.members, db.meetings, db.auditLog];

/** The message when 优秀 is full: said the same way on the page and by the repository. */
export function quotaMessage(graded: number, quota: number): string {
  return `优秀名额已满：本年度参评正式党员${graded}名，评定为优秀的不超过三分之一（最多${quota}名）`;
}

export interface ReviewYear {
  /** The first 民主评议党员 meeting of the year held by today, if any. */
  meetingId?: string;
  meetingDate?: string;
  /** The day whose roster takes part. */
  date: string;
}

/** The year's meeting and the day whose roster takes part (shared/reviews reviewDate). */
export async function reviewYearOf(db: BranchLedgerDatabase, branchId: string, year: number, today: string = todayIso()): Promise<ReviewYear> {
  const meetings = await db.meetings
    .where('[branchId+startAt]')
    .between([branchId, `${year}-01-01`], [branchId, `${year}-12-31\uffff`], true, true)
    .toArray();
  const meeting = reviewMeetingOf(meetings, year, today);
  return { meetingId: meeting?.id, meetingDate: meeting ? meetingDate(meeting) : undefined, date: reviewDate(year, today, meeting) };
}

async function validate(
  db: BranchLedgerDatabase,
  branchId: string,
  input: ReviewInput,
  today: string,
): Promise<{ fields: ReviewResultFields; name: string }> {
  const parsed = reviewResultFieldsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(problemsFromZod(parsed.error));
  }
  const fields = parsed.data;
  const members = await db.members.where('branchId').equals(branchId).toArray();
  const { meetingDate: held, date } = await reviewYearOf(db, branchId, fields.year, today);
  const participants = reviewParticipants(members, date);
  const participant = participants.find((p) => p.member.id === fields.memberId);
  if (!participant) {
    throw new ValidationError([{ field: 'memberId', message: `该人员不在${fields.year}年度民主评议党员的参评名单中` }]);
  }
  const problems: FieldProblem[] = checkReviewResult(fields, {
    category: participant.graded ? '正式党员' : '预备党员',
    meetingDate: held,
  }).filter((p) => p.severity === 'error');
  if (fields.feedbackById && !members.some((m) => m.id === fields.feedbackById)) {
    problems.push({ field: 'feedbackById', message: '反馈人不是本支部党员' });
  }
  if (fields.grade === '优秀') {
    const graded = participants.filter((p) => p.graded).length;
    const quota = excellentQuota(graded);
    const others = [...resultsByMember(await listReviews(db, branchId, fields.year), fields.year).values()].filter(
      (r) => r.grade === '优秀' && r.memberId !== fields.memberId,
    ).length;
    if (others + 1 > quota) {
      problems.push({ field: 'grade', message: quotaMessage(graded, quota) });
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
  return { fields, name: participant.member.name };
}

const FIELD_KEYS = reviewResultFieldsSchema.keyof().options;

/** Records a member's result of a year: a new one, or the fields over the one stored. */
export async function saveReviewResult(
  db: BranchLedgerDatabase,
  branchId: string,
  input: ReviewInput,
  today: string = todayIso(),
): Promise<ReviewResult> {
  return db.transaction('rw', TABLES(db), async () => {
    const { fields, name } = await validate(db, branchId, input, today);
    const before = await db.reviews.where('[memberId+year]').equals([fields.memberId, fields.year]).first();
    if (before) {
      return writeFieldUpdate(db, 'reviews', before, { fields, keys: FIELD_KEYS, labels: REVIEW_FIELD_LABELS });
    }
    const summary = `新增民主评议结果 ${fields.year}年度 ${name}${fields.grade ? ` ${fields.grade}` : ''}`;
    return createRecord(db, 'reviews', { ...fields, ...newRecordMeta(), branchId }, summary);
  });
}

export async function deleteReviewResult(db: BranchLedgerDatabase, id: string): Promise<void> {
  await deleteMemberRecord(db, 'reviews', id, (before, name) => `删除民主评议结果 ${before.year}年度 ${name}`);
}

/** A branch's results of one year, by the `[branchId+year]` index. */
export function listReviews(db: BranchLedgerDatabase, branchId: string, year: number): Promise<ReviewResult[]> {
  return db.reviews.where('[branchId+year]').equals([branchId, year]).toArray();
}
