import { describe, expect, it } from 'vitest';
import { checkReviewResult } from '../model/review';
import { makeMeeting, makeMember } from '../rules/testFixtures';
import { excellentQuota, resultsNeedingFeedback, reviewDate, reviewMeetingOf, reviewParticipants } from './participants';
import { makeReview } from './testFixtures';

describe('民主评议党员 participants', () => {
  it('⌊N/3⌋: 3 → 1, 4 → 1, 5 → 1, 6 → 2, 2 → 0', () => {
    expect([3, 4, 5, 6, 2].map(excellentQuota)).toEqual([1, 1, 1, 2, 0]);
  });

  it('takes part: everyone on the roster that day; graded: the 正式党员', () => {
    const members = [
      makeMember('full'),
      makeMember('prob', { category: '预备党员', joinedOn: '2025-04-01', confirmedOn: undefined }),
      makeMember('gone', { departure: { reason: '转出', date: '2025-06-01' } }),
      makeMember('confirmed', { joinedOn: '2024-12-01', confirmedOn: '2025-12-01', category: '正式党员' }),
    ];
    expect(reviewParticipants(members, '2025-12-20').map((p) => [p.member.id, p.graded])).toEqual([
      ['full', true],
      ['prob', false],
      ['confirmed', true],
    ]);
  });

  it('uses the first 民主评议党员 meeting held by today, else 31 December or today', () => {
    const meetings = [makeMeeting('b', '民主评议党员', '2025-12-28'), makeMeeting('a', '组织生活会', '2025-12-20', { alsoCountsAs: ['民主评议党员'] })];
    expect(reviewMeetingOf(meetings, 2025, '2025-12-31')?.id).toBe('a');
    expect(reviewMeetingOf(meetings, 2025, '2025-12-19')).toBeUndefined();
    expect(reviewDate(2025, '2025-06-01')).toBe('2025-06-01');
    expect(reviewDate(2025, '2026-02-01')).toBe('2025-12-31');
  });

  it('lists the results still to be fed back', () => {
    const results = [makeReview('a'), makeReview('b', { feedbackOn: undefined }), makeReview('c', { grade: undefined, feedbackOn: undefined })];
    expect(resultsNeedingFeedback(results, 2025).map((r) => r.memberId)).toEqual(['b']);
  });
});

describe('checkReviewResult', () => {
  it('refuses a 等次 for a 预备党员 and 不评定等次 for a 正式党员', () => {
    expect(checkReviewResult(makeReview('p', { grade: '合格' }), { category: '预备党员' }).map((p) => p.message)).toEqual([
      '预备党员参加民主评议但不评定等次，请选择“不评定等次”',
    ]);
    expect(checkReviewResult(makeReview('p', { grade: '不评定等次' }), { category: '预备党员' })).toEqual([]);
    expect(checkReviewResult(makeReview('f', { grade: '不评定等次' }), { category: '正式党员' }).map((p) => p.severity)).toEqual(['error']);
  });

  it('refuses more votes than voters, and asks for a 处置措施 and a 反馈人', () => {
    const votes = { excellent: 3, qualified: 8, basic: 1 };
    expect(checkReviewResult(makeReview('a', { votes }), { voters: 12 })).toEqual([]);
    expect(checkReviewResult(makeReview('a', { votes }), { voters: 11 }).map((p) => p.message)).toEqual(['测评票合计12张，多于参加测评的11人']);
    expect(
      checkReviewResult(makeReview('a', { grade: '基本合格', feedbackById: undefined, feedbackOn: '2025-12-01' }), { meetingDate: '2025-12-20' }).map(
        (p) => p.message,
      ),
    ).toEqual(['评定为基本合格的党员应填写处置措施', '反馈日期不能早于民主评议党员会议', '请填写反馈人']);
    expect(checkReviewResult(makeReview('a', { grade: undefined })).map((p) => p.message)).toEqual(['尚未评定等次，不能填写反馈日期']);
  });
});
