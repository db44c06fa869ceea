import { describe, expect, it } from 'vitest';
import type { Branch, Meeting } from '../model';
import type { QuorumResult } from '../rules/quorum';
import {
  attendanceCounts,
  buildMinutes,
  defaultHostAndRecorder,
  defaultMeetingTitle,
  expectedParticipantIds,
  filterMeetings,
  formatAttendanceRatio,
  meetingCounts,
  formatDateTime,
  formatTimeRange,
  matchesMeetingQuery,
  mergeAttendance,
  minutesFileName,
  votingText,
} from './index';

const branch: Pick<Branch, 'committee' | 'partyGroups'> = {
  committee: {
    termYears: 3,
    members: [
      { memberId: 's', role: '书记' },
      { memberId: 'o', role: '组织委员' },
    ],
  },
  partyGroups: [{ id: 'g1', name: '第一党小组', leaderId: 'a' }],
};
const members = [
  { id: 's', partyGroupId: 'g1' },
  { id: 'o', partyGroupId: 'g2' },
  { id: 'a', partyGroupId: 'g1' },
  { id: 'b', partyGroupId: 'g2' },
  { id: 'gone', partyGroupId: 'g1', departure: { reason: '转出' as const, date: '2024-01-01' } },
];

function meeting(fields: Partial<Meeting>): Meeting {
  return {
    id: 'id',
    branchId: 'b',
    createdAt: '',
    updatedAt: '',
    type: '支部党员大会',
    alsoCountsAs: [],
    title: '会议',
    startAt: '2025-03-05T14:30:00+08:00',
    attendance: [],
    topics: [],
    speeches: [],
    resolutions: [],
    ...fields,
  };
}

describe('attendance', () => {
  it('counts 应到/实到/缺席 with 请假 inside 缺席', () => {
    const attendance = [
      { memberId: 'a', state: '出席' as const },
      { memberId: 'b', state: '请假' as const, reason: '出差' },
      { memberId: 'c', state: '缺席' as const },
      { memberId: 'd', state: '出席' as const },
    ];
    expect(attendanceCounts(attendance)).toEqual({ expected: 4, present: 2, onLeave: 1, absentWithoutLeave: 1, absent: 2 });
    expect(formatAttendanceRatio({ attendance })).toBe('4/2');
    expect(formatAttendanceRatio({ attendance: [] })).toBe('');
  });

  it('takes the ledger’s counts when no list was imported, and never makes up a list', () => {
    const countsOnly = { attendance: [], headcount: { expected: 24, present: 21, onLeave: 2 } };
    expect(meetingCounts(countsOnly)).toEqual({ expected: 24, present: 21, onLeave: 2, absentWithoutLeave: 1, absent: 3, source: 'headcount' });
    expect(meetingCounts({ attendance: [], headcount: { expected: 24, present: 21, onLeave: 2, absent: 1 } })).toMatchObject({ absent: 1, onLeave: 2 });
    expect(formatAttendanceRatio(countsOnly)).toBe('24/21');
    expect(meetingCounts({ attendance: [] })).toBeUndefined();
  });

  it('expects the whole active roster, the committee, or the 党小组', () => {
    expect(expectedParticipantIds('支部党员大会', members, branch)).toEqual(['s', 'o', 'a', 'b']);
    expect(expectedParticipantIds('主题党日', members, branch)).toEqual(['s', 'o', 'a', 'b']);
    expect(expectedParticipantIds('支部委员会', members, branch)).toEqual(['s', 'o']);
    expect(expectedParticipantIds('党小组会', members, branch, 'g1')).toEqual(['s', 'a']);
    expect(expectedParticipantIds('党小组会', members, branch)).toEqual([]);
  });

  it('keeps what was entered when the expected list changes', () => {
    expect(mergeAttendance(['a', 'c'], [{ memberId: 'a', state: '请假', reason: '病假' }, { memberId: 'b', state: '缺席' }])).toEqual([
      { memberId: 'a', state: '请假', reason: '病假' },
      { memberId: 'c', state: '出席' },
    ]);
  });
});

describe('defaults', () => {
  it('titles a new meeting by month and type', () => {
    expect(defaultMeetingTitle('主题党日', '2025-03-05')).toBe('2025年3月主题党日');
    expect(defaultMeetingTitle('支部委员会', '2025-11-05')).toBe('2025年11月支部委员会会议');
    expect(defaultMeetingTitle('党小组会', '2025-03-05', '第一党小组')).toBe('2025年3月第一党小组会');
  });

  it('lets the 书记 host and the 组织委员 record; the 组长 hosts a 党小组会', () => {
    expect(defaultHostAndRecorder('支部党员大会', branch)).toEqual({ hostId: 's', recorderId: 'o' });
    expect(defaultHostAndRecorder('党小组会', branch, 'g1')).toEqual({ hostId: 'a' });
  });
});

describe('search', () => {
  const meetings = [
    meeting({ id: '1', title: '三月支部党员大会', content: '学习贯彻党的二十届三中全会精神' }),
    meeting({ id: '2', type: '主题党日', alsoCountsAs: ['党课'], title: '参观红色教育基地', startAt: '2025-04-10T09:00:00+08:00', topics: ['重温入党誓词'] }),
    meeting({ id: '3', type: '支部委员会', title: '研究发展党员', startAt: '2024-12-01T09:00:00+08:00', speeches: [{ speakerId: 'a', text: '同意列为积极分子' }] }),
  ];

  it('finds Chinese words inside text without spaces', () => {
    expect(matchesMeetingQuery(meetings[0], '三中全会')).toBe(true);
    expect(matchesMeetingQuery(meetings[0], '贯彻 精神')).toBe(true);
    expect(matchesMeetingQuery(meetings[0], '贯彻 誓词')).toBe(false);
    expect(filterMeetings(meetings, { query: '入党誓词' }).map((m) => m.id)).toEqual(['2']);
    expect(filterMeetings(meetings, { query: '积极分子' }).map((m) => m.id)).toEqual(['3']);
  });

  it('filters by type (同时计为 included), year and month', () => {
    expect(filterMeetings(meetings, { type: '党课' }).map((m) => m.id)).toEqual(['2']);
    expect(filterMeetings(meetings, { year: 2025 }).map((m) => m.id)).toEqual(['1', '2']);
    expect(filterMeetings(meetings, { year: 2025, month: 4 }).map((m) => m.id)).toEqual(['2']);
  });
});

describe('format', () => {
  it('shows times as recorded, in Chinese', () => {
    expect(formatDateTime('2025-03-05T14:30:00+08:00')).toBe('2025年3月5日 14:30');
    expect(formatTimeRange('2025-03-05T14:30:00+08:00', '2025-03-05T16:00:00+08:00')).toBe('2025年3月5日 14:30—16:00');
  });

  it('names the Word file date_type_title without characters Windows refuses', () => {
    expect(minutesFileName({ startAt: '2025-03-05T14:30:00+08:00', type: '支部党员大会', title: '学习/讨论：“两学一做”?' })).toBe(
      '2025-03-05_支部党员大会_学习_讨论：“两学一做”_.docx',
    );
  });
});

describe('minutes', () => {
  it('lays out the record: header fields, absentees with reasons, speeches and votes', () => {
    const minutes = buildMinutes(
      meeting({
        hostId: 'a',
        attendance: [
          { memberId: 'a', state: '出席' },
          { memberId: 'b', state: '请假', reason: '出差' },
        ],
        speeches: [{ speakerName: '上级指导 刘老师', text: '很好' }],
        resolutions: [{ text: '同意', votesFor: 1 }],
      }),
      { branchName: '支部', nameOf: (id) => ({ a: '甲', b: '乙' })[id ?? ''] ?? '' },
    );
    const fields = Object.fromEntries(minutes.headerRows.flat().map((f) => [f.label, f.value]));
    expect(fields).toMatchObject({ 主持人: '甲', 应到人数: '2人', 实到人数: '1人', 缺席人数: '1人（其中请假1人）', 请假人员及原因: '乙（出差）', 缺席人员及原因: '无' });
    expect(minutes.sections).toEqual([{ heading: '发言摘要', paragraphs: ['上级指导 刘老师：很好'] }]);
    expect(minutes.resolutions[0].votes).toBe('赞成1票，反对0票，弃权0票');
  });
});

describe('voting text', () => {
  const result = (fields: Partial<QuorumResult>): QuorumResult => ({
    kind: 'partyCongress',
    date: '2025-03-05',
    expected: 25,
    present: 23,
    onLeave: 2,
    absent: 2,
    absentMemberIds: [],
    votingExpected: 23,
    votingPresent: 21,
    attendanceRecorded: true,
    countsOnly: false,
    quorumNeeded: 12,
    quorumMet: true,
    resolutions: [{ text: '同意', votesFor: 20, votesNeeded: 12, passed: true }],
    source: '《中国共产党支部工作条例（试行）》第十一条',
    ...fields,
  });

  it('states quorum and verdicts with the article', () => {
    expect(votingText(result({}))).toEqual({
      lines: ['有表决权的党员（正式党员）应到23人，实到21人，须至少12人到会：超过半数，可以进行表决（《中国共产党支部工作条例（试行）》第十一条）。'],
      verdicts: ['通过（赞成须至少12票，《中国共产党支部工作条例（试行）》第十一条）'],
    });
  });

  it('says a vote without quorum is void, and nothing for meetings without a rule', () => {
    const noQuorum = votingText(result({ votingPresent: 10, quorumMet: false, resolutions: [{ text: '同意', votesFor: 10, votesNeeded: 12, passed: false }] }));
    expect(noQuorum.lines[0]).toContain('未达到规定人数，不能进行表决');
    expect(noQuorum.verdicts).toEqual(['未通过（到会人数不足，表决无效）']);
    expect(votingText(result({ kind: 'other', resolutions: [{ text: '学习', votesNeeded: null, passed: null }] }))).toEqual({ lines: [], verdicts: [undefined] });
  });
});
