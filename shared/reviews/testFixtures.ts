import { reviewResultSchema, type ReviewResult } from '../model/review';
import { BRANCH_ID } from '../rules/testFixtures';

const STAMP = '2025-01-01T09:00:00+08:00';

/** A 合格 result of 2025, fed back by m1. */
export function makeReview(memberId: string, overrides: Partial<ReviewResult> = {}): ReviewResult {
  return reviewResultSchema.parse({
    id: `review-${memberId}`,
    branchId: BRANCH_ID,
    createdAt: STAMP,
    updatedAt: STAMP,
    year: 2025,
    memberId,
    votes: {},
    grade: '合格',
    feedbackOn: '2025-12-26',
    feedbackById: 'm1',
    ...overrides,
  });
}
