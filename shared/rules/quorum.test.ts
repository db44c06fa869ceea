import { describe, expect, it } from 'vitest';
import { meetingQuorum, minimumCount, quorumOf, voteProblems } from './quorum';
import { DEFAULT_RULE_SETTINGS } from './settings';
import { attendance, makeBranch, makeCommittee, makeInput, makeMeeting, makeMember, makeMembers } from './testFixtures';

const settings = DEFAULT_RULE_SETTINGS;
const branch = makeBranch({}, makeCommittee(['m1', 'm2', 'm3', 'm4', 'm5']));

function congress(presentIds: string[], members = makeMembers(10), overrides = {}) {
  return makeMeeting('congress', '支部党员大会', '2025-03-05T14:30:00+08:00', {
    title: '接收预备党员',
    attendance: attendance(members, presentIds),
    resolutions: [{ text: '同意接收张三为预备党员', votesFor: 6, votesAgainst: 0, abstentions: 0 }],
    ...overrides,
  });
}

describe('第十一条 表决必须有半数以上有表决权的党员到会方可进行', () => {
  it('computes the smallest head-count: more than half, or at least half when so configured', () => {
    expect(minimumCount(10, { share: 0.5, inclusive: false })).toBe(6);
    expect(minimumCount(9, { share: 0.5, inclusive: false })).toBe(5);
    expect(minimumCount(10, { share: 0.5, inclusive: true })).toBe(5);
    expect(minimumCount(0, { share: 0.5, inclusive: true })).toBe(1);
    expect(minimumCount(5, { share: 0.8, inclusive: false })).toBe(5);
  });

  it('has no quorum with exactly half present', () => {
    const members = makeMembers(10);
    const result = quorumOf(congress(['m1', 'm2', 'm3', 'm4', 'm5'], members), members, branch, settings);
    expect(result).toMatchObject({ kind: 'partyCongress', expected: 10, present: 5, absent: 5, votingExpected: 10, votingPresent: 5, quorumNeeded: 6, quorumMet: false });
    expect(result.resolutions[0]).toMatchObject({ votesNeeded: 6, passed: false });
    expect(result.source).toBe('《中国共产党支部工作条例（试行）》第十一条');
  });

  it('has a quorum with more than half present', () => {
    const members = makeMembers(10);
    const result = quorumOf(congress(['m1', 'm2', 'm3', 'm4', 'm5', 'm6'], members), members, branch, settings);
    expect(result).toMatchObject({ present: 6, quorumMet: true });
    expect(result.resolutions[0].passed).toBe(true);
  });

  it('accepts exactly half when 半数以上 is read as including half', () => {
    const members = makeMembers(10);
    const inclusive = { ...settings, partyCongressQuorum: { share: 0.5, inclusive: true } };
    expect(quorumOf(congress(['m1', 'm2', 'm3', 'm4', 'm5'], members), members, branch, inclusive).quorumMet).toBe(true);
  });

  it('gives a vote to 正式党员 only: not to 预备党员, nor during 留党察看, nor to one confirmed at this very meeting', () => {
    const members = [
      ...makeMembers(4),
      makeMember('p', { category: '预备党员', confirmedOn: undefined, joinedOn: '2024-08-01' }),
      makeMember('s', { status: '留党察看' }),
      makeMember('c', { joinedOn: '2024-03-05', confirmedOn: '2025-03-05' }),
    ];
    const result = quorumOf(congress(['m1', 'm2', 'p', 's', 'c'], members), members, branch, settings);
    expect(result).toMatchObject({ expected: 7, present: 5, votingExpected: 4, votingPresent: 2, quorumMet: false });
  });

  it('counts a member who joined mid-year only from the day after the meeting that admitted him', () => {
    const members = [...makeMembers(4), makeMember('new', { category: '预备党员', confirmedOn: undefined, joinedOn: '2025-03-05' }), makeMember('later', { joinedOn: '2025-06', confirmedOn: undefined, category: '预备党员' })];
    const result = quorumOf(congress(['m1', 'm2', 'm3'], members), members, branch, settings);
    expect(result).toMatchObject({ expected: 4, votingExpected: 4, quorumMet: true });
  });

  it('does not count a member who left before the meeting', () => {
    const members = [...makeMembers(4), makeMember('gone', { departure: { reason: '转出', date: '2025-02-01' } }), makeMember('stays', { departure: { reason: '转出', date: '2025-03-06' } })];
    const result = quorumOf(congress(['m1', 'm2', 'stays'], members), members, branch, settings);
    expect(result).toMatchObject({ expected: 5, votingExpected: 5, present: 3, quorumMet: true });
    expect(result.absentMemberIds).toEqual(['m3', 'm4']);
  });
});

describe('第十一条 赞成人数超过应到会有表决权的党员的半数为通过', () => {
  it('counts 赞成 against 应到, not 实到: exactly half of 应到 fails', () => {
    const members = makeMembers(10);
    const meeting = congress(['m1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'], members, {
      resolutions: [
        { text: '五票', votesFor: 5, votesAgainst: 2, abstentions: 0 },
        { text: '六票', votesFor: 6, votesAgainst: 1, abstentions: 0 },
        { text: '未计票' },
      ],
    });
    expect(quorumOf(meeting, members, branch, settings).resolutions.map((r) => r.passed)).toEqual([false, true, null]);
    const present = { ...settings, partyCongressPass: { share: 0.5, inclusive: false, base: 'present' as const } };
    expect(quorumOf(meeting, members, branch, present).resolutions.map((r) => [r.votesNeeded, r.passed])).toEqual([[4, true], [4, true], [4, null]]);
  });

  it('reports the missing quorum as an error and failed or uncounted resolutions as warnings', () => {
    const members = makeMembers(10);
    const lacking = meetingQuorum(makeInput({ members, meetings: [congress(['m1', 'm2', 'm3', 'm4', 'm5'], members)] }));
    expect(lacking).toEqual([
      {
        rule: 'meeting.quorum',
        severity: 'error',
        period: '2025-03',
        message: '2025年3月5日支部党员大会「接收预备党员」：有表决权的党员应到10人，实到5人，未超过半数（至少需6人），不能进行表决',
        source: '《中国共产党支部工作条例（试行）》第十一条',
        subject: { table: 'meetings', id: 'congress' },
      },
    ]);
    const votes = congress(['m1', 'm2', 'm3', 'm4', 'm5', 'm6'], members, {
      resolutions: [{ text: '甲', votesFor: 5 }, { text: '乙' }, { text: '丙', votesFor: 8, votesAgainst: 3 }],
    });
    expect(meetingQuorum(makeInput({ members, meetings: [votes] })).map((f) => [f.severity, f.message])).toEqual([
      ['warning', '2025年3月5日支部党员大会「接收预备党员」决议「甲」赞成5票，未超过应到会有表决权党员（10人）的半数（至少需6票），未获通过'],
      ['warning', '2025年3月5日支部党员大会「接收预备党员」决议「乙」未记录赞成票数，无法确认是否通过'],
      // Votes are cast by those present (issue 11: 赞成+反对+弃权 ≤ 有表决权实到), no longer checked against 应到.
      ['warning', '2025年3月5日支部党员大会「接收预备党员」决议「丙」赞成、反对、弃权合计11票，多于实到会有表决权党员6人，请核对'],
    ]);
  });

  it('leaves 党员大会 without a vote alone, and asks for attendance when a vote has none', () => {
    const members = makeMembers(10);
    const noVote = congress([], members, { resolutions: [], attendance: [] });
    const noAttendance = congress([], members, { attendance: [] });
    expect(meetingQuorum(makeInput({ members, meetings: [noVote] }))).toEqual([]);
    expect(meetingQuorum(makeInput({ members, meetings: [noAttendance] }))).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringContaining('未登记出席情况') }),
    ]);
    expect(quorumOf(noAttendance, members, branch, settings)).toMatchObject({ attendanceRecorded: false, quorumMet: null });
  });

  it('checks a meeting of another type held as 党员大会', () => {
    const members = makeMembers(4);
    const meeting = makeMeeting('o', '组织生活会', '2025-04-10', { alsoCountsAs: ['支部党员大会'], attendance: attendance(members, ['m1']), resolutions: [{ text: '通过', votesFor: 1 }] });
    expect(meetingQuorum(makeInput({ members, meetings: [meeting] }))[0]).toMatchObject({ severity: 'error', subject: { id: 'o' } });
  });
});

describe('第十二条 党支部委员会会议须有半数以上委员到会方可进行', () => {
  const members = makeMembers(9);
  const committeeMeeting = (presentIds: string[], resolutions: { text: string; votesFor?: number }[] = []) =>
    makeMeeting('cm', '支部委员会', '2025-05-08', { title: '研究发展党员', attendance: attendance(members.slice(0, 5), presentIds), resolutions });

  it('expects the 委员 only: 2 of 5 is not a quorum, 3 of 5 is', () => {
    expect(quorumOf(committeeMeeting(['m1', 'm2']), members, branch, settings)).toMatchObject({ kind: 'committee', expected: 5, present: 2, quorumNeeded: 3, quorumMet: false });
    expect(quorumOf(committeeMeeting(['m1', 'm2', 'm3']), members, branch, settings).quorumMet).toBe(true);
  });

  it('has no quorum with exactly half of 4 委员', () => {
    const four = makeBranch({}, makeCommittee(['m1', 'm2', 'm3', 'm4']));
    expect(quorumOf(committeeMeeting(['m1', 'm2']), members, four, settings).quorumMet).toBe(false);
  });

  it('reports a 支委会 short of 委员 and a decision short of a majority of 应到会委员', () => {
    const input = makeInput({ branch, members, meetings: [committeeMeeting(['m1', 'm2'])] });
    expect(meetingQuorum(input)).toEqual([
      expect.objectContaining({
        severity: 'error',
        message: '2025年5月8日支部委员会会议「研究发展党员」：委员应到5人，实到2人，未超过半数（至少需3人），会议不能进行',
        source: '《中国共产党支部工作条例（试行）》第十二条；《中国共产党章程》第十条（少数服从多数）',
      }),
    ]);
    const decided = makeInput({ branch, members, meetings: [committeeMeeting(['m1', 'm2', 'm3', 'm4'], [{ text: '甲', votesFor: 2 }])] });
    expect(meetingQuorum(decided).map((f) => f.message)).toEqual([
      '2025年5月8日支部委员会会议「研究发展党员」决议「甲」赞成2票，未超过应到会委员（5人）的半数（至少需3票），未获通过',
    ]);
  });

  it('returns no quorum rule for a 党小组会, expecting the group only', () => {
    const grouped = [makeMember('a', { partyGroupId: 'g' }), makeMember('b', { partyGroupId: 'g' }), makeMember('c')];
    const meeting = makeMeeting('g', '党小组会', '2025-05-08', { partyGroupId: 'g', attendance: attendance(grouped.slice(0, 2), ['a']) });
    expect(quorumOf(meeting, grouped, branch, settings)).toMatchObject({ kind: 'partyGroup', expected: 2, present: 1, quorumMet: null, quorumNeeded: null });
  });
});

describe('votes against the 实到 with a vote (issue 11) and meetings with counts only (issue 10)', () => {
  const members = [...makeMembers(4), makeMember('p', { category: '预备党员', confirmedOn: undefined, joinedOn: '2024-07-01' })];
  const meeting = (resolutions: { text: string; votesFor?: number; votesAgainst?: number; abstentions?: number }[]) =>
    congress(['m1', 'm2', 'm3', 'p'], members, { resolutions });
  const problems = (resolutions: Parameters<typeof meeting>[0]) => {
    const m = meeting(resolutions);
    return voteProblems(m, quorumOf(m, members, branch, settings));
  };

  it('allows votes up to the 有表决权实到 (the 预备党员 present has none) and refuses one more, on the field', () => {
    expect(quorumOf(meeting([]), members, branch, settings)).toMatchObject({ present: 4, votingPresent: 3 });
    expect(problems([{ text: '甲', votesFor: 3 }, { text: '乙', votesFor: 1, votesAgainst: 1, abstentions: 1 }])).toEqual([]);
    expect(problems([{ text: '甲', votesFor: 4 }])).toEqual([{ index: 0, field: 'votesFor', message: '赞成4票，多于有表决权党员实到3人' }]);
    expect(problems([{ text: '甲', votesFor: 2, abstentions: 2 }])).toEqual([
      { index: 0, field: 'abstentions', message: '赞成、反对、弃权合计4票，多于有表决权党员实到3人' },
    ]);
    expect(problems([{ text: '甲' }, { text: '乙', votesAgainst: 5 }])).toEqual([
      { index: 1, field: 'votesAgainst', message: '反对5票，多于有表决权党员实到3人' },
    ]);
  });

  it('checks a meeting with counts only on the ledger’s figures, and makes up no list', () => {
    const counts = makeMeeting('c', '支部党员大会', '2025-03-05T14:30:00+08:00', {
      attendance: [],
      headcount: { expected: 24, present: 13, onLeave: 2 },
      resolutions: [{ text: '同意', votesFor: 13 }],
    });
    const result = quorumOf(counts, members, branch, settings);
    expect(result).toMatchObject({
      expected: 24, present: 13, onLeave: 2, absent: 11, votingExpected: 24, votingPresent: 13,
      attendanceRecorded: true, countsOnly: true, quorumNeeded: 13, quorumMet: true, absentMemberIds: [],
    });
    expect(result.resolutions[0]).toMatchObject({ votesNeeded: 13, passed: true });
    expect(voteProblems(counts, result)).toEqual([]);
    const over = { ...counts, resolutions: [{ text: '同意', votesFor: 14 }] };
    expect(voteProblems(over, quorumOf(over, members, branch, settings))).toEqual([{ index: 0, field: 'votesFor', message: '赞成14票，多于有表决权党员实到13人' }]);
    const short = { ...counts, headcount: { expected: 24, present: 12 }, resolutions: [{ text: '同意', votesFor: 12 }] };
    expect(meetingQuorum(makeInput({ members, meetings: [short] })).map((f) => f.severity)).toEqual(['error']);
  });
});
