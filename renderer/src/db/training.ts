import { formatDate } from '@shared/dates';
import { TRAINING_FIELD_LABELS, trainingRecordFieldsSchema, type TrainingRecord, type TrainingRecordFields } from '@shared/model';
import { creditMeeting, readTrainingSettings, TRAINING_SETTINGS_KEY, type TrainingSettings } from '@shared/training';
import { nowIso, writeAuditMany } from './audit';
import type { BranchLedgerDatabase } from './database';
import { deleteMemberRecord } from './deletion';
import { problemsFromZod, ValidationError } from './errors';
import { createRecord, fieldChange, getRecord, newRecordMeta, updateRecord, type TableName } from './records';

/** 学习培训学时: one record per member per activity; a 集中学习 or 党课 credits its attendees in one step. */

export type TrainingInput = Omit<TrainingRecordFields, 'meetingId'>;

const TABLES: TableName[] = ['training', 'members', 'auditLog'];

export async function getTrainingSettings(db: BranchLedgerDatabase): Promise<TrainingSettings> {
  return readTrainingSettings((await db.settings.get(TRAINING_SETTINGS_KEY))?.value);
}

async function validate(db: BranchLedgerDatabase, branchId: string, input: TrainingInput, meetingId?: string): Promise<{ fields: TrainingRecordFields; name: string }> {
  const parsed = trainingRecordFieldsSchema.safeParse({ ...input, meetingId });
  if (!parsed.success) {
    throw new ValidationError(problemsFromZod(parsed.error));
  }
  const member = await db.members.get(parsed.data.memberId);
  if (!member || member.branchId !== branchId) {
    throw new ValidationError([{ field: 'memberId', message: '该人员不是本支部党员' }]);
  }
  return { fields: parsed.data, name: member.name };
}

/** `张三 2025年3月5日 学习党章 4学时`. */
function summaryOf(name: string, record: Pick<TrainingRecordFields, 'date' | 'activity' | 'hours'>): string {
  return `${name} ${formatDate(record.date)} ${record.activity} ${record.hours}学时`;
}

export async function addTraining(db: BranchLedgerDatabase, branchId: string, input: TrainingInput): Promise<TrainingRecord> {
  return db.transaction('rw', TABLES, async () => {
    const { fields, name } = await validate(db, branchId, input);
    return createRecord(db, 'training', { ...fields, ...newRecordMeta(), branchId }, `新增学时记录 ${summaryOf(name, fields)}`);
  });
}

const EDITED_KEYS = trainingRecordFieldsSchema.keyof().exclude(['meetingId']).options;

/** Edits a record; the meeting that credited it stays linked. */
export async function updateTraining(db: BranchLedgerDatabase, id: string, input: TrainingInput): Promise<TrainingRecord> {
  return updateRecord(db, 'training', id, {
    reads: TABLES,
    next: async (before) => {
      const { fields } = await validate(db, before.branchId, input, before.meetingId);
      return fieldChange(before, { fields, keys: EDITED_KEYS, labels: TRAINING_FIELD_LABELS });
    },
  });
}

export async function deleteTraining(db: BranchLedgerDatabase, id: string): Promise<void> {
  await deleteMemberRecord(db, 'training', id, (before, name) => `删除学时记录 ${summaryOf(name, before)}`);
}

export type CreditOutcome = { ok: true; credited: number; alreadyCredited: number } | { ok: false; message: string };

/**
 * 计入学时: each member marked 出席 at a 集中学习 or 党课 gets `hours`, all in ONE transaction; members already
 * credited for the meeting are not credited twice. A meeting with only a headcount credits nobody and says why.
 */
export async function creditMeetingHours(db: BranchLedgerDatabase, meetingId: string, hours: number): Promise<CreditOutcome> {
  return db.transaction('rw', ['meetings', ...TABLES], async () => {
    const meeting = await getRecord(db, 'meetings', meetingId);
    const existing = await db.training.where('meetingId').equals(meetingId).toArray();
    const result = creditMeeting(meeting, hours, { now: nowIso(), newId: () => crypto.randomUUID(), existing });
    if (!result.ok) {
      return result;
    }
    const names = new Map((await db.members.bulkGet(result.records.map((r) => r.memberId))).map((m) => [m?.id, m?.name ?? '']));
    await db.training.bulkAdd(result.records);
    await writeAuditMany(
      db,
      result.records.map((r) => ({
        table: 'training',
        action: 'create',
        recordId: r.id,
        branchId: r.branchId,
        summary: `会议计入学时 ${summaryOf(names.get(r.memberId) ?? '', r)}`,
      })),
    );
    return { ok: true, credited: result.records.length, alreadyCredited: result.alreadyCredited };
  });
}

/** A branch's records of one year, by the `[branchId+date]` index. */
export function listTraining(db: BranchLedgerDatabase, branchId: string, year: number): Promise<TrainingRecord[]> {
  return db.training.where('[branchId+date]').between([branchId, `${year}-01-01`], [branchId, `${year}-12-31`], true, true).toArray();
}

/** The records a meeting credited. */
export function trainingOfMeeting(db: BranchLedgerDatabase, meetingId: string): Promise<TrainingRecord[]> {
  return db.training.where('meetingId').equals(meetingId).toArray();
}
