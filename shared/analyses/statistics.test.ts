import { describe, expect, it } from 'vitest';
import { makeBranch, makeMember } from '../rules/testFixtures';
import {
  ageBucket,
  ageOn,
  joiningEra,
  partyAgeBucket,
  partyAgeOn,
  statisticsSummary,
  teamStatistics,
  type StatDimension,
  type TeamStatistics,
} from './statistics';

/** The last day of 2025年第二季度: statistics are taken as of the period's end. */
const END = '2025-06-30';

function rows(stats: TeamStatistics, dimension: StatDimension): Record<string, number> {
  return Object.fromEntries(stats.tables.find((t) => t.dimension === dimension)!.rows.map((r) => [r.label, r.count]));
}

describe('年龄段 at the edges', () => {
  it('counts a birthday on the period’s last day as reached', () => {
    expect(ageOn('1995-06-30', END)).toBe(30);
    expect(ageOn('1995-07-01', END)).toBe(29);
    expect(ageOn('1994-06-30', END)).toBe(31);
    expect(ageOn('1994-07-01', END)).toBe(30);
    expect(ageBucket(ageOn('1995-06-30', END))).toBe('30岁及以下');
    expect(ageBucket(ageOn('1994-06-30', END))).toBe('31—35岁');
    expect(ageBucket(ageOn('1994-07-01', END))).toBe('30岁及以下');
    expect(ageBucket(ageOn('1964-06-30', END))).toBe('61岁及以上');
    expect(ageBucket(ageOn('1964-07-01', END))).toBe('56—60岁');
  });

  it('puts every edge age in the 公报 band', () => {
    const expected: [number, string][] = [
      [30, '30岁及以下'], [31, '31—35岁'], [35, '31—35岁'], [36, '36—40岁'], [40, '36—40岁'], [41, '41—45岁'],
      [45, '41—45岁'], [46, '46—50岁'], [50, '46—50岁'], [51, '51—55岁'], [55, '51—55岁'], [56, '56—60岁'],
      [60, '56—60岁'], [61, '61岁及以上'], [18, '30岁及以下'], [95, '61岁及以上'],
    ];
    for (const [age, bucket] of expected) {
      expect([age, ageBucket(age)]).toEqual([age, bucket]);
    }
  });

  it('lets someone born on 29 February complete a year on 28 February, and on the day itself in a leap year', () => {
    expect(ageOn('1996-02-29', '2026-02-28')).toBe(30);
    expect(ageOn('1996-02-29', '2026-02-27')).toBe(29);
    expect(ageOn('1996-02-29', '2028-02-29')).toBe(32);
    expect(ageOn('1996-02-29', '2028-02-28')).toBe(31);
    // The quarter ending 31 March: 30 reached in February, in the 30岁及以下 band still.
    expect(ageBucket(ageOn('1996-02-29', '2026-03-31'))).toBe('30岁及以下');
  });

  it('counts a month-precision birth date from the first of its month', () => {
    expect(ageOn('1995-06', END)).toBe(30);
    expect(ageOn('1995-07', END)).toBe(29);
  });
});

describe('党龄段 at the edges', () => {
  it('counts 党龄 from 转正时间, an anniversary on the period’s last day reached', () => {
    const full = (confirmedOn: string) => makeMember('x', { joinedOn: '2000-01-01', confirmedOn });
    expect(partyAgeOn(full('2020-06-30'), END)).toBe(5);
    expect(partyAgeOn(full('2020-07-01'), END)).toBe(4);
    expect(partyAgeBucket(partyAgeOn(full('2020-06-30'), END)!)).toBe('5—9年');
    expect(partyAgeBucket(partyAgeOn(full('2020-07-01'), END)!)).toBe('不满5年');
    expect(partyAgeBucket(partyAgeOn(full('2015-06-30'), END)!)).toBe('10—19年');
    expect(partyAgeBucket(partyAgeOn(full('2015-07-01'), END)!)).toBe('5—9年');
    expect(partyAgeBucket(partyAgeOn(full('1975-06-30'), END)!)).toBe('50年及以上');
    expect(partyAgeBucket(partyAgeOn(full('1975-07-01'), END)!)).toBe('40—49年');
    expect(partyAgeOn(full('2016-02-29'), '2026-02-28')).toBe(10);
  });

  it('gives no 党龄 to someone still 预备 that day, and none known without 转正时间', () => {
    expect(partyAgeOn(makeMember('p', { category: '预备党员', joinedOn: '2024-09-01', confirmedOn: undefined }), END)).toBeUndefined();
    // Confirmed after the period: 预备 as of its end.
    expect(partyAgeOn(makeMember('c', { joinedOn: '2024-07-01', confirmedOn: '2025-07-01' }), END)).toBeUndefined();
    expect(partyAgeOn(makeMember('c', { joinedOn: '2024-06-30', confirmedOn: '2025-06-30' }), END)).toBe(0);
    expect(partyAgeOn(makeMember('n', { confirmedOn: undefined }), END)).toBeNull();
  });

  it('puts every edge 党龄 in its band', () => {
    const expected: [number, string][] = [
      [0, '不满5年'], [4, '不满5年'], [5, '5—9年'], [9, '5—9年'], [10, '10—19年'], [19, '10—19年'], [20, '20—29年'],
      [29, '20—29年'], [30, '30—39年'], [40, '40—49年'], [49, '40—49年'], [50, '50年及以上'],
    ];
    for (const [years, bucket] of expected) {
      expect([years, partyAgeBucket(years)]).toEqual([years, bucket]);
    }
  });
});

describe('入党时间段', () => {
  it('starts each era on the opening day of its session', () => {
    expect(joiningEra('1949-09-30')).toBe('新中国成立前');
    expect(joiningEra('1949-10-01')).toBe('新中国成立后至党的十一届三中全会前');
    expect(joiningEra('1978-12-17')).toBe('新中国成立后至党的十一届三中全会前');
    expect(joiningEra('1978-12-18')).toBe('党的十一届三中全会后至党的十八大前');
    expect(joiningEra('2012-11-07')).toBe('党的十一届三中全会后至党的十八大前');
    expect(joiningEra('2012-11-08')).toBe('党的十八大以来');
    expect(joiningEra('2012-11')).toBe('党的十一届三中全会后至党的十八大前');
  });
});

describe('teamStatistics', () => {
  const members = [
    makeMember('a', { gender: '女', ethnicity: '回族', birthDate: '1995-06-30', education: '研究生', confirmedOn: '2015-06-30', joinedOn: '2014-06-30' }),
    makeMember('b', { birthDate: '1994-06-30', education: '大学本科', confirmedOn: '2020-07-01', joinedOn: '2019-07-01' }),
    // 预备 as of the end: confirmed the day after.
    makeMember('c', { birthDate: '1990-01-01', joinedOn: '2024-07-01', confirmedOn: '2025-07-01' }),
    makeMember('d', { category: '预备党员', confirmedOn: undefined, joinedOn: '2025-03-01', education: undefined, ethnicity: '外国血统中国籍人士' }),
    // Joined after the period: not counted.
    makeMember('late', { category: '预备党员', confirmedOn: undefined, joinedOn: '2025-07-01' }),
    // Left on the last day: no longer on the roster that day.
    makeMember('left', { departure: { reason: '转出', date: END } }),
    // Left the day after: still counted.
    makeMember('stay', { departure: { reason: '转出', date: '2025-07-01' }, birthDate: '1964-06-30' }),
  ];
  // 党内职务 comes from 支部信息: a is 书记 there, b leads a 党小组 (the stored roster has no post of its own).
  const branch = makeBranch({ partyGroups: [{ id: 'g1', name: '第一党小组', leaderId: 'b' }] }, [{ memberId: 'a', role: '书记' }]);
  const stats = teamStatistics(members, END, branch);

  it('counts the roster of the period’s last day', () => {
    expect(stats.total).toBe(5);
    expect(stats.memberIds).toEqual(['a', 'b', 'c', 'd', 'stay']);
    expect(stats.fullMembers).toBe(3);
    expect(stats.probationaryMembers).toBe(2);
    expect(rows(stats, 'category')).toEqual({ 正式党员: 3, 预备党员: 2 });
    expect(rows(stats, 'gender')).toEqual({ 男: 4, 女: 1 });
    expect(rows(stats, 'ethnicity')).toEqual({ 汉族: 3, 少数民族: 1, 其他: 1 });
  });

  it('fills the fixed classes, zeros included, and "not recorded" rows only when needed', () => {
    expect(rows(stats, 'education')).toEqual({ 研究生: 1, 大学本科: 1, 大学专科: 0, 中专: 0, '高中、中技': 0, 初中及以下: 0, 未填写: 3 });
    expect(rows(stats, 'age')).toEqual({
      '30岁及以下': 1, '31—35岁': 2, '36—40岁': 0, '41—45岁': 1, '46—50岁': 0, '51—55岁': 0, '56—60岁': 0, '61岁及以上': 1,
    });
    expect(rows(stats, 'partyAge')).toEqual({
      不满5年: 1, '5—9年': 0, '10—19年': 2, '20—29年': 0, '30—39年': 0, '40—49年': 0, '50年及以上': 0, '预备党员（不计党龄）': 2,
    });
    expect(rows(stats, 'post')).toEqual({ 书记: 1, 党小组长: 1, 党员: 3 });
    expect(rows(stats, 'era')).toEqual({
      新中国成立前: 0, 新中国成立后至党的十一届三中全会前: 0, 党的十一届三中全会后至党的十八大前: 1, 党的十八大以来: 4,
    });
  });

  it('gives shares with one decimal and a summary sentence', () => {
    const gender = stats.tables.find((t) => t.dimension === 'gender')!;
    expect(gender.rows.map((r) => r.percent)).toEqual([80, 20]);
    expect(teamStatistics(members, '2000-01-01', branch).tables[0].rows.map((r) => r.percent)).toEqual([0, 0]);
    expect(statisticsSummary(stats, (d) => d)).toBe(
      '截至2025-06-30，支部共有党员5名，其中正式党员3名、预备党员2名；女党员1名，少数民族党员1名；35岁及以下党员3名，大专及以上学历党员2名。',
    );
  });
});
