import { ownsAttachments, removeAttachmentsOf } from './attachments';
import type { BranchLedgerDatabase } from './database';
import { tablesLinkingTo, unlinkAll } from './links';
import { branchIdOf, getRecord, removeRecord, tableNames, type RecordOf, type RecordTable, type TableName } from './records';

export interface RecordDelete<R> {
  /** Tables the delete reads besides its own (the roster for a name …), for the transaction's scope. */
  reads?: readonly TableName[];
  /** Refuses the delete (e.g. a 已销号 task stays on file). */
  check?: (before: R) => void | Promise<void>;
  /** The audit line, e.g. `删除谈心谈话 2025年3月5日 王伟与李芳（交流谈话）`. */
  summary: (before: R) => string | Promise<string>;
}

/**
 * The one way a record is deleted, in one transaction: get → 「该…不存在」 → check → its files (attachments.ts) →
 * the links to it (links.ts) → the record; each with its audit entry, the record's keeping it whole.
 */
export async function deleteRecord<T extends RecordTable>(
  db: BranchLedgerDatabase,
  table: T,
  id: string,
  del: RecordDelete<RecordOf<T>>,
): Promise<void> {
  const files: TableName[] = ownsAttachments(table) ? ['attachments'] : [];
  const scope = tableNames(table, 'auditLog', ...files, ...tablesLinkingTo(table), ...(del.reads ?? []));
  await db.transaction('rw', scope, async () => {
    const before = await getRecord(db, table, id);
    await del.check?.(before);
    const summary = await del.summary(before);
    if (ownsAttachments(table)) {
      await removeAttachmentsOf(db, table, id);
    }
    await unlinkAll(db, table, { id, branchId: branchIdOf(before) });
    await removeRecord(db, table, before, summary);
  });
}

/**
 * Deletes one member's record (民主评议结果, 党费, 学时 entered by mistake); `summary` words the audit line with
 * the member's name.
 */
type MemberRecordTable = 'reviews' | 'dues' | 'training';

export async function deleteMemberRecord<T extends MemberRecordTable>(
  db: BranchLedgerDatabase,
  table: T,
  id: string,
  summary: (before: RecordOf<T>, memberName: string) => string,
): Promise<void> {
  await deleteRecord(db, table, id, {
    reads: ['members'],
    summary: async (before) => summary(before, (await db.members.get(memberIdOf(before)))?.name ?? ''),
  });
}

function memberIdOf(record: RecordOf<MemberRecordTable>): string {
  return record.memberId;
}
