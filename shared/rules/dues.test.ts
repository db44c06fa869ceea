import { describe, expect, it } from 'vitest';
import { makePayment, makePayments } from '../dues/testFixtures';
import { DEFAULT_DUES_SETTINGS } from '../dues/settings';
import { monthsOfYear } from '../dues/grid';
import { duesFindings, duesLateBackPay, duesMismatch, duesUnpaid, type DuesRuleInput } from './dues';
import { makeBranch, makeMember } from './testFixtures';

function input(overrides: Partial<DuesRuleInput>): DuesRuleInput {
  return { branch: makeBranch(), members: [], payments: [], today: '2025-12-15', year: 2025, settings: DEFAULT_DUES_SETTINGS, ...overrides };
}

const year = monthsOfYear(2025);

describe('dues.unpaid (党费规定: 按月交纳; 党章 第九条: 连续6个月不交)', () => {
  const wang = makeMember('w', { name: '王伟' });
  const li = makeMember('l', { name: '李娜' });

  it('five consecutive unpaid months warn only; the sixth is flagged citing 党章 第九条', () => {
    // Both members paid January–May; 王伟 nothing since (June–November over on 15 December = 6 months).
    const payments = [...makePayments('w', year.slice(0, 5)), ...makePayments('l', year.slice(0, 11))];
    const five = duesUnpaid(input({ members: [wang, li], payments, today: '2025-11-15' }));
    expect(five.map((f) => [f.severity, f.message])).toEqual([['warning', '党员王伟2025年有5个月未交纳党费（6月、7月、8月、9月、10月）']]);
    const six = duesUnpaid(input({ members: [wang, li], payments, today: '2025-12-01' }));
    expect(six).toHaveLength(1);
    expect(six[0]).toMatchObject({ rule: 'dues.unpaid', severity: 'error', period: '2025-11', source: '《中国共产党章程》第九条' });
    expect(six[0].message).toMatch(/^党员王伟已连续6个月未交纳党费（2025年6月至11月）/);
    expect(six[0].subject).toEqual({ table: 'dues', year: 2025, memberId: 'w' });
  });

  it('two unpaid months are quiet; three (not consecutive) warn', () => {
    const months = year.slice(0, 11);
    const two = months.filter((m) => m !== '2025-02' && m !== '2025-05');
    expect(duesUnpaid(input({ members: [wang], payments: makePayments('w', two) }))).toEqual([]);
    const three = two.filter((m) => m !== '2025-09');
    expect(duesUnpaid(input({ members: [wang], payments: makePayments('w', three) })).map((f) => f.message)).toEqual([
      '党员王伟2025年有3个月未交纳党费（2月、5月、9月）',
    ]);
  });

  it('counts a run that began the year before', () => {
    const payments = [...makePayments('w', ['2024-08', '2024-09']), ...makePayments('l', ['2024-10'])];
    const findings = duesUnpaid(input({ members: [wang], payments, today: '2025-04-10' }));
    expect(findings.map((f) => f.severity)).toEqual(['error']);
    expect(findings[0].message).toMatch(/^党员王伟已连续6个月未交纳党费（2024年10月至2025年3月）/);
  });

  it('owes a 预备党员 from the month of 入党时间: the months before are not unpaid', () => {
    const probationary = makeMember('p', { name: '张敏', category: '预备党员', joinedOn: '2025-06-18', confirmedOn: undefined });
    const payments = makePayments('w', year.slice(0, 11));
    expect(duesUnpaid(input({ members: [wang, probationary], payments, today: '2025-08-20' }))).toEqual([]);
    const later = duesUnpaid(input({ members: [wang, probationary], payments, today: '2025-09-01' }));
    expect(later.map((f) => f.message)).toEqual(['党员张敏2025年有3个月未交纳党费（6月、7月、8月）']);
    expect(later[0].source).toMatch(/第八条/);
  });

  it('checks nothing before the branch keeps its 党费 in the app, and never the running month', () => {
    expect(duesUnpaid(input({ members: [wang] }))).toEqual([]);
    const findings = duesUnpaid(input({ members: [wang, li], payments: makePayments('l', ['2025-09']), today: '2025-12-31' }));
    // From September, the first record: 王伟 owes September–November, 李娜 October and November (not warned).
    expect(findings.map((f) => f.message)).toEqual(['党员王伟2025年有3个月未交纳党费（9月、10月、11月）']);
  });
});

describe('dues.mismatch (党费规定: 足额交纳)', () => {
  it('warns when less is paid than owed, informs when more without 自愿多交', () => {
    const members = [makeMember('w', { name: '王伟' })];
    const payments = [
      makePayment('w', '2025-03', { paidFen: 5000 }),
      makePayment('w', '2025-04', { paidFen: 10000 }),
      makePayment('w', '2025-05', { paidFen: 10000, kind: '自愿多交' }),
      makePayment('w', '2025-06', { paidFen: undefined, paidOn: undefined }),
      makePayment('w', '2024-06', { paidFen: 1 }),
    ];
    expect(duesMismatch(input({ members, payments })).map((f) => [f.severity, f.period, f.message])).toEqual([
      ['warning', '2025-03', '党员王伟2025年3月党费应交90.00元，实交50.00元，未足额交纳'],
      ['info', '2025-04', '党员王伟2025年4月党费应交90.00元，实交100.00元，多交部分可记为自愿多交'],
    ]);
  });
});

describe('dues.mismatch (党费规定 第八条: 预备党员 from 入党时间)', () => {
  it('points out dues recorded for a month before 入党时间, and not the month itself', () => {
    const members = [makeMember('p', { name: '张敏', category: '预备党员', joinedOn: '2025-03-20', confirmedOn: undefined })];
    const payments = [makePayment('p', '2025-02'), makePayment('p', '2025-03')];
    const findings = duesMismatch(input({ members, payments }));
    expect(findings.map((f) => [f.severity, f.period, f.message])).toEqual([
      ['info', '2025-02', '党员张敏2025年3月20日入党，2025年2月不需交纳党费（党费从入党之月起交纳）'],
    ]);
    expect(findings[0].source).toMatch(/第八条/);
  });
});

describe('dues.lateBackPay (党费规定: 补交一般不超过6个月)', () => {
  it('lets the 6th month back pass and points out the 7th', () => {
    const members = [makeMember('w', { name: '王伟' })];
    const sixth = makePayment('w', '2025-01', { paidOn: '2025-07-31', kind: '补缴' });
    const seventh = makePayment('w', '2025-02', { paidOn: '2025-09-01', kind: '补缴' });
    const findings = duesLateBackPay(input({ members, payments: [sixth, seventh] }));
    expect(findings.map((f) => [f.rule, f.period, f.message])).toEqual([
      ['dues.lateBackPay', '2025-09', '党员王伟2025年2月的党费于2025年9月1日补交，已超过6个月'],
    ]);
    expect(findings[0].source).toMatch(/补交党费一般不超过6个月/);
  });

  it('reports back pay in the year it was made, across the year boundary', () => {
    const late = makePayment('w', '2024-05', { paidOn: '2025-01-10', kind: '补缴' });
    expect(duesLateBackPay(input({ payments: [late] })).map((f) => f.message)).toEqual(['党员未知党员2024年5月的党费于2025年1月10日补交，已超过6个月']);
    expect(duesLateBackPay(input({ payments: [late], year: 2024 }))).toEqual([]);
  });
});

describe('duesFindings', () => {
  it('ignores other branches', () => {
    const other = makePayment('w', '2025-03', { branchId: 'other', paidFen: 1 });
    expect(duesFindings(input({ members: [makeMember('w')], payments: [other] }))).toEqual([]);
  });
});
