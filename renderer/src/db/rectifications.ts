import { formatDate, todayIso } from '@shared/dates';
import {
  progressEntrySchema,
  RECTIFICATION_FIELD_LABELS,
  rectificationFieldsSchema,
  rectificationOriginSchema,
  type Analysis,
  type AttachmentMeta,
  type ProgressEntry,
  type Rectification,
  type RectificationFields,
  type RectificationFieldsInput,
  type RectificationOrigin,
  type Talk,
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
import { historyOf, nowIso, writeAudit, writeFieldUpdate } from './audit';
import type { BranchLedgerDatabase } from './database';
import { NotFoundError, problemsFromZod, ValidationError, type FieldProblem } from './errors';
import { addAttachment, listAttachments, removeAttachment, type AttachmentInput } from './meetings';

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
async function originRecord(db: BranchLedgerDatabase, branchId: string, origin: RectificationOrigin) {
  const parsed = rectificationOriginSchema.safeParse(origin);
  if (!parsed.success) {
    throw new ValidationError([{ field: 'origin', message: '来源记录不正确' }]);
  }
  const record = (await db.table(origin.table).get(origin.id)) as { branchId: string } | undefined;
  if (!record || record.branchId !== branchId) {
    throw new ValidationError([
      { field: 'origin', message: `来源${ORIGIN_TABLE_LABELS[origin.table]}不存在或不属于本支部` },
    ]);
  }
  return record;
}

const EDIT_TABLES = (db: BranchLedgerDatabase) => [
  db.rectifications,
  db.branches,
  db.meetings,
  db.talks,
  db.analyses,
  db.auditLog,
];

/** 新增整改任务; raised from a record, the task links back to it (and a talk or analysis to the task). */
export async function addRectification(
  db: BranchLedgerDatabase,
  branchId: string,
  input: RectificationInput,
  origin?: RectificationOrigin,
): Promise<Rectification> {
  const fields = parseFields(input);
  return db.transaction('rw', EDIT_TABLES(db), async () => {
    if (!(await db.branches.get(branchId))) {
      throw new NotFoundError('该支部');
    }
    const source = origin ? await originRecord(db, branchId, origin) : undefined;
    const at = nowIso();
    const task: Rectification = {
      ...fields,
      id: crypto.randomUUID(),
      branchId,
      createdAt: at,
      updatedAt: at,
      progress: [],
      status: '未启动',
      origin: origin ? { table: origin.table, id: origin.id } : undefined,
    };
    await db.rectifications.add(task);
    const from = origin ? `（来自${ORIGIN_TABLE_LABELS[origin.table]}）` : '';
    await writeAudit(db, {
      table: 'rectifications',
      action: 'create',
      recordId: task.id,
      branchId,
      summary: `新增整改任务 ${shortProblem(task.problem)}${from}`,
    });

    // The record the task came from links back to it, in the same transaction, with its own audit entry.
    const linkBack = async (table: 'talks' | 'analyses', before: Talk | Analysis, after: Talk | Analysis) => {
      await db.table(table).put(after);
      await writeAudit(db, { table, action: 'update', recordId: before.id, branchId, summary: `关联整改任务 ${shortProblem(task.problem)}`, before, after });
    };
    if (origin?.table === 'talks' && source && !(source as Talk).rectificationId) {
      await linkBack('talks', source as Talk, { ...(source as Talk), rectificationId: task.id, updatedAt: at });
    }
    if (origin?.table === 'analyses' && source) {
      const before = source as Analysis;
      await linkBack('analyses', before, { ...before, rectificationIds: [...(before.rectificationIds ?? []), task.id], updatedAt: at });
    }
    return task;
  });
}

const FORM_FIELDS = Object.keys(rectificationFieldsSchema.shape) as (keyof RectificationFields)[];

/** Edits what the form shows; status, progress and 销号 are left as they are. */
export async function updateRectification(
  db: BranchLedgerDatabase,
  id: string,
  input: RectificationInput,
): Promise<Rectification> {
  const fields = parseFields(input);
  return db.transaction('rw', db.rectifications, db.auditLog, async () => {
    const before = await db.rectifications.get(id);
    if (!before) {
      throw new NotFoundError('该整改任务');
    }
    const kept = keptFieldProblems(before, fields);
    if (kept.length > 0) {
      throw new ValidationError(kept);
    }
    return writeFieldUpdate(db, { table: 'rectifications', before, fields, keys: FORM_FIELDS, labels: RECTIFICATION_FIELD_LABELS });
  });
}

async function evidenceCountOf(db: BranchLedgerDatabase, id: string): Promise<number> {
  return db.attachments.where('[ownerTable+ownerId]').equals(['rectifications', id]).count();
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
  return db.transaction('rw', db.rectifications, db.attachments, db.auditLog, async () => {
    const before = await db.rectifications.get(id);
    if (!before) {
      throw new NotFoundError('该整改任务');
    }
    const outcome = input.outcome?.trim() || undefined;
    const reviewer = input.reviewer?.trim() || undefined;
    const problems = transitionProblems(before, action, {
      today,
      evidenceCount: await evidenceCountOf(db, id),
      outcome: action === 'submit' || action === 'close' ? (outcome ?? before.outcome) : undefined,
      reviewer,
      closedOn: input.closedOn,
    });
    if (problems.length > 0) {
      throw new ValidationError(problems);
    }
    const after: Rectification = { ...before, status: ACTION_DEFINITIONS[action].to, updatedAt: nowIso() };
    if ((action === 'submit' || action === 'close') && outcome) {
      after.outcome = outcome;
    }
    if (action === 'close') {
      after.reviewer = reviewer;
      after.closedOn = input.closedOn;
    }
    const note = input.note?.trim();
    if (action === 'return' && note) {
      after.progress = sortProgress([...before.progress, { date: today, text: `退回整改：${note}` }]);
    }
    await db.rectifications.put(after);
    await writeAudit(db, {
      table: 'rectifications',
      action: 'update',
      recordId: id,
      branchId: before.branchId,
      summary: actionSummary(action, { reviewer, closedOn: input.closedOn, note }),
      before,
      after,
    });
    return after;
  });
}

async function progressChange(
  db: BranchLedgerDatabase,
  id: string,
  change: (task: Rectification) => { progress: ProgressEntry[]; summary: string },
): Promise<Rectification> {
  return db.transaction('rw', db.rectifications, db.auditLog, async () => {
    const before = await db.rectifications.get(id);
    if (!before) {
      throw new NotFoundError('该整改任务');
    }
    if (before.status === '已销号') {
      throw new ValidationError([{ field: 'progress', message: '已销号的任务不能再修改整改进展' }]);
    }
    const { progress, summary } = change(before);
    const after: Rectification = { ...before, progress, updatedAt: nowIso() };
    await db.rectifications.put(after);
    await writeAudit(db, {
      table: 'rectifications',
      action: 'update',
      recordId: id,
      branchId: before.branchId,
      summary,
      before,
      after,
    });
    return after;
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
const CLOSED_EVIDENCE = '已销号的任务，佐证材料只能查看和下载，不能再上传或删除';

/** Stores a file as 佐证材料 of the task (size guard of addAttachment), logged on the task too. */
export async function addEvidence(db: BranchLedgerDatabase, id: string, file: EvidenceInput): Promise<AttachmentMeta> {
  return db.transaction('rw', db.rectifications, db.attachments, db.auditLog, async () => {
    const task = await db.rectifications.get(id);
    if (!task) {
      throw new NotFoundError('该整改任务');
    }
    if (task.status === '已销号') {
      throw new ValidationError([{ field: 'evidence', message: CLOSED_EVIDENCE }]);
    }
    const meta = await addAttachment(db, { ...file, ownerTable: 'rectifications', ownerId: id, kind: '佐证材料' });
    await writeAudit(db, {
      table: 'rectifications',
      action: 'update',
      recordId: id,
      branchId: task.branchId,
      summary: `上传佐证材料 ${meta.name}`,
    });
    return meta;
  });
}

/** Deletes one file of 佐证材料; never of a 已销号 task. */
export async function removeEvidence(db: BranchLedgerDatabase, attachmentId: string): Promise<void> {
  await db.transaction('rw', db.rectifications, db.attachments, db.auditLog, async () => {
    const file = await db.attachments.get(attachmentId);
    if (!file || file.ownerTable !== 'rectifications') {
      throw new NotFoundError('该佐证材料');
    }
    const task = await db.rectifications.get(file.ownerId);
    if (task?.status === '已销号') {
      throw new ValidationError([{ field: 'evidence', message: CLOSED_EVIDENCE }]);
    }
    await removeAttachment(db, attachmentId);
    if (task) {
      await writeAudit(db, {
        table: 'rectifications',
        action: 'update',
        recordId: task.id,
        branchId: task.branchId,
        summary: `删除佐证材料 ${file.name}`,
      });
    }
  });
}

/**
 * Deletes a task entered by mistake, with its 佐证材料; links from talks and analyses are cleared. A 已销号 task
 * stays on file (inspections read the 销号 record).
 */
export async function deleteRectification(db: BranchLedgerDatabase, id: string): Promise<void> {
  await db.transaction('rw', [db.rectifications, db.attachments, db.talks, db.analyses, db.auditLog], async () => {
    const before = await db.rectifications.get(id);
    if (!before) {
      throw new NotFoundError('该整改任务');
    }
    if (before.status === '已销号') {
      throw new ValidationError([{ field: 'status', message: '已销号的整改任务须留档，不能删除' }]);
    }
    const { branchId } = before;
    for (const file of await db.attachments.where('[ownerTable+ownerId]').equals(['rectifications', id]).toArray()) {
      await db.attachments.delete(file.id);
      const { data: _data, thumbnail: _thumbnail, ...meta } = file;
      await writeAudit(db, {
        table: 'attachments',
        action: 'delete',
        recordId: file.id,
        branchId,
        summary: `随整改任务删除佐证材料 ${file.name}`,
        before: meta,
      });
    }
    const at = nowIso();
    for (const talk of await db.talks
      .where('branchId')
      .equals(branchId)
      .filter((t) => t.rectificationId === id)
      .toArray()) {
      const after: Talk = { ...talk, updatedAt: at };
      delete after.rectificationId;
      await db.talks.put(after);
      await writeAudit(db, {
        table: 'talks',
        action: 'update',
        recordId: talk.id,
        branchId,
        summary: '关联的整改任务已删除',
        before: talk,
        after,
      });
    }
    for (const analysis of await db.analyses
      .where('branchId')
      .equals(branchId)
      .filter((a) => (a.rectificationIds ?? []).includes(id))
      .toArray()) {
      const after: Analysis = {
        ...analysis,
        rectificationIds: analysis.rectificationIds.filter((r) => r !== id),
        updatedAt: at,
      };
      await db.analyses.put(after);
      await writeAudit(db, {
        table: 'analyses',
        action: 'update',
        recordId: analysis.id,
        branchId,
        summary: '关联的整改任务已删除',
        before: analysis,
        after,
      });
    }
    await db.rectifications.delete(id);
    await writeAudit(db, {
      table: 'rectifications',
      action: 'delete',
      recordId: id,
      branchId,
      summary: `删除整改任务 ${shortProblem(before.problem)}`,
      before,
    });
  });
}

/** A branch's tasks in entry order (views sort them). */
export async function listRectifications(db: BranchLedgerDatabase, branchId: string): Promise<Rectification[]> {
  const tasks = await db.rectifications.where('branchId').equals(branchId).toArray();
  return tasks.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
}

/** Number of 佐证材料 per task of a branch (metadata only is needed, but IndexedDB returns whole rows). */
export async function evidenceCounts(db: BranchLedgerDatabase, branchId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.attachments
    .where('branchId')
    .equals(branchId)
    .each((file) => {
      if (file.ownerTable === 'rectifications') {
        counts.set(file.ownerId, (counts.get(file.ownerId) ?? 0) + 1);
      }
    });
  return counts;
}

export function listEvidence(db: BranchLedgerDatabase, id: string) {
  return listAttachments(db, 'rectifications', id);
}

export function rectificationHistory(db: BranchLedgerDatabase, id: string) {
  return historyOf(db, 'rectifications', id);
}
