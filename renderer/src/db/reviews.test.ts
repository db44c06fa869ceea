import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { BRANCH_ID, makeMeeting, makeMember } from '@shared/rules/testFixtures';
import type { BranchLedgerDatabase } from './database';
import { deleteReviewResult, listReviews, quotaMessage, reviewYearOf, saveReviewResult } from './reviews';
import { freshDatabase, refusal } from './testing';

const TODAY = '2026-02-01';
let db: BranchLedgerDatabase;
/** Four 正式党员 (⌊4/3⌋ = 1 优秀) and a 预备党员. */
const members = [
  makeMember('a', { name: '安娜' }),
  makeMember('b', { name: '白杨' }),
  makeMember('c', { name: '陈晨' }),
  makeMember('d', { name: '丁一' }),
  makeMember('p', { name: '潘新', category: '预备党员', joinedOn: '2025-06-01', confirmedOn: undefined }),
];

beforeEach(async () => {
  db = freshDatabase();
  await db.members.bulkAdd(members);
  await db.meetings.add(makeMeeting('review', '民主评议党员', '2025-12-20T09:00:00+08:00'));
});

async function problemsOf(work: Promise<unknown>) {
  return (await refusal(work)).problems;
}

describe('reviews repository', () => {
  it('finds the year’s meeting and the roster day', async () => {
    expect(await reviewYearOf(db, BRANCH_ID, 2025, TODAY)).toEqual({ meetingId: 'review', meetingDate: '2025-12-20', date: '2025-12-20' });
  });

  it('records a result per member and year, and an edit replaces it', async () => {
    await saveReviewResult(db, BRANCH_ID, { year: 2025, memberId: 'a', grade: '合格', votes: { qualified: 4 } }, TODAY);
    await saveReviewResult(db, BRANCH_ID, { year: 2025, memberId: 'a', grade: '合格', votes: { qualified: 4 }, feedbackOn: '2026-01-10', feedbackById: 'b' }, TODAY);
    const results = await listReviews(db, BRANCH_ID, 2025);
    expect(results.map((r) => [r.memberId, r.grade, r.feedbackOn])).toEqual([['a', '合格', '2026-01-10']]);
    expect((await db.auditLog.toArray()).map((e) => e.summary)).toEqual(['新增民主评议结果 2025年度 安娜 合格', '修改 反馈日期、反馈人']);
    await deleteReviewResult(db, results[0].id);
    expect(await listReviews(db, BRANCH_ID, 2025)).toEqual([]);
  });

  it('refuses a second 优秀 when ⌊4/3⌋ = 1, and lets the one 优秀 be edited', async () => {
    await saveReviewResult(db, BRANCH_ID, { year: 2025, memberId: 'a', grade: '优秀' }, TODAY);
    await saveReviewResult(db, BRANCH_ID, { year: 2025, memberId: 'a', grade: '优秀', basis: '工作突出' }, TODAY);
    expect(await problemsOf(saveReviewResult(db, BRANCH_ID, { year: 2025, memberId: 'b', grade: '优秀' }, TODAY))).toEqual([
      { field: 'grade', message: quotaMessage(4, 1) },
    ]);
    expect(quotaMessage(4, 1)).toBe('优秀名额已满：本年度参评正式党员4名，评定为优秀的不超过三分之一（最多1名）');
    expect((await listReviews(db, BRANCH_ID, 2025)).length).toBe(1);
  });

  it('does not grade a 预备党员 and refuses someone not taking part', async () => {
    expect((await problemsOf(saveReviewResult(db, BRANCH_ID, { year: 2025, memberId: 'p', grade: '合格' }, TODAY)))[0].message).toBe(
      '预备党员参加民主评议但不评定等次，请选择“不评定等次”',
    );
    await saveReviewResult(db, BRANCH_ID, { year: 2025, memberId: 'p', grade: '不评定等次' }, TODAY);
    expect((await problemsOf(saveReviewResult(db, BRANCH_ID, { year: 2024, memberId: 'p', grade: '不评定等次' }, TODAY)))[0].message).toBe(
      '该人员不在2024年度民主评议党员的参评名单中',
    );
  });
});
