import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { CURRENT_BRANCH_KEY } from '@shared/model';
import { createBranch, currentBranch, deleteBranch, loadDemoData, setCurrentBranch, updateBranch } from './branches';
import type { BranchLedgerDatabase } from './database';
import { ValidationError } from './errors';
import { freshDatabase } from './testing';

let db: BranchLedgerDatabase;
beforeEach(() => {
  db = freshDatabase();
});

describe('branches repository', () => {
  it('creates a branch with a default 3-year term and makes it current', async () => {
    const branch = await createBranch(db, { name: '中共测试局机关第一支部委员会' });
    expect(branch.committee.termYears).toBe(3);
    expect(branch.category).toBe('党政机关');
    expect((await currentBranch(db))?.id).toBe(branch.id);
  });

  it('refuses a branch without a name', async () => {
    await expect(createBranch(db, { name: '  ' })).rejects.toBeInstanceOf(ValidationError);
    expect(await db.branches.count()).toBe(0);
  });

  it('updates and keeps the demo mark', async () => {
    const demo = await loadDemoData(db, '2025-03-05');
    const updated = await updateBranch(db, demo.id, { name: '改名后的支部', isDemo: false });
    expect(updated.isDemo).toBe(true);
  });

  it('loads the demo branch with its members in one go, and removes it with all its records', async () => {
    const plain = await createBranch(db, { name: '中共测试局机关第一支部委员会' });
    const demo = await loadDemoData(db, '2025-03-05');
    expect(await db.members.where('branchId').equals(demo.id).count()).toBe(25);
    expect((await currentBranch(db))?.id).toBe(demo.id);
    await deleteBranch(db, demo.id);
    expect(await db.members.count()).toBe(0);
    expect(await db.branches.count()).toBe(1);
    expect((await db.settings.get(CURRENT_BRANCH_KEY))?.value).toBe(plain.id);
  });

  it('switches the current branch', async () => {
    const first = await createBranch(db, { name: '第一支部' });
    await createBranch(db, { name: '第二支部' });
    await setCurrentBranch(db, first.id);
    expect((await currentBranch(db))?.name).toBe('第一支部');
  });
});
