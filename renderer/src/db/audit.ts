import { diffRecords, type AuditAction, type AuditedTable, type AuditEntry } from '@shared/model';
import type { BranchLedgerDatabase } from './database';

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
