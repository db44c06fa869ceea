import Dexie from 'dexie';
import { formatDate, todayIso } from '@shared/dates';
import { TALK_FIELD_LABELS, talkFieldsSchema, type Talk, type TalkFields, type TalkFieldsInput } from '@shared/model';
import { checkTalk, sortTalksNewestFirst, talkYearRange } from '@shared/talks';
import { historyOf } from './audit';
import type { BranchLedgerDatabase } from './database';
import { deleteRecord } from './deletion';
import { problemsFromZod, ValidationError, type FieldProblem } from './errors';
import { createRecord, fieldChange, newRecordMeta, updateRecord, type TableName } from './records';

export type TalkInput = TalkFieldsInput;

/** Messages of the zod shape in the form's words. */
function shapeProblems(error: Parameters<typeof problemsFromZod>[0]): FieldProblem[] {
  const required: Partial<Record<string, string>> = {
    date: '请选择谈话时间',
    talkerId: '请选择谈话人',
    intervieweeIds: '请选择谈话对象',
    kind: '请选择谈话类型',
    form: '请选择形式',
  } satisfies Partial<Record<keyof TalkFields, string>>;
  const problems = problemsFromZod(error).map((p) => ({
    ...p,
    message: required[p.field] ?? p.message,
  }));
  // One message per field.
  return problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
}

/** Validates a talk against its shape, itself and its branch; throws ValidationError with every problem. */
async function validate(
  db: BranchLedgerDatabase,
  branchId: string,
  input: TalkInput,
  today: string,
): Promise<TalkFields> {
  const parsed = talkFieldsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(shapeProblems(parsed.error));
  }
  const fields = parsed.data;
  const problems: FieldProblem[] = checkTalk(fields, { today });
  const ids = [...new Set([fields.talkerId, ...fields.intervieweeIds])];
  const found = await db.members.bulkGet(ids);
  const ofBranch = new Set(found.filter((m) => m?.branchId === branchId).map((m) => m!.id));
  if (!ofBranch.has(fields.talkerId) && !problems.some((p) => p.field === 'talkerId')) {
    problems.push({ field: 'talkerId', message: '谈话人不是本支部党员' });
  }
  if (fields.intervieweeIds.some((id) => !ofBranch.has(id)) && !problems.some((p) => p.field === 'intervieweeIds')) {
    problems.push({ field: 'intervieweeIds', message: '谈话对象中有不是本支部党员的人员' });
  }
  if (problems.length > 0) {
    throw new ValidationError(problems);
  }
  return fields;
}

/** `2025年3月5日 王伟与李芳（交流谈话）`: what the change log says about a talk. */
async function summaryOf(db: BranchLedgerDatabase, talk: TalkFields): Promise<string> {
  const people = await db.members.bulkGet([talk.talkerId, ...talk.intervieweeIds]);
  const names = people.map((m) => m?.name ?? '（已删除的人员）');
  const interviewees = names.slice(1);
  const whom =
    interviewees.length > 3
      ? `${interviewees.slice(0, 3).join('、')}等${interviewees.length}人`
      : interviewees.join('、');
  return `${formatDate(talk.date)} ${names[0]}与${whom}（${talk.kind}）`;
}

const TABLES: TableName[] = ['talks', 'members', 'auditLog'];

export async function addTalk(
  db: BranchLedgerDatabase,
  branchId: string,
  input: TalkInput,
  today: string = todayIso(),
): Promise<Talk> {
  return db.transaction('rw', TABLES, async () => {
    const fields = await validate(db, branchId, input, today);
    return createRecord(db, 'talks', { ...fields, ...newRecordMeta(), branchId }, `新增谈心谈话 ${await summaryOf(db, fields)}`);
  });
}

const TALK_FIELD_KEYS = talkFieldsSchema.keyof().options;

export async function updateTalk(
  db: BranchLedgerDatabase,
  id: string,
  input: TalkInput,
  today: string = todayIso(),
): Promise<Talk> {
  return updateRecord(db, 'talks', id, {
    reads: TABLES,
    next: async (before) => {
      // The form has no 整改 field yet: an edit keeps the link unless the input names another one.
      const fields = await validate(db, before.branchId, { rectificationId: before.rectificationId, ...input }, today);
      return fieldChange(before, { fields, keys: TALK_FIELD_KEYS, labels: TALK_FIELD_LABELS });
    },
  });
}

/** Deletes a talk; the audit log keeps the whole record, and analyses that named it no longer do. */
export async function deleteTalk(db: BranchLedgerDatabase, id: string): Promise<void> {
  await deleteRecord(db, 'talks', id, { reads: TABLES, summary: async (before) => `删除谈心谈话 ${await summaryOf(db, before)}` });
}

/** A branch's talks of one year (or all), newest first, by the `[branchId+date]` index. */
export async function listTalks(db: BranchLedgerDatabase, branchId: string, year?: number): Promise<Talk[]> {
  const [from, to] = year ? talkYearRange(year) : [Dexie.minKey, Dexie.maxKey];
  const talks = await db.talks.where('[branchId+date]').between([branchId, from], [branchId, to], true, true).toArray();
  return sortTalksNewestFirst(talks);
}

/** A branch's talks dated on or after `from` (`YYYY-MM-DD`): a 必谈 of one year may be held early the next. */
export async function listTalksFrom(db: BranchLedgerDatabase, branchId: string, from: string): Promise<Talk[]> {
  return db.talks.where('[branchId+date]').between([branchId, from], [branchId, Dexie.maxKey], true, true).toArray();
}

export function talkHistory(db: BranchLedgerDatabase, id: string) {
  return historyOf(db, 'talks', id);
}
