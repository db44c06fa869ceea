import { diffRecords, type AuditAction, type AuditedTable, type AuditEntry } from '@shared/model';
import type { BranchLedgerDatabase } from './database';
import { NotFoundError } from './errors';

/** Who made a change: one user per installation; the name can be set in 设置. */
export const DEFAULT_ACTOR = '本机用户';

export function nowIso(): string {
  // Local time with its offset: a secretary reads "14:30" as they saw it on the wall clock.
  const date = new Date();
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const pad = (n: number) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const local = new Date(date.getTime() + offset * 60_000).toISOString().slice(0, 19);
  return `${local}${sign}${pad(offset / 60)}:${pad(offset % 60)}`;
}

export interface AuditInput {
  table: AuditedTable;
  action: AuditAction;
  recordId: string;
  branchId?: string;
  summary: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  importBatchId?: string;
}

/** Must be called inside the transaction that makes the change, so the log and the data never disagree. */
export async function writeAudit(db: BranchLedgerDatabase, input: AuditInput): Promise<void> {
  await db.auditLog.add(toEntry(input, nowIso()));
}

function toEntry(input: AuditInput, at: string): AuditEntry {
  const entry: AuditEntry = {
    at,
    actor: DEFAULT_ACTOR,
    branchId: input.branchId,
    table: input.table,
    recordId: input.recordId,
    action: input.action,
    summary: input.summary,
    importBatchId: input.importBatchId,
  };
  if (input.action === 'update' && input.before && input.after) {
    entry.changes = diffRecords(input.before, input.after);
  }
  if (input.action === 'delete' && input.before) {
    entry.before = input.before;
  }
  return entry;
}

/**
 * Many entries at once (an import of thousands of rows), in one bulkAdd with one timestamp; the same entries as
 * writeAudit would write one by one. Must be called inside the transaction that makes the changes.
 */
export async function writeAuditMany(db: BranchLedgerDatabase, inputs: readonly AuditInput[]): Promise<void> {
  if (inputs.length === 0) {
    return;
  }
  const at = nowIso();
  await db.auditLog.bulkAdd(inputs.map((input) => toEntry(input, at)));
}

export async function historyOf(db: BranchLedgerDatabase, table: AuditedTable, recordId: string): Promise<AuditEntry[]> {
  const entries = await db.auditLog.where('[table+recordId]').equals([table, recordId]).toArray();
  return entries.sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
}

interface AuditedRecord {
  id: string;
  branchId: string;
  updatedAt: string;
}

interface FieldUpdate<T extends AuditedRecord, K extends keyof T> {
  table: AuditedTable;
  before: T;
  /** The form's validated fields; one left undefined is removed from the record (the user cleared it). */
  fields: Partial<Pick<T, K>>;
  /** The fields the form edits; others (status, links …) are kept as stored. */
  keys: readonly K[];
  /** Their Chinese names, for the audit summary `修改 联系电话、备注`. */
  labels: Readonly<Record<K, string>>;
  /** A last touch on the merged record (e.g. dropping empty strings). */
  finish?: (record: T) => T;
}

/**
 * The one way a form edit is written, inside the caller's transaction: the fields over the stored record and,
 * only when something the user sees changed, the record and an audit entry naming the changed fields.
 * Returns the record as stored (the old one when nothing changed).
 */
export async function writeFieldUpdate<T extends AuditedRecord, K extends keyof T>(
  db: BranchLedgerDatabase,
  update: FieldUpdate<T, K>,
): Promise<T> {
  const { table, before, fields, keys, labels, finish = (record: T) => record } = update;
  const after = finish({ ...before, ...fields, updatedAt: nowIso() });
  for (const key of keys) {
    if (fields[key] === undefined) {
      delete (after as Partial<T>)[key];
    }
  }
  const changed = keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  if (changed.length === 0) {
    return before;
  }
  await db.table(table).put(after);
  await writeAudit(db, {
    table,
    action: 'update',
    recordId: before.id,
    branchId: before.branchId,
    summary: `修改 ${changed.map((key) => labels[key]).join('、')}`,
    before: before as unknown as Record<string, unknown>,
    after: after as unknown as Record<string, unknown>,
  });
  return after;
}

/** The ledgers whose records belong to one member: 民主评议结果, 党费, 学时. */
type MemberRecordTable = 'reviews' | 'dues' | 'training';

/**
 * Deletes one member's record (entered by mistake) in one transaction; the audit entry keeps the whole record.
 * `what` names it when it is gone (该党费记录); `summary` words the audit line with the member's name.
 */
export async function deleteMemberRecord<T extends AuditedRecord & { memberId: string }>(
  db: BranchLedgerDatabase,
  table: MemberRecordTable,
  id: string,
  what: string,
  summary: (before: T, memberName: string) => string,
): Promise<void> {
  const records = db.table<T, string>(table);
  await db.transaction('rw', [records, db.members, db.auditLog], async () => {
    const before = await records.get(id);
    if (!before) {
      throw new NotFoundError(what);
    }
    const member = await db.members.get(before.memberId);
    await records.delete(id);
    await writeAudit(db, {
      table,
      action: 'delete',
      recordId: id,
      branchId: before.branchId,
      summary: summary(before, member?.name ?? ''),
      before: before as unknown as Record<string, unknown>,
    });
  });
}
