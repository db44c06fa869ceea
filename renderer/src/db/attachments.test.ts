import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_ATTACHMENT_BYTES, type Branch, type Meeting } from '@shared/model';
import {
  addAttachment,
  countAttachments,
  countAttachmentsByOwner,
  listAttachmentMeta,
  listAttachments,
  removeAttachment,
  setAttachmentKind,
} from './attachments';
import type { BranchLedgerDatabase } from './database';
import { NotFoundError } from './errors';
import { addMeeting, deleteMeeting } from './meetings';
import { demoDatabase, refusal } from './testing';

let db: BranchLedgerDatabase;
let branch: Branch;
let meeting: Meeting;

beforeEach(async () => {
  ({ db, branch } = await demoDatabase('2025-03-05'));
  meeting = await addMeeting(db, branch.id, {
    type: '支部委员会会议',
    title: '2025年3月支部委员会会议',
    startAt: '2025-03-05T14:30:00+08:00',
    attendance: [],
    topics: [],
    speeches: [],
    resolutions: [],
  });
});

describe('attachments', () => {
  it('stores attachments as Blobs with thumbnails for images, and deletes them with the meeting', async () => {
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
    expect(await countAttachments(db, 'meetings', meeting.id)).toBe(2);
    expect(await countAttachmentsByOwner(db, branch.id, 'meetings')).toEqual(new Map([[meeting.id, 2]]));
    expect((await listAttachmentMeta(db, branch.id)).every((meta) => !('data' in meta))).toBe(true);

    await setAttachmentKind(db, photo.id, '佐证材料');
    // The same kind again writes nothing.
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
    expect(log.every((e) => !(e.before && typeof e.before === 'object' && 'thumbnail' in e.before))).toBe(true);
  });

  it('refuses a file over the limit, naming it and its size', async () => {
    const big = new Blob([new Uint8Array(MAX_ATTACHMENT_BYTES + 3 * 1024 * 1024 + 300 * 1024)], { type: 'application/pdf' });
    const error = await refusal(addAttachment(db, { ownerTable: 'meetings', ownerId: meeting.id, name: '全年材料.pdf', data: big }));
    expect(error.message).toBe('附件“全年材料.pdf”大小为 53.3 MB，超过 50 MB 的上限，未保存。请压缩或拆分后再上传。');
    expect(await db.attachments.count()).toBe(0);
  });

  it('refuses an attachment for a record that does not exist, and removes one with an audit entry', async () => {
    const missing = await addAttachment(db, { ownerTable: 'meetings', ownerId: 'nope', name: 'a.png', data: new Blob(['x']) }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    const file = await addAttachment(db, { ownerTable: 'meetings', ownerId: meeting.id, name: '讲稿.docx', data: new Blob(['x']) });
    expect(file.kind).toBe('文档');
    await removeAttachment(db, file.id);
    expect(await db.attachments.count()).toBe(0);
    expect((await db.auditLog.where('[table+recordId]').equals(['attachments', file.id]).last())?.summary).toBe('删除附件 讲稿.docx');
    await expect(removeAttachment(db, file.id)).rejects.toThrow('该附件不存在或已被删除');
  });
});
