import { describe, expect, it } from 'vitest';
import { mustTalk, mustTalkItems } from './mustTalk';
import { DEFAULT_RULE_SETTINGS } from './settings';
import { makeReview } from '../reviews/testFixtures';
import { makeInput, makeMeeting, makeMember, makeMembers, makeTalk } from './testFixtures';

const secretary = makeMember('s');
const newcomer = makeMember('n', { category: '预备党员', confirmedOn: undefined, joinedOn: '2025-03-05' });

describe('第十九条 + 六必谈: talks due after an event', () => {
  it('opens an 教育谈话 for a new 预备党员, pending within the grace days, 该谈未谈 afterwards', () => {
    const pending = makeInput({ members: [secretary, newcomer], today: '2025-04-04' });
    expect(mustTalk(pending)).toEqual([
      {
        rule: 'talk.mustTalk',
        severity: 'info',
        period: '2025-03',
        message: '党员n2025年3月5日被接收为预备党员，应在2025年4月4日前进行教育谈话',
        source: '谈心谈话“六必谈”（地方党建工作制度）；《中国共产党支部工作条例（试行）》第十九条',
        subject: { table: 'members', id: 'n' },
      },
    ]);
    const overdue = makeInput({ members: [secretary, newcomer], today: '2025-04-05' });
    expect(mustTalk(overdue)).toEqual([
      expect.objectContaining({ severity: 'warning', message: '该谈未谈：党员n2025年3月5日被接收为预备党员，至今未进行教育谈话' }),
    ]);
  });

  it('closes only with a talk of the matching kind on or after the event, even in the next year', () => {
    const members = [secretary, makeMember('d', { disciplinedOn: '2025-11-20' })];
    const wrongKind = makeTalk('a', '2025-11-25', 's', ['d'], { kind: '关怀谈话' });
    const before = makeTalk('b', '2025-11-19', 's', ['d'], { kind: '教育谈话' });
    const nextYear = makeTalk('c', '2026-01-05', 'd', ['s'], { kind: '教育谈话' });
    const open = makeInput({ members, talks: [wrongKind, before], today: '2026-02-01' });
    expect(mustTalkItems(open)).toEqual([expect.objectContaining({ memberId: 'd', trigger: 'disciplined', status: 'overdue', dueBy: '2025-12-20' })]);
    const closed = makeInput({ members, talks: [wrongKind, before, nextYear], today: '2026-02-01' });
    expect(mustTalkItems(closed)).toEqual([expect.objectContaining({ status: 'done', talkId: 'c' })]);
    expect(mustTalk(closed)).toEqual([]);
  });

  it('asks 转正 and 转入 talks, but not for events before the member came to this branch', () => {
    const confirmed = makeMember('c', { joinedOn: '2024-02-10', confirmedOn: '2025-02-10' });
    const transferred = makeMember('t', { joinedOn: '2025-01-10', category: '预备党员', confirmedOn: undefined, transferredInOn: '2025-04-01' });
    const items = mustTalkItems(makeInput({ members: [confirmed, transferred], today: '2025-06-15' }));
    expect(items.map((i) => [i.memberId, i.trigger, i.kind, i.triggerDate])).toEqual([
      ['c', 'confirmed', '教育谈话', '2025-02-10'],
      ['t', 'transferredIn', '交流谈话', '2025-04-01'],
    ]);
  });

  it('asks a 年度总结谈话 of everyone on the roster after 民主评议党员, and forgets members who left', () => {
    const members = [...makeMembers(3), makeMember('gone', { departure: { reason: '转出', date: '2025-12-01' } })];
    const review = makeMeeting('r', '组织生活会', '2025-11-10', { alsoCountsAs: ['民主评议党员'] });
    const talks = [makeTalk('x', '2025-11-20', 'm1', ['m2'], { kind: '年度总结谈话' })];
    const items = mustTalkItems(makeInput({ members, meetings: [review], talks, today: '2025-12-31' }));
    expect(items.map((i) => [i.memberId, i.trigger, i.status, i.meetingId])).toEqual([
      ['m1', 'democraticReview', 'done', 'r'],
      ['m2', 'democraticReview', 'done', 'r'],
      ['m3', 'democraticReview', 'overdue', 'r'],
    ]);
  });

  it('a 民主评议 result fed back closes its 年度总结谈话 item; one not yet fed back keeps it open (reviewFeedbackItems)', () => {
    const members = makeMembers(3);
    const review = makeMeeting('r', '民主评议党员', '2025-11-10');
    const reviews = [
      makeReview('m1', { feedbackOn: '2025-11-20' }),
      makeReview('m2', { feedbackOn: undefined }),
      // 反馈 typed for a day still to come: not fed back yet.
      makeReview('m3', { feedbackOn: '2026-01-05' }),
    ];
    const input = makeInput({ members, meetings: [review], reviews, today: '2025-12-31' });
    expect(mustTalkItems(input).map((i) => [i.memberId, i.status, i.fedBackOn, i.talkId])).toEqual([
      ['m1', 'done', '2025-11-20', undefined],
      ['m2', 'overdue', undefined, undefined],
      ['m3', 'overdue', undefined, undefined],
    ]);
    expect(mustTalk(input).map((f) => [f.subject?.id, f.message])).toEqual([
      ['m2', '该谈未谈：党员m22025年11月10日参加民主评议党员，至今未进行年度总结谈话'],
      ['m3', '该谈未谈：党员m32025年11月10日参加民主评议党员，至今未进行年度总结谈话'],
    ]);
  });

  it('is silent when switched off', () => {
    const settings = { ...DEFAULT_RULE_SETTINGS, mustTalk: { enabled: false, graceDays: 30 } };
    expect(mustTalk(makeInput({ members: [newcomer], settings, today: '2025-12-01' }))).toEqual([]);
  });
});
