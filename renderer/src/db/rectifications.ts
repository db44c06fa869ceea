import { formatDate, todayIso } from '@shared/dates';
import {
  progressEntrySchema,
  RECTIFICATION_FIELD_LABELS,
  rectificationFieldsSchema,
  rectificationOriginSchema,
  type AttachmentMeta,
  type ProgressEntry,
  type Rectification,
  type RectificationFields,
  type RectificationFieldsInput,
  type RectificationOrigin,
} from '@shared/model';
import {
  ACTION_DEFINITIONS,
  actionSummary,
  ORIGIN_TABLE_LABELS,
  shortProblem,
  sortProgress,
  transitionProblems,
  type RectificationAction,
} from '@shared/rectifications';
import { addAttachment, countAttachments, countAttachmentsByOwner, listAttachments, removeAttachment, type AttachmentInput } from './attachments';
import { historyOf, nowIso, writeAudit } from './audit';
import type { BranchLedgerDatabase } from './database';
import { deleteRecord } from './deletion';
import { NotFoundError, problemsFromZod, ValidationError, type FieldProblem } from './errors';
import { link } from './links';
import { createRecord, fieldChange, getRecord, newRecordMeta, updateRecord, type TableName } from './records';

/**
 * 整改台账: tasks, their workflow, 整改进展 and 佐证材料. Every change is checked here (the page only helps) and
 * logged in the same transaction. Status moves only through changeStatus, which applies shared/rectifications.
 */

export type RectificationInput = RectificationFieldsInput;

/** What 销号 and the other actions are given besides the task. */
export interface StatusChangeInput {
  /** 提交验收 / 销号: 完成情况 as entered in the dialog (saved on the task). */
  outcome?: string;
  /** 销号: 销号审核人. */
  reviewer?: string;
  /** 销号: 销号日期, a calendar date not after today. */
  closedOn?: string;
  /** 退回整改: why; written into 整改进展. */
  note?: string;
}

/** A file of 佐证材料 as the page prepared it (size checked, thumbnail made). */
export type EvidenceInput = Omit<AttachmentInput, 'ownerTable' | 'ownerId' | 'kind'>;

function shapeProblems(error: Parameters<typeof problemsFromZod>[0]): FieldProblem[] {
  const problems = problemsFromZod(error).map((p) =>
    p.field === 'deadline' ? { ...p, message: '完成时限格式应为 年-月-日' } : p,
  );
  return problems.filter((p, i) => problems.findIndex((q) => q.field === p.field) === i);
}

/** Fields a task must keep once its status has needed them (an edit may not empty them again). */
function keptFieldProblems(task: Pick<Rectification, 'status'>, fields: RectificationFields): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const started = task.status === '整改中' || task.status === '已完成待验收' || task.status === '已销号';
  const keep = (field: 'measures' | 'owner' | 'deadline' | 'outcome', why: string) => {
    if (!fields[field]) {
      problems.push({ field, message: `${why}，不能清空${RECTIFICATION_FIELD_LABELS[field]}` });
    }
  };
  if (started || task.status === '长期坚持') {
    keep('measures', `任务${task.status}`);
  }
  if (started) {
    keep('owner', `任务${task.status}`);
    keep('deadline', `任务${task.status}`);
  }
  if (task.status === '已完成待验收' || task.status === '已销号') {
    keep('outcome', `任务${task.status}`);
  }
  return problems;
}

function parseFields(input: RectificationInput): RectificationFields {
  const parsed = rectificationFieldsSchema.safeParse(input);
  if (!parsed.success) {
    throw new ValidationError(shapeProblems(parsed.error));
  }
  return parsed.data;
}

/** The record a task is raised from, checked to exist in the same branch. */
async function checkOrigin(db: BranchLedgerDatabase, branchId: string, origin: RectificationOrigin): Promise<void> {
  const parsed = rectificationOriginSchema.safeParse(origin);
  if (!parsed.success) {
    throw new ValidationError([{ field: 'origin', message: '来源记录不正确' }]);
  }
  const record = await db.table<{ branchId: string }, string>(origin.table).get(origin.id);
  if (record?.branchId !== branchId) {
    throw new ValidationError([
      { field: 'origin', message: `来源${ORIGIN_TABLE_LABELS[origin.table]}不存在或不属于本支部` },
    ]);
  }
}

const EDIT_TABLES: TableName[] = ['rectifications', 'branches', 'meetings', 'talks', 'analyses', 'auditLog'];

/** 新增整改任务; raised from a record, the task links back to it (and a talk or analysis to the task). */
export async function addRectification(
  db: BranchLedgerDatabase,
  branchId: string,
  input: RectificationInput,
  origin?: RectificationOrigin,
): Promise<Rectification> {
  const fields = parseFields(input);
  return db.transaction('rw', EDIT_TABLES, async () => {
    await getRecord(db, 'branches', branchId);
    if (origin) {
      await checkOrigin(db, branchId, origin);
    }
    const task: Rectification = {
      ...fields,
      ...newRecordMeta(),
      branchId,
      progress: [],
      status: '未启动',
      origin: origin ? { table: origin.table, id: origin.id } : undefined,
    };
    const from = origin ? `（来自${ORIGIN_TABLE_LABELS[origin.table]}）` : '';
    await createRecord(db, 'rectifications', task, `新增整改任务 ${shortProblem(task.problem)}${from}`);
    // The record the task came from links back to it, in the same transaction, with its own audit entry.
    if (origin) {
      await link(db, origin, { table: 'rectifications', id: task.id }, `关联整改任务 ${shortProblem(task.problem)}`);
    }
    return task;
  });
}

const FORM_FIELDS = rectificationFieldsSchema.keyof().options;

/** Edits what the form shows; status, progress and 销号 are left as they are. */
export async function updateRectification(
  db: BranchLedgerDatabase,
  id: string,
  input: RectificationInput,
): Promise<Rectification> {
  const fields = parseFields(input);
  return updateRecord(db, 'rectifications', id, {
    check: (before) => {
      const kept = keptFieldProblems(before, fields);
      if (kept.length > 0) {
        throw new ValidationError(kept);
      }
    },
    next: (before) => fieldChange(before, { fields, keys: FORM_FIELDS, labels: RECTIFICATION_FIELD_LABELS }),
  });
}

/**
 * 开始整改, 提交验收, 销号, 退回整改, 设为长期坚持. Refused with a ValidationError whose problems name each
 * thing missing (field: measures / owner / deadline / outcome / evidence / reviewer / closedOn / status).
 */
export async function changeStatus(
  db: BranchLedgerDatabase,
  id: string,
  action: RectificationAction,
  input: StatusChangeInput = {},
  today: string = todayIso(),
): Promise<Rectification> {
  const outcome = input.outcome?.trim() || undefined;
  const reviewer = input.reviewer?.trim() || undefined;
  const note = input.note?.trim();
  return updateRecord(db, 'rectifications', id, {
    reads: ['attachments'],
    check: async (before) => {
      const problems = transitionProblems(before, action, {
        today,
        evidenceCount: await countAttachments(db, 'rectifications', id),
        outcome: action === 'submit' || action === 'close' ? (outcome ?? before.outcome) : undefined,
        reviewer,
        closedOn: input.closedOn,
      });
      if (problems.length > 0) {
        throw new ValidationError(problems);
      }
    },
    next: (before) => {
      const after: Rectification = { ...before, status: ACTION_DEFINITIONS[action].to, updatedAt: nowIso() };
      if ((action === 'submit' || action === 'close') && outcome) {
        after.outcome = outcome;
      }
      if (action === 'close') {
        after.reviewer = reviewer;
        after.closedOn = input.closedOn;
      }
      if (action === 'return' && note) {
        after.progress = sortProgress([...before.progress, { date: today, text: `退回整改：${note}` }]);
      }
      return { after, summary: actionSummary(action, { reviewer, closedOn: input.closedOn, note }) };
    },
  });
}

/** 已销号 is final (issue 11): what it was closed on stays as it was. */
function refuseClosed(field: string, message: string) {
  return (task: Rectification) => {
    if (task.status === '已销号') {
      throw new ValidationError([{ field, message }]);
    }
  };
}

async function progressChange(
  db: BranchLedgerDatabase,
  id: string,
  change: (task: Rectification) => { progress: ProgressEntry[]; summary: string },
): Promise<Rectification> {
  return updateRecord(db, 'rectifications', id, {
    check: refuseClosed('progress', '已销号的任务不能再修改整改进展'),
    next: (before) => {
      const { progress, summary } = change(before);
      return { after: { ...before, progress, updatedAt: nowIso() }, summary };
    },
  });
}

/** Adds a dated line to 整改进展 (not after today), kept in date order. */
export async function addProgress(
  db: BranchLedgerDatabase,
  id: string,
  entry: { date?: string; text?: string },
  today: string = todayIso(),
): Promise<Rectification> {
  const parsed = progressEntrySchema.safeParse({ date: entry.date ?? '', text: entry.text ?? '' });
  if (!parsed.success) {
    const problems = problemsFromZod(parsed.error).map((p) => ({
      field: p.field,
      message: p.field === 'date' ? '请选择进展日期' : p.message,
    }));
    throw new ValidationError(problems);
  }
  if (parsed.data.date > today) {
    throw new ValidationError([{ field: 'date', message: `进展日期不能晚于今天（${formatDate(today)}）` }]);
  }
  const added = parsed.data;
  return progressChange(db, id, (task) => ({
    progress: sortProgress([...task.progress, added]),
    summary: `添加整改进展（${formatDate(added.date)}）：${shortProblem(added.text, 30)}`,
  }));
}

/** Removes one line of 整改进展 entered by mistake (its index in the stored, date-ordered list). */
export async function removeProgress(db: BranchLedgerDatabase, id: string, index: number): Promise<Rectification> {
  return progressChange(db, id, (task) => {
    const removed = task.progress[index];
    if (!removed) {
      throw new ValidationError([{ field: 'progress', message: '该条进展已不存在' }]);
    }
    return {
      progress: task.progress.filter((_, i) => i !== index),
      summary: `删除整改进展（${formatDate(removed.date)}）：${shortProblem(removed.text, 30)}`,
    };
  });
}

/** 已销号 is final: what it was closed on stays as it was (issue 11), neither added to nor taken from. */
const refuseClosedEvidence = refuseClosed('evidence', '已销号的任务，佐证材料只能查看和下载，不能再上传或删除');

/** Stores a file as 佐证材料 of the task (size guard of addAttachment), logged on the task too. */
export async function addEvidence(db: BranchLedgerDatabase, id: string, file: EvidenceInput): Promise<AttachmentMeta> {
  return db.transaction('rw', db.rectifications, db.attachments, db.auditLog, async () => {
    const task = await getRecord(db, 'rectifications', id);
    refuseClosedEvidence(task);
    const meta = await addAttachment(db, { ...file, ownerTable: 'rectifications', ownerId: id, kind: '佐证材料' });
    await writeAudit(db, { table: 'rectifications', action: 'update', recordId: id, branchId: task.branchId, summary: `上传佐证材料 ${meta.name}` });
    return meta;
  });
}

/** Deletes one file of 佐证材料; never of a 已销号 task. */
export async function removeEvidence(db: BranchLedgerDatabase, attachmentId: string): Promise<void> {
  await db.transaction('rw', db.rectifications, db.attachments, db.auditLog, async () => {
    const file = await db.attachments.get(attachmentId);
    if (file?.ownerTable !== 'rectifications') {
      throw new NotFoundError('该佐证材料');
    }
    const task = await db.rectifications.get(file.ownerId);
    if (task) {
      refuseClosedEvidence(task);
    }
    await removeAttachment(db, attachmentId);
    if (task) {
      await writeAudit(db, { table: 'rectifications', action: 'update', recordId: task.id, branchId: task.branchId, summary: `删除佐证材料 ${file.name}` });
    }
  });
}

/**
 * Deletes a task entered by mistake, with its 佐证材料; links from talks and analyses are cleared (links.ts). A
 * 已销号 task stays on file (inspections read the 销号 record).
 */
export async function deleteRectification(db: BranchLedgerDatabase, id: string): Promise<void> {
  await deleteRecord(db, 'rectifications', id, {
    check: refuseClosed('status', '已销号的整改任务须留档，不能删除'),
    summary: (before) => `删除整改任务 ${shortProblem(before.problem)}`,
  });
}

/** A branch's tasks in entry order (views sort them). */
export async function listRectifications(db: BranchLedgerDatabase, branchId: string): Promise<Rectification[]> {
  const tasks = await db.rectifications.where('branchId').equals(branchId).toArray();
  return tasks.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** Number of 佐证材料 per task of a branch (metadata only is needed, but IndexedDB returns whole rows). */
export function evidenceCounts(db: BranchLedgerDatabase, branchId: string): Promise<Map<string, number>> {
  return countAttachmentsByOwner(db, branchId, 'rectifications');
}

export function listEvidence(db: BranchLedgerDatabase, id: string) {
  return listAttachments(db, 'rectifications', id);
}

export function rectificationHistory(db: BranchLedgerDatabase, id: string) {
  return historyOf(db, 'rectifications', id);
}
