import Dexie from 'dexie';
import {
  checkMeeting,
  MEETING_FIELD_LABELS,
  meetingFieldsSchema,
  type Meeting,
  type MeetingFields,
  type MeetingFieldsInput,
} from '@shared/model';
import { startAtRange } from '@shared/meetings/search';
import { quorumOf, voteProblems } from '@shared/rules/quorum';
import { DEFAULT_RULE_SETTINGS } from '@shared/rules/settings';
import { historyOf } from './audit';
import type { BranchLedgerDatabase } from './database';
import { deleteRecord } from './deletion';
import { problemsFromZod, ValidationError, type FieldProblem } from './errors';
import { createRecord, fieldChange, getRecord, newRecordMeta, updateRecord, type TableName } from './records';

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

  const branch = await getRecord(db, 'branches', branchId);
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

const TABLES: TableName[] = ['meetings', 'members', 'branches', 'auditLog'];

export async function addMeeting(db: BranchLedgerDatabase, branchId: string, input: MeetingInput): Promise<Meeting> {
  return db.transaction('rw', TABLES, async () => {
    const fields = await validate(db, branchId, input);
    return createRecord(db, 'meetings', { ...fields, ...newRecordMeta(), branchId }, `新增${fields.type} ${fields.title}`);
  });
}

const MEETING_FIELD_KEYS = meetingFieldsSchema.keyof().options;

export async function updateMeeting(db: BranchLedgerDatabase, id: string, input: MeetingInput): Promise<Meeting> {
  return updateRecord(db, 'meetings', id, {
    reads: TABLES,
    next: async (before) =>
      fieldChange(before, { fields: await validate(db, before.branchId, input), keys: MEETING_FIELD_KEYS, labels: MEETING_FIELD_LABELS }),
  });
}

/** Deletes a meeting and its attachments; the audit log keeps the record and the attachments' names. */
export async function deleteMeeting(db: BranchLedgerDatabase, id: string): Promise<void> {
  await deleteRecord(db, 'meetings', id, { summary: (before) => `删除${before.type} ${before.title}` });
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
