import { z } from 'zod';
import { idSchema } from './common';
import { LEDGER_KINDS } from './kinds';

/** The branches, every ledger kind's table (LEDGER_KINDS) and the attachments. */
export const AUDITED_TABLES = ['branches', ...LEDGER_KINDS, 'attachments'] as const;
export type AuditedTable = (typeof AUDITED_TABLES)[number];

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One change of one record, written in the same transaction as the change itself. */
export const auditEntrySchema = z.object({
  /** Auto-incremented by the store: the order of changes. */
  seq: z.number().int().optional(),
  at: z.string(),
  actor: z.string(),
  branchId: idSchema.optional(),
  table: z.enum(AUDITED_TABLES),
  recordId: idSchema,
  action: z.enum(AUDIT_ACTIONS),
  /** One line in Chinese: 新增党员 张三 / 修改 联系电话 / 移入历史党员（转出）. */
  summary: z.string(),
  /** Field → [before, after] for updates. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).optional(),
  /** The whole record before a delete, so nothing is lost even then. */
  before: z.unknown().optional(),
  importBatchId: idSchema.optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Field-level differences between two versions of a record (shallow; arrays and objects compared as JSON). */
export function diffRecords(
  before: Record<string, unknown>,
  after: Record<string, unknown>,
  ignore: readonly string[] = ['updatedAt', 'createdAt'],
): Record<string, [unknown, unknown]> {
  const changes: Record<string, [unknown, unknown]> = {};
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (ignore.includes(key)) {
      continue;
    }
    const a = before[key];
    const b = after[key];
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      changes[key] = [a, b];
    }
  }
  return changes;
}
