import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Branch, Member } from '@shared/model';
import type { BranchLedgerDatabase } from './database';
import { addMeeting, listMeetings, meetingHistory, updateMeeting, type MeetingInput } from './meetings';
import { demoDatabase, refusal } from './testing';

let db: BranchLedgerDatabase;
let branch: Branch;
let members: Member[];

beforeEach(async () => {
  ({ db, branch, members } = await demoDatabase('2025-03-05'));
});

function congress(fields: Partial<MeetingInput> = {}): MeetingInput {
  return {
    type: '支部党员大会',
    title: '2025年3月支部党员大会',
    startAt: '2025-03-05T14:30:00+08:00',
    endAt: '2025-03-05T16:00:00+08:00',
    location: ' 三楼会议室 ',
    hostId: members[0].id,
    recorderId: members[2].id,
    attendance: members.map((m, i) => ({ memberId: m.id, state: i < 2 ? '请假' : '出席', reason: i < 2 ? '出差' : '' })),
    topics: ['学习贯彻全会精神', ''],
    speeches: [{ speakerId: members[0].id, text: '要学深悟透。' }],
    resolutions: [{ text: '同意接收预备党员', votesFor: 18, votesAgainst: 1, abstentions: 1 }],
    ...fields,
  };
}

/** 正式党员 marked 出席 by congress(): 预备党员 have no vote (党章 第七条). */
const votingPresent = () => members.filter((m, i) => i >= 2 && m.category === '正式党员').length;

describe('meetings repository', () => {
  it('refuses votes beyond the 实到 with a vote, at the edge and above, and keeps a ledger’s counts as they are', async () => {
    const limit = votingPresent();
    await expect(addMeeting(db, branch.id, congress({ resolutions: [{ text: '恰好', votesFor: limit - 1, abstentions: 1 }] }))).resolves.toBeTruthy();
    const over = await refusal(addMeeting(db, branch.id, congress({ resolutions: [{ text: '多一票', votesFor: limit, votesAgainst: 1 }] })));
    expect(over.problems).toEqual([
      { field: 'resolutions', message: `第1项决议：赞成、反对、弃权合计${limit + 1}票，多于有表决权党员实到${limit}人` },
    ]);
    // Counts only (出席名单未导入): the counts are kept and checked, no list is made up.
    const countsOnly = congress({ attendance: [], headcount: { expected: 5, present: 3 }, resolutions: [{ text: '同意', votesFor: 4 }] });
    const refused = await refusal(addMeeting(db, branch.id, countsOnly));
    expect(refused.problems).toEqual([{ field: 'resolutions', message: '第1项决议：赞成4票，多于有表决权党员实到3人' }]);
    const kept = await addMeeting(db, branch.id, { ...countsOnly, resolutions: [{ text: '同意', votesFor: 3 }] });
    expect(kept).toMatchObject({ attendance: [], headcount: { expected: 5, present: 3 } });
    const impossible = await refusal(addMeeting(db, branch.id, congress({ attendance: [], headcount: { expected: 3, present: 4 }, resolutions: [] })));
    expect(impossible.problems).toEqual([{ field: 'headcount', message: '实到4人，多于应到3人' }]);
  });

  it('adds a meeting with its audit entry, trimming text and dropping empty 议题 and 原因', async () => {
    const meeting = await addMeeting(db, branch.id, congress());
    expect(meeting).toMatchObject({ location: '三楼会议室', topics: ['学习贯彻全会精神'], alsoCountsAs: [] });
    expect(meeting.attendance[2]).toEqual({ memberId: members[2].id, state: '出席' });
    expect(meeting.attendance[0]).toEqual({ memberId: members[0].id, state: '请假', reason: '出差' });
    expect(await db.meetings.get(meeting.id)).toEqual(meeting);
    expect((await meetingHistory(db, meeting.id)).map((h) => h.summary)).toEqual(['新增支部党员大会 2025年3月支部党员大会']);
  });

  it('refuses a contradictory record with every problem, writing nothing', async () => {
    const error = await refusal(addMeeting(
      db,
      branch.id,
      congress({
        title: ' ',
        endAt: '2025-03-05T13:00:00+08:00',
      }),
    ));
    expect(error.problems).toEqual([{ field: 'title', message: '请填写会议名称' }]);

    const second = await refusal(addMeeting(db, branch.id, congress({ endAt: '2025-03-05T13:00:00+08:00', resolutions: [{ text: '同意', votesFor: 30 }] })));
    expect(second.problems).toEqual([
      { field: 'endAt', message: '结束时间不能早于开始时间' },
      { field: 'resolutions', message: `第1项决议：赞成30票，多于有表决权党员实到${votingPresent()}人` },
    ]);
    expect(await db.meetings.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('requires the 党小组 of a 党小组会 and members of this branch', async () => {
    const error = await refusal(addMeeting(db, branch.id, congress({ type: '党小组会', hostId: 'someone-else' })));
    expect(error.problems).toEqual([
      { field: 'partyGroupId', message: '党小组会请选择党小组' },
      { field: 'hostId', message: '主持人不是本支部党员' },
    ]);
  });

  it('updates with a summary of what changed, and clears emptied fields', async () => {
    const meeting = await addMeeting(db, branch.id, congress());
    const updated = await updateMeeting(db, meeting.id, congress({ location: '', alsoCountsAs: ['主题党日'] }));
    expect(updated.location).toBeUndefined();
    expect('location' in updated).toBe(false);
    const history = await meetingHistory(db, meeting.id);
    expect(history[0]).toMatchObject({ summary: '修改 同时计为、地点', changes: { location: ['三楼会议室', undefined] } });
    // Saving the same again writes nothing.
    await updateMeeting(db, meeting.id, congress({ location: '', alsoCountsAs: ['主题党日'] }));
    expect(await meetingHistory(db, meeting.id)).toHaveLength(2);
  });

  it('lists a branch\'s meetings newest first, by year and month', async () => {
    await addMeeting(db, branch.id, congress({ title: '一月', startAt: '2025-01-10T09:00:00+08:00', endAt: undefined }));
    await addMeeting(db, branch.id, congress({ title: '三月' }));
    await addMeeting(db, branch.id, congress({ title: '去年', startAt: '2024-12-31T09:00:00+08:00', endAt: undefined }));
    expect((await listMeetings(db, branch.id)).map((m) => m.title)).toEqual(['三月', '一月', '去年']);
    expect((await listMeetings(db, branch.id, 2025)).map((m) => m.title)).toEqual(['三月', '一月']);
    expect((await listMeetings(db, branch.id, 2025, 1)).map((m) => m.title)).toEqual(['一月']);
    expect(await listMeetings(db, 'other-branch')).toEqual([]);
  });
});
