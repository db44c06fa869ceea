import { describe, expect, it } from 'vitest';
import { trainingRecordFieldsSchema } from '../model/training';
import { makeBranch, makeCommittee, makeMeeting, makeMember } from '../rules/testFixtures';
import { creditMeeting, hoursByMember } from './hours';
import { DEFAULT_TRAINING_SETTINGS, hoursOf, readTrainingSettings } from './settings';
import { makeTraining } from './testFixtures';

const ids = () => {
  let n = 0;
  return () => `t${(n += 1)}`;
};

describe('学时 per member', () => {
  it('sums the year per member against 32, and 56 for the 书记 and 支委', () => {
    const branch = makeBranch({}, makeCommittee(['s', 'c']));
    const members = [makeMember('s', { name: '书记甲' }), makeMember('c', { name: '陈委员' }), makeMember('m', { name: '马党员' })];
    const records = [
      makeTraining('1', 'm', '2025-03-01', 30),
      makeTraining('2', 'm', '2025-04-01', 1.5),
      makeTraining('3', 'm', '2024-12-31', 8),
      makeTraining('4', 's', '2025-05-01', 56),
    ];
    const rows = hoursByMember(branch, members, records, 2025, DEFAULT_TRAINING_SETTINGS);
    expect(rows.map((r) => [r.member.id, r.post, r.hours, r.goal, r.gap])).toEqual([
      ['c', '组织委员', 0, 56, 56],
      ['m', '党员', 31.5, 32, 0.5],
      ['s', '书记', 56, 56, 0],
    ]);
  });

  it('counts half hours and refuses quarter hours', () => {
    expect(trainingRecordFieldsSchema.safeParse({ date: '2025-01-02', memberId: 'm', activity: '学习', form: '支部学习', hours: 1.5 }).success).toBe(true);
    const quarter = trainingRecordFieldsSchema.safeParse({ date: '2025-01-02', memberId: 'm', activity: '学习', form: '支部学习', hours: 1.25 });
    expect(quarter.success).toBe(false);
    expect(quarter.error?.issues[0].message).toBe('学时以0.5为单位');
  });

  it('times half a day as 4 and a day as 8, both settings', () => {
    expect(hoursOf('半天', DEFAULT_TRAINING_SETTINGS)).toBe(4);
    expect(hoursOf('一天', DEFAULT_TRAINING_SETTINGS, 2)).toBe(16);
    const settings = readTrainingSettings({ halfDayHours: 3.5, fullDayHours: 'x' });
    expect([settings.halfDayHours, settings.fullDayHours, settings.weeklyStudy.enabled]).toEqual([3.5, 8, false]);
  });
});

describe('creditMeeting', () => {
  const attendance = [
    { memberId: 'a', state: '出席' as const },
    { memberId: 'b', state: '请假' as const, reason: '出差' },
    { memberId: 'c', state: '出席' as const },
  ];

  it('credits each member present at a 集中学习 in one step, once', () => {
    const meeting = makeMeeting('study', '集中学习', '2025-03-12T14:30:00+08:00', { title: '学习党的二十届三中全会精神', attendance });
    const first = creditMeeting(meeting, 3, { now: 'NOW', newId: ids() });
    expect(first.ok && first.records.map((r) => [r.memberId, r.date, r.activity, r.form, r.hours, r.meetingId, r.id])).toEqual([
      ['a', '2025-03-12', '学习党的二十届三中全会精神', '支部学习', 3, 'study', 't1'],
      ['c', '2025-03-12', '学习党的二十届三中全会精神', '支部学习', 3, 'study', 't2'],
    ]);
    const again = creditMeeting(meeting, 3, { now: 'NOW', newId: ids(), existing: first.ok ? first.records.slice(0, 1) : [] });
    expect(again.ok && [again.records.map((r) => r.memberId), again.alreadyCredited]).toEqual([['c'], 1]);
  });

  it('credits a 党课 (also when counted as one) as a 专题讲座', () => {
    const themeDay = makeMeeting('day', '主题党日', '2025-04-04', { alsoCountsAs: ['党课'], attendance });
    const result = creditMeeting(themeDay, 2, { now: 'NOW', newId: ids() });
    expect(result.ok && result.records.map((r) => r.form)).toEqual(['专题讲座', '专题讲座']);
  });

  it('credits nobody for a meeting with only a headcount, and says why', () => {
    const counted = makeMeeting('h', '集中学习', '2025-03-12', { headcount: { expected: 20, present: 18 } });
    expect(creditMeeting(counted, 3, { now: 'NOW', newId: ids() })).toEqual({
      ok: false,
      message: '该会议只记录了出席人数，没有出席名单，无法按人计入学时：请先在会议记录中填写出席情况',
    });
  });

  it('refuses other meeting types and quarter hours', () => {
    const committee = makeMeeting('c', '支部委员会', '2025-03-12', { attendance });
    expect(creditMeeting(committee, 2, { now: 'NOW', newId: ids() })).toEqual({
      ok: false,
      message: '支部委员会不计入学习培训学时，只有集中学习和党课可以一键计入',
    });
    const study = makeMeeting('s', '集中学习', '2025-03-12', { attendance });
    expect(creditMeeting(study, 0.25, { now: 'NOW', newId: ids() }).ok).toBe(false);
  });
});
