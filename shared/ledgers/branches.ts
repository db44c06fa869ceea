import type { ImportedMember } from './definitions/members';
import { normalizeHeader } from './normalize';
import type { ParsedRow } from './parseSheet';

/** A branch as the import sees it. */
export interface BranchRef {
  id: string;
  name: string;
}

export interface BranchAssignment {
  /** The 所在党支部 as written; undefined for rows without one (they go to the current branch). */
  branchName?: string;
  /** The existing branch the rows go to; undefined when a new branch must be created with `branchName`. */
  branchId?: string;
  create: boolean;
  rows: ParsedRow<ImportedMember>[];
}

/** 中共某某局机关第一支部委员会 and 机关第一支部 name one branch: compare without 中共 and 委员会, spaces, width. */
export function branchKey(name: string): string {
  return normalizeHeader(name)
    .replace(/^中国共产党|^中共/, '')
    .replace(/委员会$/, '')
    .replace(/党支部$/, '支部');
}

/**
 * A roster with a 所在党支部 column: members go to the branch of that name, or to a branch to be created.
 * Rows without one go to `currentBranchId`.
 */
export function distributeMembersToBranches(
  rows: readonly ParsedRow<ImportedMember>[],
  branches: readonly BranchRef[],
  currentBranchId: string,
): BranchAssignment[] {
  const existing = new Map(branches.map((b) => [branchKey(b.name), b]));
  const groups = new Map<string, BranchAssignment>();
  for (const row of rows) {
    const typed = row.values.branchName;
    const name = row.record?.branchName ?? (typeof typed === 'string' ? typed : undefined);
    const key = name ? branchKey(name) : '';
    let group = groups.get(key);
    if (!group) {
      const found = name ? existing.get(key) : branches.find((b) => b.id === currentBranchId);
      group = {
        branchName: name ? (found?.name ?? name) : undefined,
        branchId: found?.id ?? (name ? undefined : currentBranchId),
        create: Boolean(name) && !found,
        rows: [],
      };
      groups.set(key, group);
    }
    group.rows.push(row);
  }
  return [...groups.values()];
}
