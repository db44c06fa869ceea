import type { Table } from 'dexie';
import type { z } from 'zod';
import { attachmentMetaSchema, branchSchema, LEDGER_RECORDS, type AuditedTable } from '@shared/model';
import { nowIso, writeAudit } from './audit';
import type { BranchLedgerDatabase } from './database';
import { NotFoundError, problemsFromZod, ValidationError } from './errors';

/**
 * The one path of a record through the repositories: get (or 「该…不存在」), check, the next version validated
 * against its model's schema, put, and the audit entry in the same transaction.
 */

/** The tables whose records the repositories write one by one, each with an audit entry. */
export type RecordTable = AuditedTable;

/** The stored record of each table, as the database declares it. */
type StoredRecords = {
  [T in RecordTable]: BranchLedgerDatabase[T] extends Table<infer R, infer _Key, infer _Insert> ? R : never;
};
// `& { id: string }`: every record has one, which TypeScript cannot see through the mapped type of a generic T.
export type RecordOf<T extends RecordTable> = StoredRecords[T] & { id: string };

/** What a record is called when it is gone: `该党员` → 该党员不存在或已被删除 (a ledger kind's record label). */
export function recordNoun(table: RecordTable): string {
  return table === 'branches' ? '该支部' : table === 'attachments' ? '该附件' : `该${LEDGER_RECORDS[table].label}`;
}

/** The whole-record schema of each table (a ledger kind's from LEDGER_RECORDS): a version that fails it is never written. */
function recordSchema(table: RecordTable): z.ZodType {
  return table === 'branches' ? branchSchema : table === 'attachments' ? attachmentMetaSchema : LEDGER_RECORDS[table].schema;
}

/** The name of every table of the database (a typo is a compile error, not a failed transaction). */
export type TableName = {
  [K in keyof BranchLedgerDatabase]: BranchLedgerDatabase[K] extends Table ? K : never;
}[keyof BranchLedgerDatabase];

/** Tables by name, once each, for a transaction's scope. */
export function tableNames(...names: readonly TableName[]): TableName[] {
  return [...new Set(names)];
}

/** id, createdAt and updatedAt of a record made now. */
export function newRecordMeta(): { id: string; createdAt: string; updatedAt: string } {
  const at = nowIso();
  return { id: crypto.randomUUID(), createdAt: at, updatedAt: at };
}

/** The branch a record belongs to. */
export function branchIdOf(record: { id: string; branchId?: string }): string {
  // A branch is its own branch.
  return record.branchId ?? record.id;
}

/** What the audit log keeps of a record: never an attachment's bytes (the log would grow by every photo). */
export function auditedFields(record: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([key]) => key !== 'data' && key !== 'thumbnail'));
}

/** The stored record, or NotFoundError naming it (`该整改任务不存在或已被删除`). */
export async function getRecord<T extends RecordTable>(db: BranchLedgerDatabase, table: T, id: string): Promise<RecordOf<T>> {
  const record = await db.table<RecordOf<T>, string>(table).get(id);
  if (!record) {
    throw new NotFoundError(recordNoun(table));
  }
  return record;
}

function checkRecord(table: RecordTable, record: object): void {
  const parsed = recordSchema(table).safeParse(record);
  if (!parsed.success) {
    throw new ValidationError(problemsFromZod(parsed.error));
  }
}

/** Adds a new record with its audit entry, inside the caller's transaction. */
export async function createRecord<T extends RecordTable>(
  db: BranchLedgerDatabase,
  table: T,
  record: RecordOf<T>,
  summary: string,
): Promise<RecordOf<T>> {
  checkRecord(table, record);
  await db.table<RecordOf<T>, string>(table).add(record);
  await writeAudit(db, { table, action: 'create', recordId: record.id, branchId: branchIdOf(record), summary });
  return record;
}

/** A record's next version and the audit line that says what changed. */
export interface RecordChange<R> {
  after: R;
  summary: string;
}

/** Writes the next version of a stored record with an audit entry of its changes, inside the caller's transaction. */
export async function putChange<T extends RecordTable>(
  db: BranchLedgerDatabase,
  table: T,
  before: RecordOf<T>,
  change: RecordChange<RecordOf<T>>,
): Promise<RecordOf<T>> {
  checkRecord(table, change.after);
  await db.table<RecordOf<T>, string>(table).put(change.after);
  await writeAudit(db, {
    table,
    action: 'update',
    recordId: before.id,
    branchId: branchIdOf(before),
    summary: change.summary,
    before: auditedFields(before),
    after: auditedFields(change.after),
  });
  return change.after;
}

export interface RecordUpdate<R> {
  /** Tables the change reads besides its own (the roster, the branch …), for the transaction's scope. */
  reads?: readonly TableName[];
  /** Refuses the change before it is built (e.g. a 已销号 task is read-only). */
  check?: (before: R) => void | Promise<void>;
  /** The next version and its audit line; undefined when nothing changes (nothing is written). */
  next: (before: R) => RecordChange<R> | undefined | Promise<RecordChange<R> | undefined>;
}

/**
 * The one way a stored record changes: in one transaction (the caller's, or its own), get → 「该…不存在」 →
 * check → next version → schema → put → audit. Returns the record as stored.
 */
export async function updateRecord<T extends RecordTable>(
  db: BranchLedgerDatabase,
  table: T,
  id: string,
  update: RecordUpdate<RecordOf<T>>,
): Promise<RecordOf<T>> {
  return db.transaction('rw', tableNames(table, 'auditLog', ...(update.reads ?? [])), async () => {
    const before = await getRecord(db, table, id);
    await update.check?.(before);
    const change = await update.next(before);
    return change ? putChange(db, table, before, change) : before;
  });
}

/** Removes a stored record, the audit entry keeping it whole (an attachment without its bytes), inside the caller's transaction. */
export async function removeRecord<T extends RecordTable>(
  db: BranchLedgerDatabase,
  table: T,
  before: RecordOf<T>,
  summary: string,
): Promise<void> {
  await db.table<RecordOf<T>, string>(table).delete(before.id);
  await writeAudit(db, { table, action: 'delete', recordId: before.id, branchId: branchIdOf(before), summary, before: auditedFields(before) });
}

/** Tables whose records a form edits (an attachment is replaced, not edited). */
type EditedTable = Exclude<RecordTable, 'attachments'>;

export interface FieldEdit<R, K extends keyof R> {
  /** The form's validated fields; one left undefined is removed from the record (the user cleared it). */
  fields: Partial<Pick<R, K>>;
  /** The fields the form edits; others (status, links …) are kept as stored. */
  keys: readonly K[];
  /** Their Chinese names, for the audit summary `修改 联系电话、备注`. */
  labels: Readonly<Record<K, string>>;
  /** A last touch on the merged record (e.g. dropping empty strings). */
  finish?: (record: R) => R;
}

/**
 * A form edit as a change: the fields over the stored record, summarised by the names of the fields the user sees
 * changed; undefined when none did.
 */
export function fieldChange<R extends { updatedAt: string }, K extends keyof R>(before: R, edit: FieldEdit<R, K>): RecordChange<R> | undefined {
  const { fields, keys, labels, finish = (record: R) => record } = edit;
  const after = finish({ ...before, ...fields, updatedAt: nowIso() });
  for (const key of keys) {
    if (fields[key] === undefined) {
      Reflect.deleteProperty(after, key);
    }
  }
  const changed = keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
  return changed.length === 0 ? undefined : { after, summary: `修改 ${changed.map((key) => labels[key]).join('、')}` };
}

/** A form edit of a record already read in the caller's transaction (a member-month found by its key …). */
export async function writeFieldUpdate<T extends EditedTable, K extends keyof RecordOf<T>>(
  db: BranchLedgerDatabase,
  table: T,
  before: RecordOf<T> & { updatedAt: string },
  edit: FieldEdit<RecordOf<T> & { updatedAt: string }, K>,
): Promise<RecordOf<T>> {
  const change = fieldChange(before, edit);
  return change ? putChange(db, table, before, change) : before;
}
