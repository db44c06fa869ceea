/**
 * Live queries and the bound repository of 党费收缴; pages import these, never dexie.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import * as dues from './dues';
import { db } from './index';

export type { DuesInput, DuesTermsInput, MarkMonthInput, PaidCellInput } from './dues';

export const duesStore = {
  save: (branchId: string, input: dues.DuesInput) => dues.saveDuesPayment(db, branchId, input),
  setTerms: (branchId: string, input: dues.DuesTermsInput) => dues.setDuesTerms(db, branchId, input),
  setPaid: (branchId: string, input: dues.PaidCellInput) => dues.setPaidCell(db, branchId, input),
  markMonthPaid: (branchId: string, input: dues.MarkMonthInput) => dues.markDuesMonthPaid(db, branchId, input),
  remove: (id: string) => dues.deleteDuesPayment(db, id),
};

/** Every 党费 record of a branch (all years); `undefined` while loading. */
export function useDues(branchId: string | undefined) {
  return useLiveQuery(async () => (branchId ? dues.listDues(db, branchId) : []), [branchId]);
}

/** The 党费规定 table and thresholds in force; `undefined` while loading. */
export function useDuesSettings() {
  return useLiveQuery(() => dues.getDuesSettings(db), []);
}
