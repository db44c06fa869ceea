/**
 * Read-only queries across branches for 设置 → 支部管理. Takes the database as a parameter so that it is
 * testable on fake-indexeddb and does not import ./index (which would make an import cycle once re-exported).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { BranchLedgerDatabase } from './database';

/** Number of active members (历史党员 excluded) of every branch that has any, by branch id. */
export async function activeMemberCountsByBranch(db: BranchLedgerDatabase): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.members.each((member) => {
    if (!member.departure) {
      counts.set(member.branchId, (counts.get(member.branchId) ?? 0) + 1);
    }
  });
  return counts;
}

/** Live active-member counts by branch id; `undefined` while loading. */
export function useActiveMemberCountsByBranch(db: BranchLedgerDatabase) {
  return useLiveQuery(() => activeMemberCountsByBranch(db), [db]);
}
