/**
 * Live queries and the bound repository of 台账导入; pages import these, never dexie.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { ImportContext, PlannedRow } from '@shared/imports';
import type { ImportedOrganization } from '@shared/ledgers';
import { db } from './index';
import * as imports from './imports';

export { ImportRefusedError, type ImportResult } from './imports';

/** What a plan is computed against (imports.ts importContext), from the app's database. */
export function loadImportContext(branchId: string, today: string): Promise<ImportContext> {
  return imports.importContext(db, branchId, today);
}

export const importStore = {
  context: loadImportContext,
  /** Every included row of every sheet in one transaction and one import batch (one 撤销本次导入 for the file). */
  commit: (branchId: string, fileName: string, rows: readonly PlannedRow[], organization?: ImportedOrganization) =>
    imports.commitLedgerImport(db, { branchId, fileName, rows, organization }),
  undo: (batchId: string) => imports.undoImport(db, batchId),
};

/** A branch's import batches, newest first; `undefined` while loading. */
export function useImportBatches(branchId: string | undefined) {
  return useLiveQuery(async () => (branchId ? imports.listImportBatches(db, branchId) : []), [branchId]);
}
