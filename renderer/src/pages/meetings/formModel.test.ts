import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { generateDemoBranch } from '@shared/demo';
import { inputOfValues, newMeetingValues, valuesOfMeeting, voteFieldProblems } from './formModel';

const { branch, members } = generateDemoBranch({ today: '2025-03-05' });
const now = dayjs('2025-03-05T09:12:00');

describe('meeting form model', () => {
  it('pre-fills a 支委会 with the committee, the 书记 hosting and the 组织委员 recording', () => {
    const values = newMeetingValues('支部委员会', branch, members, undefined, now);
    const role = (r: string) => branch.committee.members.find((c) => c.role === r)?.memberId;
    expect(values).toMatchObject({ title: '2025年3月支部委员会会议', hostId: role('书记'), recorderId: role('组织委员') });
    expect(values.attendance.map((a) => a.memberId).sort()).toEqual(branch.committee.members.map((c) => c.memberId).sort());
    expect(values.start).toBe('2025-03-05 14:30');
  });

  it('pre-fills a 党小组会 with the first group, its leader and its members', () => {
    const values = newMeetingValues('党小组会', branch, members, undefined, now);
    const group = branch.partyGroups[0];
    expect(values).toMatchObject({ partyGroupId: group.id, hostId: group.leaderId, title: `2025年3月${group.name}会` });
    expect(values.attendance).toHaveLength(members.filter((m) => m.partyGroupId === group.id).length);
  });

  it('turns the form into repository input: times with offset, empty rows dropped, the type not counted twice', () => {
    const values = newMeetingValues('主题党日', branch, members, undefined, now);
    const input = inputOfValues({
      ...values,
      alsoCountsAs: ['党课', '主题党日'],
      speeches: [{ speakerId: undefined, text: '' }, { speakerId: members[0].id, text: '很好' }],
      resolutions: [{ text: '', votesFor: null }],
    });
    expect(input.startAt).toMatch(/^2025-03-05T14:30:00[+-]\d{2}:\d{2}$/);
    expect(input).toMatchObject({ alsoCountsAs: ['党课'], speeches: [{ speakerId: members[0].id, text: '很好' }], resolutions: [], partyGroupId: undefined });
  });

  it('shows a stored time as written, whatever the zone of this computer', () => {
    const values = valuesOfMeeting({
      id: 'm', branchId: branch.id, createdAt: '', updatedAt: '', type: '党课', alsoCountsAs: [], title: '党课',
      startAt: '2025-03-05T14:30:00+08:00', attendance: [], topics: [], speeches: [], resolutions: [],
    });
    expect(values.start).toBe('2025-03-05 14:30');
    expect(values.topics).toEqual(['']);
  });

  it('puts a vote over the 实到 with a vote on the field the user typed, in the row the user sees', () => {
    const values = newMeetingValues('支部党员大会', branch, members, undefined, now);
    const voters = members.filter((m) => m.category === '正式党员' && m.joinedOn && m.joinedOn < '2025-03-05').length;
    const problems = voteFieldProblems(
      { ...values, resolutions: [{ text: '' }, { text: '同意', votesFor: voters - 1, votesAgainst: 1 }, { text: '再议', votesFor: voters + 1 }] },
      members,
      branch,
    );
    // Row 0 is empty (not a resolution): the rows keep the form's numbering.
    expect([...problems]).toEqual([['resolutions.2.votesFor', `赞成${voters + 1}票，多于有表决权党员实到${voters}人`]]);
  });

  it('keeps a ledger’s counts (出席名单未导入) as numbers, and drops them once a list is recorded', () => {
    const stored = {
      id: 'm', branchId: branch.id, createdAt: '', updatedAt: '', type: '支部党员大会', alsoCountsAs: [], title: '党员大会',
      startAt: '2025-03-05T14:30:00+08:00', attendance: [], headcount: { expected: 24, present: 20, onLeave: 3 }, topics: [], speeches: [],
      resolutions: [{ text: '同意', votesFor: 21 }],
    };
    const values = valuesOfMeeting(stored);
    expect(values.headcount).toEqual({ expected: 24, present: 20, onLeave: 3 });
    expect(inputOfValues(values).headcount).toEqual({ expected: 24, present: 20, onLeave: 3, absent: undefined });
    expect([...voteFieldProblems(values, members, branch)]).toEqual([['resolutions.0.votesFor', '赞成21票，多于有表决权党员实到20人']]);
    const listed = { ...values, attendance: [{ memberId: members[0].id, state: '出席' as const }] };
    expect(inputOfValues(listed).headcount).toBeUndefined();
  });
});
