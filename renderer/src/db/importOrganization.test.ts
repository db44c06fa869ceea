// 06_组织设置 of a package read back: a branch rebuilt on another computer from its roster and its 组织设置 gets its
// 支委会 and 党小组 (with 组长 and members) found by name; undo puts the branch and members back.
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildLedgerWorkbook } from '@shared/exports';
import { demoDataset, TEST_OPTIONS, TEST_TODAY } from '@shared/exports/testData';
import { organizationChanges, planLedgerImport } from '@shared/imports';
import { readLedgerFile } from '@shared/ledgers';
import { createBranch } from './branches';
import type { BranchLedgerDatabase } from './database';
import { loadImportContext } from './importHooks';
import { commitLedgerImport, undoImport } from './imports';
import { freshDatabase } from './testing';

let db: BranchLedgerDatabase;
let branchId: string;

beforeEach(async () => {
  db = freshDatabase();
  branchId = (await createBranch(db, { name: '中共示例市民政局机关第一支部委员会' })).id;
});

describe('importing 06_组织设置', () => {
  it('reads the branch, its committee and its groups, and applies them after the roster in one batch', async () => {
    const data = demoDataset();
    const roster = await readLedgerFile('01_党员花名册.xlsx', await buildLedgerWorkbook('members', data, TEST_OPTIONS), { today: TEST_TODAY });
    const settings = await readLedgerFile('06_组织设置.xlsx', await buildLedgerWorkbook('organization', data, TEST_OPTIONS), { today: TEST_TODAY });
    const org = settings.organization!;
    expect(settings.fileIssues).toEqual([]);
    expect(org.committee.map((c) => c.role).sort()).toEqual(data.branch.committee.members.map((c) => c.role).sort());
    expect(org.partyGroups.map((g) => g.name)).toEqual(data.branch.partyGroups.map((g) => g.name));
    expect(org.branch).toMatchObject({ parentOrganisation: data.branch.parentOrganisation, electedOn: data.branch.committee.electedOn });
    expect(settings.sheets.every((s) => !s.ledger && s.reason?.startsWith('组织设置'))).toBe(true);

    const plan = planLedgerImport('members', roster.sheets[0].rows, await loadImportContext(branchId, TEST_TODAY));
    const before = await db.branches.get(branchId);
    const result = await commitLedgerImport(db, { branchId, fileName: '材料包.zip', rows: plan, organization: org });
    expect(result.added).toBe(data.members.filter((m) => !m.departure).length);

    const branch = (await db.branches.get(branchId))!;
    const members = await db.members.where('branchId').equals(branchId).toArray();
    const nameOf = (id: string | undefined) => members.find((m) => m.id === id)?.name;
    const demoName = (id: string | undefined) => data.members.find((m) => m.id === id)?.name;
    expect(branch.committee.members.map((c) => [c.role, nameOf(c.memberId)]).sort()).toEqual(
      data.branch.committee.members.map((c) => [c.role, demoName(c.memberId)]).sort(),
    );
    expect(branch.committee.electedOn).toBe(data.branch.committee.electedOn);
    for (const group of data.branch.partyGroups) {
      const rebuilt = branch.partyGroups.find((g) => g.name === group.name)!;
      expect(nameOf(rebuilt.leaderId)).toBe(demoName(group.leaderId));
      const wanted = data.members.filter((m) => !m.departure && m.partyGroupId === group.id).map((m) => m.name).sort();
      expect(members.filter((m) => m.partyGroupId === rebuilt.id).map((m) => m.name).sort()).toEqual(wanted);
    }

    // Read back into the branch it rebuilt, the same 组织设置 changes nothing (跳过); another 书记 is a change.
    expect(organizationChanges(branch, members, org)).toEqual([]);
    const other = org.committee.find((c) => c.role !== '书记')!;
    const swapped = { ...org, committee: org.committee.map((c) => (c.role === '书记' ? { ...c, name: other.name } : c.name === other.name ? { ...c, name: org.committee.find((x) => x.role === '书记')!.name } : c)) };
    expect(organizationChanges(branch, members, swapped)).toEqual(['支部委员会']);

    await undoImport(db, result.batch.id);
    expect(await db.branches.get(branchId)).toEqual(before);
    expect(await db.members.count()).toBe(0);
  });
});
