import { describe, expect, it } from 'vitest';
import { makeReview } from '../reviews/testFixtures';
import { reviewDisposal, reviewExcellentQuota, reviewFeedbackItems, reviewMissing, type ReviewRuleInput } from './reviews';
import { makeBranch, makeMeeting, makeMember, makeMembers } from './testFixtures';

const REVIEW_MEETING = makeMeeting('review', '民主评议党员', '2025-12-20');

function input(overrides: Partial<ReviewRuleInput>): ReviewRuleInput {
  return { branch: makeBranch(), members: [], meetings: [REVIEW_MEETING], results: [], today: '2025-12-31', year: 2025, ...overrides };
}

describe('review.excellentQuota (优秀 ≤ ⌊N/3⌋ of the 正式党员 reviewed)', () => {
  it('N = 3: one 优秀 is allowed, two are not', () => {
    const members = makeMembers(3);
    const one = [makeReview('m1', { grade: '优秀' }), makeReview('m2'), makeReview('m3')];
    expect(reviewExcellentQuota(input({ members, results: one }))).toEqual([]);
    const two = [makeReview('m1', { grade: '优秀' }), makeReview('m2', { grade: '优秀' }), makeReview('m3')];
    const findings = reviewExcellentQuota(input({ members, results: two }));
    expect(findings.map((f) => [f.rule, f.severity, f.message])).toEqual([
      ['review.excellentQuota', 'error', '2025年度评定为优秀的党员2名，超过参评正式党员3名的三分之一（最多1名）'],
    ]);
    // The link opens the year's 民主评议 results, where the 等次 are changed.
    expect(findings[0].subject).toEqual({ table: 'reviews', year: 2025 });
  });

  it('N = 4: still one (⌊4/3⌋ = 1); 预备党员 do not count in N', () => {
    const members = [...makeMembers(4), makeMember('p1', { category: '预备党员', joinedOn: '2025-03-01', confirmedOn: undefined })];
    const results = [makeReview('m1', { grade: '优秀' }), makeReview('m2', { grade: '优秀' }), makeReview('p1', { grade: '不评定等次' })];
    expect(reviewExcellentQuota(input({ members, results })).map((f) => f.message)).toEqual([
      '2025年度评定为优秀的党员2名，超过参评正式党员4名的三分之一（最多1名）',
    ]);
    expect(reviewExcellentQuota(input({ members: [...members, ...makeMembers(2, 'n')], results }))).toEqual([]);
  });
});

describe('review.missing (支部工作条例 第十八条)', () => {
  it('once the meeting is held, names every 正式党员 without a 等次; 预备党员 and later arrivals are not asked', () => {
    const members = [
      makeMember('m1', { name: '王伟' }),
      makeMember('m2', { name: '李娜' }),
      makeMember('p1', { name: '张敏', category: '预备党员', joinedOn: '2025-05-01', confirmedOn: undefined }),
      makeMember('late', { name: '赵强', transferredInOn: '2025-12-22' }),
    ];
    const results = [makeReview('m1'), makeReview('m2', { grade: undefined, selfAssessment: '自评' })];
    const findings = reviewMissing(input({ members, results }));
    expect(findings.map((f) => [f.rule, f.severity, f.message, f.subject])).toEqual([
      ['review.missing', 'warning', '党员李娜参加了2025年度民主评议党员，尚未录入支部评定等次', { table: 'reviews', year: 2025, memberId: 'm2' }],
    ]);
    expect(findings[0].source).toMatch(/第十八条/);
  });

  it('is quiet before the meeting is held', () => {
    expect(reviewMissing(input({ members: makeMembers(3), today: '2025-12-19' }))).toEqual([]);
    expect(reviewMissing(input({ members: makeMembers(3), meetings: [] }))).toEqual([]);
  });
});

describe('review.disposal (党章 第九条: 基本合格/不合格 are dealt with)', () => {
  it('asks 基本合格 and 不合格 for a 处置措施', () => {
    const members = [makeMember('m1', { name: '王伟' }), makeMember('m2', { name: '李娜' }), makeMember('m3', { name: '刘洋' })];
    const results = [
      makeReview('m1', { grade: '基本合格' }),
      makeReview('m2', { grade: '不合格', disposal: '限期改正，党小组帮扶' }),
      makeReview('m3', { grade: '不合格', year: 2024 }),
    ];
    expect(reviewDisposal(input({ members, results })).map((f) => f.message)).toEqual(['党员王伟2025年度评定为基本合格，尚未填写处置措施']);
  });
});

describe('反馈民主评议结果 (六必谈: 年度总结谈话)', () => {
  it('gives mustTalk one item per member reviewed, with the 反馈日期 where fed back', () => {
    const members = [makeMember('m1'), makeMember('m2'), makeMember('new', { joinedOn: '2025-12-20', category: '预备党员', confirmedOn: undefined })];
    const results = [makeReview('m1'), makeReview('m2', { feedbackOn: undefined })];
    expect(reviewFeedbackItems(input({ members, results }))).toEqual([
      { memberId: 'm1', date: '2025-12-20', meetingId: 'review', fedBackOn: '2025-12-26' },
      { memberId: 'm2', date: '2025-12-20', meetingId: 'review', fedBackOn: undefined },
    ]);
    expect(reviewFeedbackItems(input({ members, results, meetings: [] }))).toEqual([]);
  });

  it('takes a result decided at the meeting whatever its 评议年度 (a January meeting reviews the year before)', () => {
    const january = makeMeeting('january', '民主评议党员', '2026-01-15');
    const results = [makeReview('m1', { year: 2025, meetingId: 'january', feedbackOn: '2026-01-20' }), makeReview('m2', { year: 2025 })];
    expect(reviewFeedbackItems(input({ members: makeMembers(2), results, meetings: [january], year: 2026, today: '2026-02-01' }))).toEqual([
      { memberId: 'm1', date: '2026-01-15', meetingId: 'january', fedBackOn: '2026-01-20' },
      { memberId: 'm2', date: '2026-01-15', meetingId: 'january', fedBackOn: undefined },
    ]);
  });
});
