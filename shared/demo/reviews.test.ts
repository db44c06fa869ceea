import { describe, expect, it } from 'vitest';
import { checkReviewResult, reviewResultSchema } from '../model/review';
import { resultsNeedingFeedback } from '../reviews/participants';
import { reviewFindings } from '../rules/reviews';
import { generateDemoBranch } from './index';
import { generateDemoReviews } from './reviews';

describe('generateDemoReviews', () => {
  const today = '2025-11-20';
  const dataset = generateDemoBranch({ today });

  it('is deterministic, valid, and leaves the demo branch as it was', () => {
    const results = generateDemoReviews(dataset, { today });
    expect(generateDemoReviews(dataset, { today })).toEqual(results);
    expect(generateDemoBranch({ today })).toEqual(dataset);
    const meeting = dataset.meetings.find((m) => m.type === '民主评议党员');
    const voters = meeting?.attendance.filter((a) => a.state === '出席').length;
    for (const result of results) {
      expect(reviewResultSchema.parse(result)).toEqual(result);
      expect(result).toMatchObject({ year: 2024, meetingId: meeting?.id, branchId: dataset.branch.id });
      const member = dataset.members.find((m) => m.id === result.memberId);
      const problems = checkReviewResult(result, { category: member?.category, voters, meetingDate: meeting?.startAt.slice(0, 10) });
      expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    }
  });

  it('passes the review rules, with a 基本合格 dealt with and two results still to feed back', () => {
    const results = generateDemoReviews(dataset, { today });
    const grades = results.map((r) => r.grade);
    expect(grades.filter((g) => g === '基本合格')).toHaveLength(1);
    expect(grades.filter((g) => g === '优秀').length).toBeGreaterThan(0);
    expect(reviewFindings({ ...dataset, results, today, year: 2024 })).toEqual([]);
    expect(resultsNeedingFeedback(results, 2024)).toHaveLength(2);
  });

  it('has nothing to review without last year’s meeting', () => {
    expect(generateDemoReviews({ ...dataset, meetings: [] }, { today })).toEqual([]);
  });
});
