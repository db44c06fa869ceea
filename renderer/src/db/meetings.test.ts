import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateDemoBranch } from '@shared/demo';
import { MAX_ATTACHMENT_BYTES, type Branch, type Member } from '@shared/model';
import type { BranchLedgerDatabase } from './database';
import { NotFoundError, ValidationError } from './errors';
import {
  addAttachment,
  addMeeting,
  deleteMeeting,
  listAttachments,
  listMeetings,
  meetingHistory,
  removeAttachment,
  setAttachmentKind,
  updateMeeting,
  type MeetingInput,
} from './meetings';
import { freshDatabase } from './testing';

let db: BranchLedgerDatabase;
let branch: Branch;
let members: Member[];

beforeEach(async () => {
  db = freshDatabase();
  const demo = generateDemoBranch({ today: '2025-03-05' });
  branch = demo.branch;
  members = demo.members;
  await db.branches.add(branch);
  await db.members.bulkAdd(members);
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
    const over = await addMeeting(db, branch.id, congress({ resolutions: [{ text: '多一票', votesFor: limit, votesAgainst: 1 }] })).catch((e: unknown) => e);
    expect((over as ValidationError).problems).toEqual([
      { field: 'resolutions', message: `第1项决议：赞成、反对、弃权合计${limit + 1}票，多于有表决权党员实到${limit}人` },
    ]);
    // Counts only (出席名单未导入): the counts are kept and checked, no list is made up.
    const countsOnly = congress({ attendance: [], headcount: { expected: 5, present: 3 }, resolutions: [{ text: '同意', votesFor: 4 }] });
    const refused = await addMeeting(db, branch.id, countsOnly).catch((e: unknown) => e);
    expect((refused as ValidationError).problems).toEqual([{ field: 'resolutions', message: '第1项决议：赞成4票，多于有表决权党员实到3人' }]);
    const kept = await addMeeting(db, branch.id, { ...countsOnly, resolutions: [{ text: '同意', votesFor: 3 }] });
    expect(kept).toMatchObject({ attendance: [], headcount: { expected: 5, present: 3 } });
    const impossible = await addMeeting(db, branch.id, congress({ attendance: [], headcount: { expected: 3, present: 4 }, resolutions: [] })).catch((e: unknown) => e);
    expect((impossible as ValidationError).problems).toEqual([{ field: 'headcount', message: '实到4人，多于应到3人' }]);
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
    const error = await addMeeting(
      db,
      branch.id,
      congress({
        title: ' ',
        endAt: '2025-03-05T13:00:00+08:00',
      }),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).problems).toEqual([{ field: 'title', message: '请填写会议名称' }]);

    const second = await addMeeting(db, branch.id, congress({ endAt: '2025-03-05T13:00:00+08:00', resolutions: [{ text: '同意', votesFor: 30 }] })).catch((e: unknown) => e);
    expect((second as ValidationError).problems).toEqual([
      { field: 'endAt', message: '结束时间不能早于开始时间' },
      { field: 'resolutions', message: `第1项决议：赞成30票，多于有表决权党员实到${votingPresent()}人` },
    ]);
    expect(await db.meetings.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('requires the 党小组 of a 党小组会 and members of this branch', async () => {
    const error = await addMeeting(db, branch.id, congress({ type: '党小组会', hostId: 'someone-else' })).catch((e: unknown) => e);
    expect((error as ValidationError).problems).toEqual([
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

  it('stores attachments as Blobs with thumbnails for images, and deletes them with the meeting', async () => {
    const meeting = await addMeeting(db, branch.id, congress());
    const photo = await addAttachment(db, {
      ownerTable: 'meetings',
      ownerId: meeting.id,
      name: '会场照片.png',
      data: new Blob([new Uint8Array(2048)], { type: 'image/png' }),
      thumbnail: new Blob([new Uint8Array(10)], { type: 'image/jpeg' }),
    });
    expect(photo).toMatchObject({ branchId: branch.id, kind: '照片', size: 2048, mimeType: 'image/png' });
    expect(photo).not.toHaveProperty('data');
    await addAttachment(db, { ownerTable: 'meetings', ownerId: meeting.id, name: '签到表.pdf', data: new Blob(['%PDF'], { type: 'application/pdf' }) });

    const stored = await listAttachments(db, 'meetings', meeting.id);
    expect(stored.map((a) => [a.name, a.kind])).toEqual(
      expect.arrayContaining([
        ['会场照片.png', '照片'],
        ['签到表.pdf', '签到表'],
      ]),
    );
    const storedPhoto = stored.find((a) => a.id === photo.id)!;
    expect(storedPhoto.data.size).toBe(2048);
    expect(storedPhoto.thumbnail?.size).toBe(10);

    await setAttachmentKind(db, photo.id, '佐证材料');
    expect((await db.attachments.get(photo.id))?.kind).toBe('佐证材料');

    await deleteMeeting(db, meeting.id);
    expect(await db.meetings.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
    const log = (await db.auditLog.toArray()).filter((e) => e.table === 'attachments');
    expect(log.map((e) => e.summary)).toEqual([
      '上传附件 会场照片.png（2 KB）',
      '上传附件 签到表.pdf（4 B）',
      '附件 会场照片.png 改为佐证材料',
      expect.stringMatching(/^随会议删除附件 /),
      expect.stringMatching(/^随会议删除附件 /),
    ]);
    // The log keeps names, never the bytes.
    expect(log.every((e) => !(e.before && typeof e.before === 'object' && 'data' in e.before))).toBe(true);
  });

  it('refuses a file over the limit, naming it and its size', async () => {
    const meeting = await addMeeting(db, branch.id, congress());
    const big = new Blob([new Uint8Array(MAX_ATTACHMENT_BYTES + 3 * 1024 * 1024 + 300 * 1024)], { type: 'application/pdf' });
    const error = await addAttachment(db, { ownerTable: 'meetings', ownerId: meeting.id, name: '全年材料.pdf', data: big }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toBe('附件“全年材料.pdf”大小为 53.3 MB，超过 50 MB 的上限，未保存。请压缩或拆分后再上传。');
    expect(await db.attachments.count()).toBe(0);
  });

  it('refuses an attachment for a record that does not exist, and removes one with an audit entry', async () => {
    const missing = await addAttachment(db, { ownerTable: 'meetings', ownerId: 'nope', name: 'a.png', data: new Blob(['x']) }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    const meeting = await addMeeting(db, branch.id, congress());
    const file = await addAttachment(db, { ownerTable: 'meetings', ownerId: meeting.id, name: '讲稿.docx', data: new Blob(['x']) });
    expect(file.kind).toBe('文档');
    await removeAttachment(db, file.id);
    expect(await db.attachments.count()).toBe(0);
    expect((await db.auditLog.where('[table+recordId]').equals(['attachments', file.id]).last())?.summary).toBe('删除附件 讲稿.docx');
  });
});
