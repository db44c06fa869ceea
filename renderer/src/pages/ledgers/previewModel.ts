import { countPlan, planMemberImport, type ImportCounts, type PlannedMemberRow } from '@shared/imports';
import type { ImportedMember, LedgerFileResult, ParsedRow } from '@shared/ledgers';
import type { Member, PartyGroup } from '@shared/model';

/** The key of a preview row: sheet index and Excel row number. */
export function rowKey(sheetIndex: number, rowNumber: number): string {
  return `${sheetIndex}:${rowNumber}`;
}

export interface ImportPreview {
  fileName: string;
  result: LedgerFileResult;
  /** Plans of the roster sheets, by sheet index, aligned with `sheet.rows`. */
  plans: Map<number, PlannedMemberRow[]>;
}

/**
 * Plans every roster sheet of the file at once (a person twice, even on two sheets, is a 冲突), then splits
 * the plan back by sheet. Other ledgers are not planned: they are not imported yet.
 */
export function buildPreview(
  result: LedgerFileResult,
  members: readonly Member[],
  branch: { id: string; partyGroups: readonly PartyGroup[] },
  today: string,
): ImportPreview {
  const rows: ParsedRow<ImportedMember>[] = [];
  const owners: number[] = [];
  result.sheets.forEach((sheet, index) => {
    if (sheet.ledger === 'members') {
      for (const row of sheet.rows) {
        rows.push(row as ParsedRow<ImportedMember>);
        owners.push(index);
      }
    }
  });
  const planned = planMemberImport(rows, members, branch, today);
  const plans = new Map<number, PlannedMemberRow[]>();
  planned.forEach((plan, i) => {
    const list = plans.get(owners[i]) ?? [];
    list.push(plan);
    plans.set(owners[i], list);
  });
  return { fileName: result.fileName, result, plans };
}

/** Only 新增 and 更新 rows can be written; they are included unless the user excluded them. */
export function isWritable(plan: PlannedMemberRow): boolean {
  return !plan.blocked && (plan.action === '新增' || plan.action === '更新');
}

export function rowsToWrite(preview: ImportPreview, excluded: ReadonlySet<string>): PlannedMemberRow[] {
  const rows: PlannedMemberRow[] = [];
  for (const [sheetIndex, plans] of preview.plans) {
    for (const plan of plans) {
      if (isWritable(plan) && !excluded.has(rowKey(sheetIndex, plan.rowNumber))) {
        rows.push(plan);
      }
    }
  }
  return rows;
}

export function previewCounts(preview: ImportPreview): ImportCounts {
  return countPlan([...preview.plans.values()].flat());
}
