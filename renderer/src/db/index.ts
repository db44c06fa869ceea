/**
 * The only door to IndexedDB: pages import from here, never from dexie directly (checked by
 * dependency-cruiser). One database per installation; tests make their own with createDatabase().
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { BranchLedgerDatabase } from './database';
import * as branches from './branches';
import * as members from './members';

export { BranchLedgerDatabase, DATABASE_NAME } from './database';
export { ValidationError, NotFoundError, type FieldProblem } from './errors';
export type { MemberInput } from './members';

export function createDatabase(name?: string): BranchLedgerDatabase {
  return new BranchLedgerDatabase(name);
}

export const db = createDatabase();

/** Repositories bound to the app's database. */
export const branchStore = {
  create: (input: Parameters<typeof branches.createBranch>[1]) => branches.createBranch(db, input),
  update: (id: string, input: Parameters<typeof branches.updateBranch>[2]) => branches.updateBranch(db, id, input),
  remove: (id: string) => branches.deleteBranch(db, id),
  loadDemo: (today?: string) => branches.loadDemoData(db, today),
  setCurrent: (id: string) => branches.setCurrentBranch(db, id),
};

export const memberStore = {
  add: (branchId: string, input: members.MemberInput) => members.addMember(db, branchId, input),
  update: (id: string, input: members.MemberInput) => members.updateMember(db, id, input),
  moveToHistory: (id: string, departure: Parameters<typeof members.moveToHistory>[2]) => members.moveToHistory(db, id, departure),
  restore: (id: string) => members.restoreFromHistory(db, id),
  deleteEnteredByMistake: (id: string) => members.deleteMemberEnteredByMistake(db, id),
};

/**
 * The pinyin tables (~140 kB gzip) load on first use, after the records are read, so that the first screen does
 * not wait for them.
 */
const pinyin = () => import('@shared/text/pinyin');

/** Every branch, in pinyin order of its name. `undefined` while loading. */
export function useBranches() {
  return useLiveQuery(async () => {
    const list = await db.branches.toArray();
    return (await pinyin()).sortByPinyin(list, (b) => b.name);
  }, []);
}

/** The branch shown now; `null` when there is none yet (first run). `undefined` while loading. */
export function useCurrentBranch() {
  return useLiveQuery(async () => (await branches.currentBranch(db)) ?? null, []);
}

/** All members of a branch (current and 历史), in pinyin order. */
export function useMembers(branchId: string | undefined) {
  return useLiveQuery(
    async () => {
      if (!branchId) return [];
      const list = await members.listMembers(db, branchId);
      return (await pinyin()).sortByPinyin(list, (m) => m.name);
    },
    [branchId],
  );
}

export function useMember(id: string | undefined) {
  return useLiveQuery(async () => (id ? ((await db.members.get(id)) ?? null) : null), [id]);
}

export function useMemberHistory(id: string | undefined) {
  return useLiveQuery(async () => (id ? members.memberHistory(db, id) : []), [id]);
}
