/**
 * Writing a planned roster import, and 撤销本次导入. Each is ONE Dexie transaction: members, their audit entries
 * (with importBatchId) and the importBatches row are written together or not at all.
 *
 * The batch keeps the ids it added and the prior version of every member it updated, so undo restores the
 * members table exactly. Undo is refused when a member of the batch was changed after the import (by hand or
 * by a later import): the message names them, and nothing is written.
 */
import { MEMBER_FIELD_LABELS, type ImportBatch, type Member, type MemberFields } from '@shared/model';
import type { PlannedMemberRow } from '@shared/imports';
import { nowIso, writeAudit } from './audit';
import type { BranchLedgerDatabase } from './database';

/** The import or undo cannot go ahead; the message says why, in Chinese. Nothing was written. */
export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

export interface ImportResult {
  batch: ImportBatch;
  added: number;
  updated: number;
}

function changedLabels(changes: PlannedMemberRow['changes']): string {
  return (changes ?? []).map((c) => c.label).join('、');
}

/** Writes the 新增 and 更新 rows of a plan (others are ignored). Throws ImportRefusedError if the roster moved. */
export async function commitMemberImport(
  db: BranchLedgerDatabase,
  branchId: string,
  fileName: string,
  plannedRows: readonly PlannedMemberRow[],
): Promise<ImportResult> {
  const rows = plannedRows.filter((r) => !r.blocked && (r.action === '新增' || r.action === '更新') && r.fields);
  return db.transaction('rw', [db.members, db.auditLog, db.importBatches], async () => {
    const at = nowIso();
    const batch: ImportBatch = { id: crypto.randomUUID(), at, branchId, fileName, added: [], replaced: [] };
    for (const row of rows) {
      const fields = row.fields as MemberFields;
      if (row.action === '新增') {
        const member: Member = { ...fields, id: crypto.randomUUID(), branchId, createdAt: at, updatedAt: at };
        await db.members.add(member);
        batch.added.push({ table: 'members', id: member.id });
        await writeAudit(db, {
          table: 'members',
          action: 'create',
          recordId: member.id,
          branchId,
          summary: `导入新增党员 ${member.name}（${fileName} 第${row.rowNumber}行）`,
          importBatchId: batch.id,
        });
      } else {
        const before = row.memberId ? await db.members.get(row.memberId) : undefined;
        if (!before || JSON.stringify(before) !== JSON.stringify(row.memberBefore)) {
          throw new ImportRefusedError(
            `第${row.rowNumber}行对应的党员${before ? `“${before.name}”` : ''}在预览之后已被修改或删除，请重新选择文件预览后再导入`,
          );
        }
        const after: Member = { ...fields, id: before.id, branchId: before.branchId, createdAt: before.createdAt, updatedAt: at };
        if (before.departure) {
          after.departure = before.departure;
        }
        await db.members.put(after);
        batch.replaced.push({ table: 'members', record: before });
        await writeAudit(db, {
          table: 'members',
          action: 'update',
          recordId: before.id,
          branchId,
          summary: `导入修改 ${changedLabels(row.changes)}（${fileName} 第${row.rowNumber}行）`,
          before,
          after,
          importBatchId: batch.id,
        });
      }
    }
    await db.importBatches.add(batch);
    return { batch, added: batch.added.length, updated: batch.replaced.length };
  });
}

/** Members of the batch changed after it by something else; empty when undo may go ahead. */
async function changedSince(db: BranchLedgerDatabase, batch: ImportBatch, ids: string[]): Promise<string[]> {
  const own = await db.auditLog.where('importBatchId').equals(batch.id).toArray();
  const lastOwnSeq = Math.max(0, ...own.map((e) => e.seq ?? 0));
  const names: string[] = [];
  for (const id of ids) {
    const later = await db.auditLog.where('[table+recordId]').equals(['members', id]).filter((e) => (e.seq ?? 0) > lastOwnSeq).count();
    if (later > 0) {
      const member = await db.members.get(id);
      names.push(member?.name ?? id);
    }
  }
  return names;
}

/** 撤销本次导入: deletes what the batch added, puts back the prior versions, marks the batch undone. */
export async function undoImport(db: BranchLedgerDatabase, batchId: string): Promise<ImportBatch> {
  return db.transaction('rw', [db.members, db.auditLog, db.importBatches], async () => {
    const batch = await db.importBatches.get(batchId);
    if (!batch) {
      throw new ImportRefusedError('找不到这次导入的记录');
    }
    if (batch.undoneAt) {
      throw new ImportRefusedError('这次导入已经撤销过了');
    }
    const replaced = batch.replaced.filter((r) => r.table === 'members').map((r) => r.record as Member);
    const addedIds = batch.added.filter((a) => a.table === 'members').map((a) => a.id);
    const changed = await changedSince(db, batch, [...addedIds, ...replaced.map((m) => m.id)]);
    if (changed.length > 0) {
      throw new ImportRefusedError(
        `导入之后以下党员的信息又被修改过，无法撤销本次导入（以免丢失后来的修改）：${changed.join('、')}`,
      );
    }
    for (const id of addedIds) {
      const current = await db.members.get(id);
      if (!current) {
        continue;
      }
      await db.members.delete(id);
      await writeAudit(db, {
        table: 'members',
        action: 'delete',
        recordId: id,
        branchId: current.branchId,
        summary: `撤销导入：删除导入新增的党员 ${current.name}`,
        before: current,
      });
    }
    for (const prior of replaced) {
      const current = await db.members.get(prior.id);
      await db.members.put(prior);
      const labels = current
        ? (Object.keys(MEMBER_FIELD_LABELS) as (keyof MemberFields)[])
            .filter((k) => JSON.stringify(current[k]) !== JSON.stringify(prior[k]))
            .map((k) => MEMBER_FIELD_LABELS[k])
            .join('、')
        : '';
      await writeAudit(db, {
        table: 'members',
        action: 'update',
        recordId: prior.id,
        branchId: prior.branchId,
        summary: `撤销导入：恢复导入前的${labels || '信息'}`,
        before: current,
        after: prior,
      });
    }
    const undone: ImportBatch = { ...batch, undoneAt: nowIso() };
    await db.importBatches.put(undone);
    return undone;
  });
}

/** A branch's import batches, newest first. */
export async function listImportBatches(db: BranchLedgerDatabase, branchId: string): Promise<ImportBatch[]> {
  const batches = await db.importBatches.where('branchId').equals(branchId).toArray();
  return batches.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));
}
