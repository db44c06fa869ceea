/**
 * What each table of a backup must hold: the model's own schemas. A restore parses every row with them before
 * anything is written, so that a data.json edited (and re-hashed) by hand cannot put rows into the database that
 * the app itself would refuse (a member whose 党小组 is not a list used to leave 设置 blank).
 */
import type { z } from 'zod';
import { attachmentMetaSchema } from '../model/attachment';
import { auditEntrySchema } from '../model/audit';
import { branchSchema } from '../model/branch';
import { importBatchSchema } from '../model/importBatch';
import { LEDGER_KINDS, LEDGER_RECORDS } from '../model/kinds';
import { settingRowSchema } from '../model/settings';
import { binaryRefSchema } from './manifest';

/** Every ledger kind's table: the model's record schema and table name (shared/model/kinds.ts). */
const KIND_SCHEMAS = Object.fromEntries(LEDGER_KINDS.map((kind) => [kind, LEDGER_RECORDS[kind].schema]));
const KIND_LABELS = Object.fromEntries(LEDGER_KINDS.map((kind) => [kind, LEDGER_RECORDS[kind].table]));

export const BACKUP_TABLE_SCHEMAS: Record<string, z.ZodType> = {
  branches: branchSchema,
  ...KIND_SCHEMAS,
  // The file and its thumbnail are references to blobs/ entries until the restore turns them into Blobs.
  attachments: attachmentMetaSchema.extend({ data: binaryRefSchema, thumbnail: binaryRefSchema.optional() }),
  auditLog: auditEntrySchema,
  importBatches: importBatchSchema,
  settings: settingRowSchema,
};

export const BACKUP_TABLE_LABELS: Record<string, string> = {
  branches: '支部',
  ...KIND_LABELS,
  attachments: '附件',
  auditLog: '修改记录',
  importBatches: '导入记录',
  settings: '设置',
};

/**
 * The first row of any table that fails its schema, as a Chinese reason (table, row number, field); undefined
 * when every row is valid. Tables without a schema are left to the caller (it refuses unknown tables).
 */
export function invalidBackupRow(tables: Record<string, readonly unknown[]>): string | undefined {
  for (const [name, rows] of Object.entries(tables)) {
    const schema = BACKUP_TABLE_SCHEMAS[name];
    if (!schema) {
      continue;
    }
    for (let i = 0; i < rows.length; i += 1) {
      const parsed = schema.safeParse(rows[i]);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.length ? `字段 ${issue.path.join('.')} ` : '记录';
        return `${BACKUP_TABLE_LABELS[name] ?? name}第 ${i + 1} 条的${field}不符合格式（${issue?.message ?? '无效'}）`;
      }
    }
  }
  return undefined;
}
