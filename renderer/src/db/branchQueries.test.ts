import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { activeMemberCountsByBranch } from './branchQueries';
import { createBranch, loadDemoData } from './branches';
import { moveToHistory } from './members';
import { freshDatabase } from './testing';

describe('activeMemberCountsByBranch', () => {
  it('counts active members per branch, leaving out 历史党员 and empty branches', async () => {
    const db = freshDatabase();
    const demo = await loadDemoData(db, '2025-03-05');
    const empty = await createBranch(db, { name: '中共测试局机关第二支部委员会' });
    const someone = await db.members.where('branchId').equals(demo.id).first();
    await moveToHistory(db, someone!.id, { reason: '转出', date: '2025-03-01' });
    const counts = await activeMemberCountsByBranch(db);
    expect(counts.get(demo.id)).toBe(24);
    expect(counts.has(empty.id)).toBe(false);
  });
});
