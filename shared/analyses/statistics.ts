import { fullYearsBetween, toComparableDate } from '../dates';
import { EDUCATION_LEVELS, PARTY_POSTS } from '../model/enums';
import { partyPostsOf } from '../branch/posts';
import type { Branch } from '../model/branch';
import type { Member } from '../model/member';
import { isFullMemberOn, isOnRoster } from '../rules/roster';

/**
 * 党员队伍状况 as of one day (the last day of the analysed period), in the dimensions of the 党内统计公报
 * (DOMAIN §3.5): 总数, 正式/预备, 性别, 民族, 学历, 年龄段, 党龄段, 入党时间段, 党内职务.
 *
 * Readings:
 * - Who counts: the members on the roster that day (shared/rules/roster: from 入党时间 or 组织关系转入时间,
 *   until the day of leaving, exclusive). 正式 or 预备 as they were that day (转正时间 on or before it).
 * - 年龄 and 党龄 are completed years on that day; a birthday (or 转正 anniversary) falling on the day itself
 *   counts. Someone born on 29 February completes a year on 28 February in other years (月末日, as
 *   《民法典》第二百零三条 counts a period that has no matching day). A month-precision date (`1985-06`) counts
 *   from the first of its month.
 * - 党龄 counts from 转正时间 (党章 第七条): 预备党员 have none; a 正式党员 without 转正时间 is counted apart.
 * - 党内职务: as 支部信息 says today (shared/branch/posts.ts: the committee and the 党小组长), the one source.
 * - 入党时间段: the four eras of the 党内统计公报, each era starting on the opening day of its session
 *   (十一届三中全会 1978-12-18, 十八大 2012-11-08); a month-precision 入党时间 counts as the 1st of its month.
 */

export type StatDimension = 'category' | 'gender' | 'ethnicity' | 'education' | 'age' | 'partyAge' | 'era' | 'post';

export interface StatRow {
  label: string;
  count: number;
  /** Share of the total in percent, one decimal (0 when nobody is counted). */
  percent: number;
}

export interface StatTable {
  dimension: StatDimension;
  /** `党员类别`, `年龄结构` …. */
  title: string;
  rows: StatRow[];
  total: number;
}

export interface TeamStatistics {
  /** The day counted, `YYYY-MM-DD`. */
  asOf: string;
  total: number;
  fullMembers: number;
  probationaryMembers: number;
  /** The members counted, in input order. */
  memberIds: string[];
  tables: StatTable[];
}

export const AGE_BUCKETS = ['30岁及以下', '31—35岁', '36—40岁', '41—45岁', '46—50岁', '51—55岁', '56—60岁', '61岁及以上'] as const;
export const PARTY_AGE_BUCKETS = ['不满5年', '5—9年', '10—19年', '20—29年', '30—39年', '40—49年', '50年及以上'] as const;
export const PROBATIONARY_NO_PARTY_AGE = '预备党员（不计党龄）';
export const PARTY_AGE_UNKNOWN = '未填写转正时间';
export const EDUCATION_UNKNOWN = '未填写';

export const JOINING_ERAS = [
  { label: '新中国成立前', from: '0000-01-01' },
  { label: '新中国成立后至党的十一届三中全会前', from: '1949-10-01' },
  { label: '党的十一届三中全会后至党的十八大前', from: '1978-12-18' },
  { label: '党的十八大以来', from: '2012-11-08' },
] as const;

/** Completed years of age on `date` (see the readings above). */
export function ageOn(birthDate: string, date: string): number {
  return fullYearsBetween(birthDate, date);
}

/** `30岁及以下` for ≤ 30, then five-year bands from 31, `61岁及以上` for ≥ 61. */
export function ageBucket(age: number): (typeof AGE_BUCKETS)[number] {
  if (age <= 30) {
    return AGE_BUCKETS[0];
  }
  if (age >= 61) {
    return AGE_BUCKETS[7];
  }
  return AGE_BUCKETS[Math.floor((age - 31) / 5) + 1];
}

/**
 * 党龄 in completed years on `date`, from 转正时间; `undefined` for someone 预备 that day, `null` for a 正式党员
 * whose 转正时间 is not recorded.
 */
export function partyAgeOn(member: Pick<Member, 'category' | 'confirmedOn'>, date: string): number | null | undefined {
  if (!isFullMemberOn(member, date)) {
    return undefined;
  }
  if (!member.confirmedOn) {
    return null;
  }
  return Math.max(0, fullYearsBetween(member.confirmedOn, date));
}

export function partyAgeBucket(years: number): (typeof PARTY_AGE_BUCKETS)[number] {
  if (years < 5) {
    return PARTY_AGE_BUCKETS[0];
  }
  if (years < 10) {
    return PARTY_AGE_BUCKETS[1];
  }
  if (years >= 50) {
    return PARTY_AGE_BUCKETS[6];
  }
  return PARTY_AGE_BUCKETS[Math.floor(years / 10) + 1];
}

/** The era of a 入党时间. */
export function joiningEra(joinedOn: string): string {
  const date = toComparableDate(joinedOn);
  let era: string = JOINING_ERAS[0].label;
  for (const candidate of JOINING_ERAS) {
    if (date >= candidate.from) {
      era = candidate.label;
    }
  }
  return era;
}

function percentOf(count: number, total: number): number {
  return total === 0 ? 0 : Math.round((count * 1000) / total) / 10;
}

function table(dimension: StatDimension, title: string, labels: readonly string[], values: string[], optional: readonly string[] = []): StatTable {
  const counts = new Map<string, number>(labels.map((l) => [l, 0]));
  for (const value of values) {
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  const total = values.length;
  const rows = [...counts.entries()]
    // Rows that say "not recorded" or a post nobody holds appear only when someone is in them.
    .filter(([label, count]) => count > 0 || !optional.includes(label))
    .map(([label, count]) => ({ label, count, percent: percentOf(count, total) }));
  return { dimension, title, rows, total };
}

/** A member whose record lacks the field (资料不全) is counted here, never guessed into a band. */
export const NOT_RECORDED = '未填写';

/** The statistics of the members on the roster on `asOf`. */
export function teamStatistics(
  members: readonly Member[],
  asOf: string,
  branch: Pick<Branch, 'committee' | 'partyGroups'>,
): TeamStatistics {
  const postOf = partyPostsOf(branch);
  const counted = members.filter((m) => isOnRoster(m, asOf));
  const full = counted.filter((m) => isFullMemberOn(m, asOf));
  const category = counted.map((m) => (isFullMemberOn(m, asOf) ? '正式党员' : '预备党员'));
  const ethnicity = counted.map((m) => (m.ethnicity === undefined ? NOT_RECORDED : m.ethnicity === '汉族' ? '汉族' : m.ethnicity === '其他' || m.ethnicity === '外国血统中国籍人士' ? '其他' : '少数民族'));
  const partyAges = counted.map((m) => {
    const years = partyAgeOn(m, asOf);
    return years === undefined ? PROBATIONARY_NO_PARTY_AGE : years === null ? PARTY_AGE_UNKNOWN : partyAgeBucket(years);
  });
  const tables: StatTable[] = [
    table('category', '党员类别', ['正式党员', '预备党员'], category),
    table('gender', '性别', ['男', '女', NOT_RECORDED], counted.map((m) => m.gender ?? NOT_RECORDED), [NOT_RECORDED]),
    table('ethnicity', '民族', ['汉族', '少数民族', '其他', NOT_RECORDED], ethnicity, ['其他', NOT_RECORDED]),
    table('education', '学历', [...EDUCATION_LEVELS, EDUCATION_UNKNOWN], counted.map((m) => m.education ?? EDUCATION_UNKNOWN), [EDUCATION_UNKNOWN]),
    table('age', '年龄结构', [...AGE_BUCKETS, NOT_RECORDED], counted.map((m) => (m.birthDate ? ageBucket(ageOn(m.birthDate, asOf)) : NOT_RECORDED)), [NOT_RECORDED]),
    table('partyAge', '党龄结构', [...PARTY_AGE_BUCKETS, PROBATIONARY_NO_PARTY_AGE, PARTY_AGE_UNKNOWN], partyAges, [PARTY_AGE_UNKNOWN]),
    table('era', '入党时间', [...JOINING_ERAS.map((e) => e.label), NOT_RECORDED], counted.map((m) => (m.joinedOn ? joiningEra(m.joinedOn) : NOT_RECORDED)), [NOT_RECORDED]),
    table('post', '党内职务', PARTY_POSTS, counted.map((m) => postOf(m.id)), PARTY_POSTS.filter((p) => p !== '党员')),
  ];
  return {
    asOf,
    total: counted.length,
    fullMembers: full.length,
    probationaryMembers: counted.length - full.length,
    memberIds: counted.map((m) => m.id),
    tables,
  };
}

/** `截至2025年6月30日，支部共有党员25名，其中正式党员23名、预备党员2名；…`: the sentence of 总体情况. */
export function statisticsSummary(stats: TeamStatistics, formatDay: (date: string) => string): string {
  const row = (dimension: StatDimension, label: string) =>
    stats.tables.find((t) => t.dimension === dimension)?.rows.find((r) => r.label === label)?.count ?? 0;
  const young = row('age', '30岁及以下') + row('age', '31—35岁');
  const educated = row('education', '研究生') + row('education', '大学本科') + row('education', '大学专科');
  const parts = [
    `截至${formatDay(stats.asOf)}，支部共有党员${stats.total}名，其中正式党员${stats.fullMembers}名、预备党员${stats.probationaryMembers}名`,
    `女党员${row('gender', '女')}名，少数民族党员${row('ethnicity', '少数民族')}名`,
    `35岁及以下党员${young}名，大专及以上学历党员${educated}名`,
  ];
  return `${parts.join('；')}。`;
}
