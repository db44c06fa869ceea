import { describe, expect, it } from 'vitest';
import { checkDuesPayment } from '../model/dues';
import { makeMember } from '../rules/testFixtures';
import { duesGrid, duesYearSummary, isMonthOwed, kindOfPayment, markMonthPaid, monthsOfYear, shiftMonth } from './grid';
import { makePayment, makePayments } from './testFixtures';

const TODAY = '2025-07-15';

describe('党费收缴 month grid', () => {
  it('owes a 预备党员 from the month of 入党时间 (党费规定 第八条), not the month before', () => {
    const probationary = makeMember('p', { category: '预备党员', joinedOn: '2025-03-20', confirmedOn: undefined });
    expect(isMonthOwed(probationary, '2025-02')).toBe(false);
    expect(isMonthOwed(probationary, '2025-03')).toBe(true);
    const grid = duesGrid([probationary], [makePayment('p', '2025-03')], 2025, { today: TODAY });
    expect(grid.rows[0].cells.slice(0, 6).map((c) => c.state)).toEqual(['notOwed', 'notOwed', 'paid', 'unpaid', 'unpaid', 'unpaid']);
    expect(grid.rows[0].unpaidMonths).toEqual(['2025-04', '2025-05', '2025-06']);
  });

  it('stops owing from the month of leaving and leaves out members gone before the year', () => {
    const left = makeMember('l', { departure: { reason: '转出', date: '2025-03-10' } });
    const gone = makeMember('g', { departure: { reason: '转出', date: '2024-05-01' } });
    const grid = duesGrid([left, gone], [], 2025, { today: TODAY });
    expect(grid.rows.map((r) => r.member.id)).toEqual(['l']);
    expect(grid.rows[0].cells.slice(0, 4).map((c) => c.state)).toEqual(['unpaid', 'unpaid', 'notOwed', 'notOwed']);
  });

  it('tells paid, partial, overpaid, unpaid and not yet due apart, carrying 应交 from the nearest record', () => {
    const member = makeMember('m');
    const payments = [
      makePayment('m', '2024-12', { owedFen: 8000, paidFen: 8000 }),
      makePayment('m', '2025-02', { paidFen: 5000 }),
      makePayment('m', '2025-03', { paidFen: 10000, kind: '自愿多交' }),
      makePayment('m', '2025-04'),
    ];
    const row = duesGrid([member], payments, 2025, { today: TODAY }).rows[0];
    expect(row.cells.slice(0, 8).map((c) => [c.state, c.terms?.owedFen])).toEqual([
      ['unpaid', 8000],
      ['partial', 9000],
      ['overpaid', 9000],
      ['paid', 9000],
      ['unpaid', 9000],
      ['unpaid', 9000],
      ['due', 9000],
      ['due', 9000],
    ]);
    expect(row.paidFen).toBe(5000 + 10000 + 9000);
  });

  it('counts a month with 应交 0 (免交 approved) as settled, with or without its own record', () => {
    const row = duesGrid([makeMember('m')], [makePayment('m', '2025-01', { owedFen: 0, paidFen: undefined, paidOn: undefined, category: '其他' })], 2025, {
      today: TODAY,
    }).rows[0];
    expect(row.cells.slice(0, 3).map((c) => c.state)).toEqual(['paid', 'paid', 'paid']);
    expect(row.unpaidMonths).toEqual([]);
  });

  it('marks a month paid at 应交 without touching the records it was given', () => {
    const members = [makeMember('a', { name: '安' }), makeMember('b', { name: '白' }), makeMember('c', { name: '陈' }), makeMember('d', { name: '丁' })];
    const unpaidRecord = makePayment('b', '2025-06', { paidFen: undefined, paidOn: undefined });
    const payments = [
      makePayment('a', '2025-05'),
      unpaidRecord,
      makePayment('c', '2025-06', { paidFen: 100 }),
      makePayment('a', '2025-06'),
    ];
    const frozen = JSON.stringify(payments);
    const grid = duesGrid([...members, makeMember('e', { name: '鄂' })], payments.slice(0, 3), 2025, { today: TODAY });
    let n = 0;
    const result = markMonthPaid(grid, '2025-06', { branchId: 'branch-1', paidOn: '2025-07-03', method: '现金', collector: '张组织', now: 'NOW', newId: () => `new-${(n += 1)}` });
    expect(JSON.stringify(payments)).toBe(frozen);
    expect(result.created.map((p) => [p.memberId, p.month, p.owedFen, p.paidFen, p.kind, p.paidOn, p.id])).toEqual([
      ['a', '2025-06', 9000, 9000, '补缴', '2025-07-03', 'new-1'],
    ]);
    expect(result.updated).toEqual([{ ...unpaidRecord, paidFen: 9000, paidOn: '2025-07-03', method: '现金', collector: '张组织', kind: '补缴', updatedAt: 'NOW' }]);
    expect(result.skipped).toEqual([
      { memberId: 'c', reason: '已部分交纳，请逐笔核对' },
      { memberId: 'd', reason: '尚未核定党费基数' },
      { memberId: 'e', reason: '尚未核定党费基数' },
    ]);
  });

  it('sums the year per month for the 收缴情况 report', () => {
    const members = [makeMember('a'), makeMember('b')];
    const payments = [...makePayments('a', monthsOfYear(2025).slice(0, 6)), makePayment('b', '2025-01', { paidFen: 4000 })];
    const summary = duesYearSummary(duesGrid(members, payments, 2025, { today: TODAY }));
    expect(summary.months[0]).toEqual({ month: '2025-01', owing: 2, owedFen: 18000, paidFen: 13000, paidInFull: 1, unpaid: 1 });
    expect(summary.months[5]).toEqual({ month: '2025-06', owing: 2, owedFen: 18000, paidFen: 9000, paidInFull: 1, unpaid: 1 });
    expect(summary.months[6]).toEqual({ month: '2025-07', owing: 2, owedFen: 18000, paidFen: 0, paidInFull: 0, unpaid: 0 });
    expect(summary.members).toBe(2);
    expect(summary.paidFen).toBe(9000 * 6 + 4000);
  });

  it('keeps one record per member and month, listing the extra ones', () => {
    const grid = duesGrid([makeMember('a')], [makePayment('a', '2025-01'), { ...makePayment('a', '2025-01'), id: 'second' }], 2025, { today: TODAY });
    expect(grid.duplicates.map((d) => d.id)).toEqual(['second']);
  });

  it('names a payment by when it was made against its month', () => {
    expect(kindOfPayment('2025-03', '2025-03-31')).toBe('正常');
    expect(kindOfPayment('2025-03', '2025-04-01')).toBe('补缴');
    expect(kindOfPayment('2025-03', '2025-02-28')).toBe('预交');
    expect(shiftMonth('2025-01', -1)).toBe('2024-12');
    expect(shiftMonth('2024-12', 1)).toBe('2025-01');
  });

  it('checks a record against itself: date, 补缴 after and 预交 before its month, 自愿多交 above 应交', () => {
    const base = makePayment('a', '2025-03');
    expect(checkDuesPayment(base)).toEqual([]);
    expect(checkDuesPayment({ ...base, kind: '补缴' }).map((p) => p.message)).toEqual(['补缴的交纳日期应晚于缴费月份']);
    expect(checkDuesPayment({ ...base, kind: '预交' }).map((p) => p.message)).toEqual(['预交的交纳日期应早于缴费月份']);
    expect(checkDuesPayment({ ...base, kind: '自愿多交' }).map((p) => p.message)).toEqual(['自愿多交的实交金额应多于应交金额']);
    expect(checkDuesPayment({ ...base, paidFen: undefined }).map((p) => p.message)).toEqual(['填写了交纳日期，请填写实交金额']);
    expect(checkDuesPayment({ ...base, paidOn: undefined }).map((p) => p.severity)).toEqual(['warning']);
  });
});
