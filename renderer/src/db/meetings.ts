import Dexie from 'dexie';
import {
  attachmentSizeProblem,
  checkMeeting,
  guessAttachmentKind,
  isImageMimeType,
  MEETING_FIELD_LABELS,
  meetingFieldsSchema,
  formatFileSize,
  type Attachment,
  type AttachmentKind,
  type AttachmentMeta,
  type AttachmentOwnerTable,
  type Meeting,
  type MeetingFields,
  type MeetingFieldsInput,
} from '@shared/model';
import { startAtRange } from '@shared/meetings/search';
import { quorumOf, voteProblems } from '@shared/rules/quorum';
import { DEFAULT_RULE_SETTINGS } from '@shared/rules/settings';
import { historyOf, nowIso, writeAudit, writeFieldUpdate } from './audit';
import type { BranchLedgerDatabase } from './database';
import { NotFoundError, problemsFromZod, ValidationError, type FieldProblem } from './errors';

export type MeetingInput = MeetingFieldsInput;

/** Every member a meeting names, with the field that names them. */
function referencedMembers(fields: MeetingFields): { field: keyof MeetingFields; id: string; what: string }[] {
  const refs: { field: keyof MeetingFields; id: string; what: string }[] = [];
  if (fields.hostId) {
    refs.push({ field: 'hostId', id: fields.hostId, what: '主持人' });
  }
  if (fields.recorderId) {
    refs.push({ field: 'recorderId', id: fields.recorderId, what: '记录人' });
  }
  for (const a of fields.attendance) {
    refs.push({ field: 'attendance', id: a.memberId, what: '出席情况中的人员' });
  }
  for (const s of fields.speeches) {
    if (s.speakerId) {
      refs.push({ field: 'speeches', id: s.speakerId, what: '发言人' });
    }
  }
  return refs;
}

/** Validates a meeting against its schema, itself and its branch; throws ValidationError with every problem. */
async function validate(db: BranchLedgerDatabase, branchId: string, input: MeetingInput): Promise<MeetingFields> {
  const parsed = meetingFieldsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(problemsFromZod(parsed.error));
  }
  const fields = parsed.data;
  const problems: FieldProblem[] = checkMeeting(fields).map((p) => ({ field: p.field, message: p.message }));

  const branch = await db.branches.get(branchId);
  if (!branch) {
    throw new NotFoundError('该支部');
  }
  if (fields.partyGroupId && !branch.partyGroups.some((g) => g.id === fields.partyGroupId)) {
    problems.push({ field: 'partyGroupId', message: '所选党小组不属于本支部' });
  }
  // Votes against the 实到 with a vote on the day: the roster decides who had one (the thresholds do not matter here).
  if (fields.resolutions.some((r) => r.votesFor !== undefined || r.votesAgainst !== undefined || r.abstentions !== undefined)) {
    const roster = await db.members.where('branchId').equals(branchId).toArray();
    const meeting: Meeting = { ...fields, id: '', branchId, createdAt: '', updatedAt: '' };
    for (const problem of voteProblems(meeting, quorumOf(meeting, roster, branch, DEFAULT_RULE_SETTINGS))) {
      problems.push({ field: 'resolutions', message: `第${problem.index + 1}项决议：${problem.message}` });
    }
  }
  const refs = referencedMembers(fields);
  const found = await db.members.bulkGet([...new Set(refs.map((r) => r.id))]);
  const ofBranch = new Set(found.filter((m) => m?.branchId === branchId).map((m) => m!.id));
  for (const ref of refs) {
    if (!ofBranch.has(ref.id) && !problems.some((p) => p.field === ref.field)) {
      problems.push({ field: ref.field, message: `${ref.what}不是本支部党员` });
    }
  }
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
  return fields;
}

export async function addMeeting(db: BranchLedgerDatabase, branchId: string, input: MeetingInput): Promise<Meeting> {
  return db.transaction('rw', [db.meetings, db.members, db.branches, db.auditLog], async () => {
    const fields = await validate(db, branchId, input);
    const at = nowIso();
    const meeting: Meeting = { ...fields, id: crypto.randomUUID(), branchId, createdAt: at, updatedAt: at };
    await db.meetings.add(meeting);
    await writeAudit(db, { table: 'meetings', action: 'create', recordId: meeting.id, branchId, summary: `新增${meeting.type} ${meeting.title}` });
    return meeting;
  });
}

const MEETING_FIELD_KEYS = Object.keys(MEETING_FIELD_LABELS) as (keyof MeetingFields)[];

export async function updateMeeting(db: BranchLedgerDatabase, id: string, input: MeetingInput): Promise<Meeting> {
  return db.transaction('rw', [db.meetings, db.members, db.branches, db.auditLog], async () => {
    const before = await db.meetings.get(id);
    if (!before) {
      throw new NotFoundError('该会议记录');
    }
    const fields = await validate(db, before.branchId, input);
    return writeFieldUpdate(db, { table: 'meetings', before, fields, keys: MEETING_FIELD_KEYS, labels: MEETING_FIELD_LABELS });
  });
}

/** What the audit log keeps of an attachment: never the bytes (the log would grow by every photo). */
function metaOf(attachment: Attachment): AttachmentMeta {
  const { data: _data, thumbnail: _thumbnail, ...meta } = attachment;
  return meta;
}

/** Deletes a meeting and its attachments; the audit log keeps the record and the attachments' names. */
export async function deleteMeeting(db: BranchLedgerDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.meetings, db.attachments, db.auditLog], async () => {
    const before = await db.meetings.get(id);
    if (!before) {
      throw new NotFoundError('该会议记录');
    }
    const attachments = await db.attachments.where('[ownerTable+ownerId]').equals(['meetings', id]).toArray();
    for (const attachment of attachments) {
      await db.attachments.delete(attachment.id);
      await writeAudit(db, {
        table: 'attachments',
        action: 'delete',
        recordId: attachment.id,
        branchId: before.branchId,
        summary: `随会议删除附件 ${attachment.name}`,
        before: metaOf(attachment),
      });
    }
    await db.meetings.delete(id);
    await writeAudit(db, { table: 'meetings', action: 'delete', recordId: id, branchId: before.branchId, summary: `删除${before.type} ${before.title}`, before });
  });
}

/** A branch's meetings, newest first, optionally of one year or month (by the `[branchId+startAt]` index). */
export async function listMeetings(db: BranchLedgerDatabase, branchId: string, year?: number, month?: number): Promise<Meeting[]> {
  const range = startAtRange(year, month);
  const lower = range ? [branchId, range[0]] : [branchId, Dexie.minKey];
  const upper = range ? [branchId, range[1]] : [branchId, Dexie.maxKey];
  // Ascending lets IndexedDB answer with one getAll(); `.reverse()` would walk a cursor over every record.
  const meetings = await db.meetings.where('[branchId+startAt]').between(lower, upper, true, true).toArray();
  return meetings.reverse();
}

export function meetingHistory(db: BranchLedgerDatabase, id: string) {
  return historyOf(db, 'meetings', id);
}

export interface AttachmentInput {
  ownerTable: AttachmentOwnerTable;
  ownerId: string;
  name: string;
  mimeType?: string;
  data: Blob;
  /** For images: a small JPEG/PNG made by the page (canvas), shown in lists. */
  thumbnail?: Blob;
  kind?: AttachmentKind;
}

/** The branch a record belongs to, or NotFoundError. */
async function ownerBranchId(db: BranchLedgerDatabase, ownerTable: AttachmentOwnerTable, ownerId: string): Promise<string> {
  if (ownerTable === 'branches') {
    if (!(await db.branches.get(ownerId))) {
      throw new NotFoundError('该支部');
    }
    return ownerId;
  }
  const owner = (await db.table(ownerTable).get(ownerId)) as { branchId: string } | undefined;
  if (!owner) {
    throw new NotFoundError('附件所属的记录');
  }
  return owner.branchId;
}

/** Stores a file as a Blob; files over MAX_ATTACHMENT_BYTES are refused with a message naming file and size. */
export async function addAttachment(db: BranchLedgerDatabase, input: AttachmentInput): Promise<AttachmentMeta> {
  const name = input.name.trim();
  if (!name) {
    throw new ValidationError([{ field: 'attachments', message: '附件缺少文件名' }]);
  }
  const tooLarge = attachmentSizeProblem(name, input.data.size);
  if (tooLarge) {
    throw new ValidationError([{ field: 'attachments', message: tooLarge }]);
  }
  const mimeType = input.mimeType || input.data.type || 'application/octet-stream';
  return db.transaction('rw', [db.attachments, db.auditLog, db.table(input.ownerTable)], async () => {
    const branchId = await ownerBranchId(db, input.ownerTable, input.ownerId);
    const attachment: Attachment = {
      id: crypto.randomUUID(),
      branchId,
      ownerTable: input.ownerTable,
      ownerId: input.ownerId,
      name,
      mimeType,
      size: input.data.size,
      kind: input.kind ?? guessAttachmentKind(name, mimeType),
      createdAt: nowIso(),
      data: input.data,
      thumbnail: isImageMimeType(mimeType) ? input.thumbnail : undefined,
    };
    await db.attachments.add(attachment);
    await writeAudit(db, {
      table: 'attachments',
      action: 'create',
      recordId: attachment.id,
      branchId,
      summary: `上传附件 ${name}（${formatFileSize(attachment.size)}）`,
    });
    return metaOf(attachment);
  });
}

export async function setAttachmentKind(db: BranchLedgerDatabase, id: string, kind: AttachmentKind): Promise<void> {
  await db.transaction('rw', db.attachments, db.auditLog, async () => {
    const before = await db.attachments.get(id);
    if (!before) {
      throw new NotFoundError('该附件');
    }
    if (before.kind === kind) {
      return;
    }
    await db.attachments.update(id, { kind });
    await writeAudit(db, {
      table: 'attachments',
      action: 'update',
      recordId: id,
      branchId: before.branchId,
      summary: `附件 ${before.name} 改为${kind}`,
      before: metaOf(before),
      after: { ...metaOf(before), kind },
    });
  });
}

export async function removeAttachment(db: BranchLedgerDatabase, id: string): Promise<void> {
  await db.transaction('rw', db.attachments, db.auditLog, async () => {
    const before = await db.attachments.get(id);
    if (!before) {
      throw new NotFoundError('该附件');
    }
    await db.attachments.delete(id);
    await writeAudit(db, { table: 'attachments', action: 'delete', recordId: id, branchId: before.branchId, summary: `删除附件 ${before.name}`, before: metaOf(before) });
  });
}

/** A record's attachments with their Blobs, oldest first. */
export async function listAttachments(db: BranchLedgerDatabase, ownerTable: AttachmentOwnerTable, ownerId: string): Promise<Attachment[]> {
  const rows = await db.attachments.where('[ownerTable+ownerId]').equals([ownerTable, ownerId]).toArray();
  return rows.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}
