import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { generateDemoBranch } from '@shared/demo';
import { demoLedgers } from '@shared/kinds';
import { LEDGER_KINDS } from '@shared/model/kinds';
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
    // 2025-03-05: last December's 组织生活会 and 民主评议, and this year's meetings and talks up to yesterday.
    expect(await db.meetings.where('branchId').equals(demo.id).count()).toBe(12);
    expect(await db.talks.where('branchId').equals(demo.id).count()).toBe(29);
    expect(await db.auditLog.filter((e) => e.table === 'meetings').count()).toBe(12);
    expect(await db.auditLog.filter((e) => e.table === 'talks').count()).toBe(29);
    expect((await currentBranch(db))?.id).toBe(demo.id);
    // Every ledger kind (the later three too: last year's 民主评议 results, a year of 党费, this year's 学时), each record audited.
    for (const kind of LEDGER_KINDS) {
      const count = await db.table(kind).where('branchId').equals(demo.id).count();
      expect(count, kind).toBeGreaterThan(0);
      expect(await db.auditLog.filter((e) => e.table === kind).count(), kind).toBe(count);
    }
    await deleteBranch(db, demo.id);
    expect(await db.members.count()).toBe(0);
    expect([await db.reviews.count(), await db.dues.count(), await db.training.count()]).toEqual([0, 0, 0]);
    expect(await db.meetings.count()).toBe(0);
    expect(await db.talks.count()).toBe(0);
    expect(await db.branches.count()).toBe(1);
    expect((await db.settings.get(CURRENT_BRANCH_KEY))?.value).toBe(plain.id);
  });

  it('writes exactly the generated demo records: the same every time for the same day', async () => {
    const demo = await loadDemoData(db, '2025-03-05');
    const expected = generateDemoBranch({ today: '2025-03-05', seed: 20250305, branchNumber: 1 });
    expect(demo.id).toBe(expected.branch.id);
    const byStart = (a: { startAt: string; id: string }, b: { startAt: string; id: string }) => (a.startAt + a.id < b.startAt + b.id ? -1 : 1);
    expect((await db.meetings.toArray()).sort(byStart)).toEqual([...expected.meetings].sort(byStart));
    expect((await db.talks.toArray()).map((t) => t.id).sort()).toEqual(expected.talks.map((t) => t.id).sort());
    // Each kind's spec gives its demo records: the database holds exactly those.
    const ledgers = demoLedgers(expected, { today: '2025-03-05', seed: 20250305 });
    for (const kind of LEDGER_KINDS) {
      const ids = (await db.table<{ id: string }, string>(kind).toArray()).map((r) => r.id).sort();
      expect(ids, kind).toEqual(ledgers[kind].map((r) => r.id).sort());
    }
    const summaries = (await db.auditLog.toArray()).map((e) => e.summary);
    expect(summaries).toContain('新增民主评议党员 2024年度民主评议党员（示例数据）');
    expect(summaries.some((s) => /^新增谈心谈话 2025年\d+月\d+日 .+与.+（.+谈话）（示例数据）$/.test(s))).toBe(true);
  });

  it('switches the current branch', async () => {
    const first = await createBranch(db, { name: '第一支部' });
    await createBranch(db, { name: '第二支部' });
    await setCurrentBranch(db, first.id);
    expect((await currentBranch(db))?.name).toBe('第一支部');
  });
});
