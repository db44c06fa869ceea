import { describe, expect, it } from 'vitest';
import { makeReview } from '@shared/reviews/testFixtures';
import { makeMember } from '@shared/rules/testFixtures';
import { formValuesOf, reviewFigures, reviewInputOf, reviewRows } from './reviewsModel';

const members = [
  makeMember('zhang', { name: '张伟' }),
  makeMember('an', { name: '安静' }),
  makeMember('li', { name: '李娜' }),
  makeMember('wang', { name: '王芳' }),
  makeMember('prob', { name: '陈晨', category: '预备党员', joinedOn: '2025-04-01', confirmedOn: undefined }),
  makeMember('gone', { name: '赵敏', departure: { reason: '转出', date: '2025-06-01' } }),
];

describe('民主评议党员 page rows', () => {
  it('lists every participant in pinyin order, 预备党员 not graded, a missing 等次 marked', () => {
    const rows = reviewRows(members, [makeReview('zhang', { grade: '优秀' }), makeReview('prob', { grade: '不评定等次', feedbackOn: undefined })], 2025, '2025-12-20');
    expect(rows.map((r) => [r.member.name, r.graded, r.missing, r.awaitingFeedback])).toEqual([
      ['安静', true, true, false],
      ['陈晨', false, false, true],
      ['李娜', true, true, false],
      ['王芳', true, true, false],
      ['张伟', true, false, false],
    ]);
  });

  it('keeps a result of someone off that day’s roster, outside the count', () => {
    const rows = reviewRows(members, [makeReview('gone')], 2025, '2025-12-20');
    const gone = rows.find((r) => r.member.id === 'gone');
    expect(gone).toMatchObject({ participant: false, missing: false });
    expect(reviewFigures(rows).participants).toBe(5);
  });

  it('ignores results of another year', () => {
    const rows = reviewRows(members, [makeReview('an', { year: 2024 })], 2025, '2025-12-20');
    expect(rows.find((r) => r.member.id === 'an')?.result).toBeUndefined();
  });

  it('counts the year: rated, 优秀 against ⌊N/3⌋ with N = 4 graded, 未反馈', () => {
    const rows = reviewRows(
      members,
      [makeReview('zhang', { grade: '优秀' }), makeReview('an', { grade: '优秀', feedbackOn: undefined, feedbackById: undefined }), makeReview('li', { grade: undefined, feedbackOn: undefined })],
      2025,
      '2025-12-20',
    );
    expect(reviewFigures(rows)).toEqual({ participants: 5, graded: 4, probationary: 1, rated: 2, missing: 2, excellent: 2, quota: 1, notFedBack: 1 });
  });
});

describe('reviewInputOf', () => {
  it('leaves a cleared count, choice or date absent and keeps the key', () => {
    const input = reviewInputOf(
      { votes: { excellent: 2, qualified: null, basic: 0 }, grade: undefined, feedbackOn: '', feedbackById: undefined, selfAssessment: '认真学习' },
      { year: 2025, memberId: 'm1', meetingId: 'meet' },
    );
    expect(input).toEqual({
      year: 2025,
      memberId: 'm1',
      meetingId: 'meet',
      selfAssessment: '认真学习',
      peerOpinion: undefined,
      votes: { excellent: 2, basic: 0 },
      grade: undefined,
      basis: undefined,
      feedbackOn: undefined,
      feedbackById: undefined,
      disposal: undefined,
    });
  });

  it('round-trips a stored result through the form', () => {
    const stored = makeReview('m2', { grade: '基本合格', disposal: '限期改进', votes: { basic: 5 } });
    expect(reviewInputOf(formValuesOf(stored), { year: 2025, memberId: 'm2' })).toMatchObject({ grade: '基本合格', disposal: '限期改进', votes: { basic: 5 }, feedbackOn: '2025-12-26', feedbackById: 'm1' });
  });
});
