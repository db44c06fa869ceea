import { specOf } from '../kinds';
import type { LedgerKind } from '../ledgers/types';
import type { ParsedRow } from '../ledgers/parseSheet';
import type { ImportContext, PlannedRow } from './core';

/**
 * Import planning for every ledger: what each parsed row would do (新增 / 更新 with its changes / 跳过 / 冲突),
 * computed once in the renderer and shown before anything is written; renderer/src/db/imports.ts
 * commitLedgerImport writes exactly the plan. Each kind plans with its spec's planner (shared/kinds); keys (DOMAIN §4):
 * - members: 公民身份号码, else 姓名 + 出生日期, within the target branch (所在党支部 → an existing branch or one to create);
 * - meetings: branch + 会议类型 + 会议时间 to the minute (a date-only time matches the same day), + 党小组 for a
 *   党小组会 whose group is known;
 * - talks: 谈话时间 + 谈话人 + 谈话对象 (the keyed planner, shared/imports/keyed.ts);
 * - analyses: 党员 + 分析时段 (an entry of that period's Analysis);
 * - rectifications: 存在问题 normalised + 问题来源 (the keyed planner).
 * Two rows of the file with one key: the second is 冲突 naming the first. Rows with errors, and rows naming a
 * 谈话人/谈话对象/党员 not on the roster, are blocked. What an export of the app reads back as is no change
 * (shared/exports/roundTrip.test.ts): free text that says the same keeps its stored wording (core sameText),
 * attendance compares as a set by member, 整改进展 merges by date and text.
 */
export * from './core';

export function planLedgerImport<K extends LedgerKind>(kind: K, rows: readonly ParsedRow[], ctx: ImportContext): PlannedRow<K>[] {
  return specOf(kind).import.planner.plan(rows, ctx);
}

function skipped<K extends LedgerKind>(row: PlannedRow<K>): PlannedRow<K> {
  return { ...row, action: '跳过', after: undefined, changes: undefined, reason: '已选择不导入本行' };
}

/**
 * The user resolves a 冲突 row: update candidate `id`, add as new ('new'), or leave it ('skip'). Blocked rows and
 * rows that are no 冲突 are returned unchanged; an id that is not a candidate is refused (Error).
 */
export function resolveConflict<K extends LedgerKind>(row: PlannedRow<K>, choice: string, ctx: ImportContext): PlannedRow<K> {
  if (row.blocked || row.action !== '冲突' || !row.source?.record) {
    return row;
  }
  if (choice === 'skip') {
    return skipped(row);
  }
  if (choice !== 'new' && !(row.candidates ?? []).some((c) => c.id === choice)) {
    throw new Error(`第${row.rowNumber}行：所选记录不在可选范围内`);
  }
  const branchId = 'branchId' in row.target ? row.target.branchId : ctx.branchId;
  const replanned = specOf(row.kind).import.planner.replan(row, choice, { ...ctx, branchId });
  return replanned ? { ...replanned, rowNumber: row.rowNumber, source: row.source, duplicateOf: row.duplicateOf } : row;
}
