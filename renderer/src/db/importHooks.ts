/**
 * Live queries and the bound repository of 台账导入; pages import these, never dexie.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { PlannedMemberRow } from '@shared/imports';
import { db } from './index';
import * as imports from './imports';

export { ImportRefusedError, type ImportResult } from './imports';

export const importStore = {
  commitMembers: (branchId: string, fileName: string, rows: readonly PlannedMemberRow[]) =>
    imports.commitMemberImport(db, branchId, fileName, rows),
  undo: (batchId: string) => imports.undoImport(db, batchId),
  /** The branch's members now, to plan against. */
  membersOf: (branchId: string) => db.members.where('branchId').equals(branchId).toArray(),
};

/** A branch's import batches, newest first; `undefined` while loading. */
export function useImportBatches(branchId: string | undefined) {
  return useLiveQuery(async () => (branchId ? imports.listImportBatches(db, branchId) : []), [branchId]);
}
