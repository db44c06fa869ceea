/**
 * Planning a read file against the database, sheet by sheet. Pure; runs in the import worker (20,000 rows take
 * over a second to plan: too long for the UI thread) and in tests.
 */
import { planLedgerImport, type ImportContext, type PlannedRow } from '@shared/imports';
import type { LedgerFileResult, LedgerKind, ParsedRow } from '@shared/ledgers';

/**
 * Plans the rows of all sheets of one ledger at once (the same person or meeting on two sheets is a 冲突, as
 * within one sheet), then splits each plan back by sheet index, in the order of `sheet.rows`.
 */
export function planSheets(result: LedgerFileResult, context: ImportContext): Map<number, PlannedRow[]> {
  const byKind = new Map<LedgerKind, { rows: ParsedRow[]; owners: number[] }>();
  result.sheets.forEach((sheet, index) => {
    if (!sheet.ledger) {
      return;
    }
    const group = byKind.get(sheet.ledger) ?? { rows: [], owners: [] };
    byKind.set(sheet.ledger, group);
    for (const row of sheet.rows) {
      group.rows.push(row);
      group.owners.push(index);
    }
  });
  const plans = new Map<number, PlannedRow[]>();
  for (const [kind, { rows, owners }] of byKind) {
    // A row may plan as several records (a 党费 row of twelve months): each plan goes to its row's sheet.
    const ownerOf = new Map(rows.map((row, i) => [row, owners[i]]));
    planLedgerImport(kind, rows, context).forEach((plan, i) => {
      const owner = (plan.source && ownerOf.get(plan.source)) ?? owners[i];
      const list = plans.get(owner) ?? [];
      list.push(plan);
      plans.set(owner, list);
    });
  }
  return plans;
}
