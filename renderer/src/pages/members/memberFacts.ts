import { formatDate, fullYearsBetween } from '@shared/dates';
import { MEMBER_FIELD_LABELS, probationEndDate, type Departure, type Member, type MemberFields } from '@shared/model';

/** 党龄 in completed years, counted from 转正时间 (党章 第七条); none for a 预备党员 or a missing date. */
export function partyAgeYears(member: Pick<Member, 'category' | 'confirmedOn'>, today: string): number | undefined {
  if (member.category !== '正式党员' || !member.confirmedOn) {
    return undefined;
  }
  return Math.max(0, fullYearsBetween(member.confirmedOn, today));
}

/** 预备期满 of a 预备党员, and whether the branch should now discuss 转正. */
export function probation(member: Pick<Member, 'category' | 'joinedOn'>, today: string): { endDate: string; due: boolean } | undefined {
  if (member.category !== '预备党员') {
    return undefined;
  }
  const endDate = probationEndDate(member);
  if (!endDate) {
    return undefined;
  }
  return { endDate, due: endDate <= today };
}

/** Audit times are stored as local wall-clock time with offset; show that wall-clock time: 2025年3月5日 14:30. */

const DATE_FIELDS: ReadonlySet<string> = new Set(['birthDate', 'joinedOn', 'confirmedOn', 'transferredInOn', 'disciplinedOn']);

/** One stored value as the user reads it; empty values show as （空）. */
export function formatMemberValue(field: string, value: unknown, groupNames: ReadonlyMap<string, string>): string {
  if (value === undefined || value === null || value === '') {
    return '（空）';
  }
  if (DATE_FIELDS.has(field) && typeof value === 'string') {
    return formatDate(value);
  }
  if (field === 'partyGroupId' && typeof value === 'string') {
    return groupNames.get(value) ?? '（已删除的党小组）';
  }
  if (field === 'departure' && typeof value === 'object') {
    const d = value as Departure; // an audit entry keeps the record's own departure object
    return [d.reason, formatDate(d.date), d.note].filter(Boolean).join('，');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export interface ChangeLine {
  field: string;
  label: string;
  before: string;
  after: string;
}

const FIELD_ORDER = Object.keys(MEMBER_FIELD_LABELS);

/** The changes of one audit entry, in the form's order, with labels and formatted values. */
export function describeChanges(
  changes: Record<string, [unknown, unknown]> | undefined,
  groupNames: ReadonlyMap<string, string>,
): ChangeLine[] {
  if (!changes) {
    return [];
  }
  const rank = (field: string) => {
    const index = FIELD_ORDER.indexOf(field);
    return index < 0 ? FIELD_ORDER.length : index;
  };
  return Object.keys(changes)
    .filter((field) => field in MEMBER_FIELD_LABELS)
    .sort((a, b) => rank(a) - rank(b))
    .map((field) => ({
      field,
      label: field === 'departure' ? '离开信息' : MEMBER_FIELD_LABELS[field as keyof MemberFields], // kept by the `in` filter
      before: formatMemberValue(field, changes[field][0], groupNames),
      after: formatMemberValue(field, changes[field][1], groupNames),
    }));
}
