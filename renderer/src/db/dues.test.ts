import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Branch, Member } from '@shared/model';
import type { BranchLedgerDatabase } from './database';
import { listDues, markDuesMonthPaid, saveDuesPayment, setDuesTerms, setPaidCell } from './dues';
import { ValidationError } from './errors';
import { demoDatabase, refusal } from './testing';

const TODAY = '2025-03-05';
let db: BranchLedgerDatabase;
let branch: Branch;
/** Three 正式党员 of the demo branch, the only members written. */
let members: Member[];

beforeEach(async () => {
  ({ db, branch, members } = await demoDatabase(TODAY, {
    members: (all) => all.slice(1, 4).map((m) => ({ ...m, joinedOn: '2010-01-05', transferredInOn: undefined, departure: undefined })),
  }));
});

async function problemsOf(work: Promise<unknown>) {
  return (await refusal(work)).problems;
}

const terms = { category: '在职' as const, baseFen: 500000, percent: 1, owedFen: 5000 };

describe('dues repository', () => {
  it('sets a member’s terms from a month on: that month’s record, and later unpaid ones of the year', async () => {
    const [a] = members;
    await saveDuesPayment(db, branch.id, { memberId: a.id, month: '2025-05', ...terms, owedFen: 4000, paidFen: 4000, paidOn: '2025-05-09' });
    await saveDuesPayment(db, branch.id, { memberId: a.id, month: '2025-06', ...terms, owedFen: 4000 });
    expect(await setDuesTerms(db, branch.id, { memberId: a.id, fromMonth: '2025-02', ...terms })).toBe(2);
    const byMonth = new Map((await listDues(db, branch.id)).map((p) => [p.month, p]));
    expect([byMonth.get('2025-02')?.owedFen, byMonth.get('2025-02')?.paidFen]).toEqual([5000, undefined]);
    // Paid on the old terms: kept as paid.
    expect(byMonth.get('2025-05')?.owedFen).toBe(4000);
    expect(byMonth.get('2025-06')?.owedFen).toBe(5000);
    const log = await db.auditLog.where('[table+recordId]').equals(['dues', byMonth.get('2025-06')!.id]).toArray();
    expect(log.map((e) => e.summary)).toEqual([expect.stringContaining('新增党费记录'), '修改 应交金额']);
  });

  it('types 实交 into a month without a record on the terms carried from the member’s nearest record', async () => {
    const [a, b] = members;
    await setDuesTerms(db, branch.id, { memberId: a.id, fromMonth: '2025-01', ...terms });
    const paid = await setPaidCell(db, branch.id, { memberId: a.id, month: '2025-02', paidFen: 5000, paidOn: '2025-02-07', collector: '组织委员' }, TODAY);
    expect(paid).toMatchObject({ month: '2025-02', owedFen: 5000, paidFen: 5000, paidOn: '2025-02-07', collector: '组织委员', kind: '正常', baseFen: 500000 });
    // Clearing the cell leaves the record 未交.
    const cleared = await setPaidCell(db, branch.id, { memberId: a.id, month: '2025-02', paidFen: undefined }, TODAY);
    expect([cleared.paidFen, cleared.paidOn, cleared.owedFen]).toEqual([undefined, undefined, 5000]);
    expect((await problemsOf(setPaidCell(db, branch.id, { memberId: b.id, month: '2025-02', paidFen: 100 }, TODAY)))[0].message).toBe(
      `请先填写${b.name}的人员类别和核定基数`,
    );
  });

  it('refuses a 补缴 paid in its own month and a member of another branch, writing nothing', async () => {
    const [a] = members;
    const problems = await problemsOf(saveDuesPayment(db, branch.id, { memberId: a.id, month: '2025-02', ...terms, paidFen: 5000, paidOn: '2025-02-07', kind: '补缴' }));
    expect(problems).toEqual([{ field: 'kind', severity: 'error', message: '补缴的交纳日期应晚于缴费月份' }]);
    expect((await problemsOf(saveDuesPayment(db, 'other', { memberId: a.id, month: '2025-02', ...terms })))[0].message).toBe('该人员不是本支部党员');
    expect(await db.dues.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('marks a month paid at 应交 in one step, skipping a partial payment and a member without a 核定基数', async () => {
    const [a, b, c] = members;
    await setDuesTerms(db, branch.id, { memberId: a.id, fromMonth: '2025-01', ...terms });
    await saveDuesPayment(db, branch.id, { memberId: b.id, month: '2025-02', ...terms, paidFen: 2000, paidOn: '2025-02-07' });
    const before = await db.auditLog.count();
    const result = await markDuesMonthPaid(db, branch.id, { month: '2025-02', paidOn: '2025-03-05', collector: '王收款' }, TODAY);
    expect(result.created.map((p) => [p.memberId, p.paidFen, p.kind, p.collector])).toEqual([[a.id, 5000, '补缴', '王收款']]);
    expect(result.skipped).toEqual(
      expect.arrayContaining([
        { memberId: b.id, reason: '已部分交纳，请逐笔核对' },
        { memberId: c.id, reason: '尚未核定党费基数' },
      ]),
    );
    expect(await db.auditLog.count()).toBe(before + 1);
    expect((await db.auditLog.toArray()).at(-1)?.summary).toBe(`按应交标记已交 ${a.name} 2025年2月 实交50.00元`);
    await expect(markDuesMonthPaid(db, branch.id, { month: '2025-02', paidOn: '' }, TODAY)).rejects.toBeInstanceOf(ValidationError);
  });
});
