import { isActiveMember, isIncomplete, type DepartureReason, type Member, type MemberCategory, type MemberStatus } from '@shared/model';
import { matchesPersonQuery } from '@shared/text/pinyin';

/** 在册党员 (the roster) or 历史党员 (those who left, kept for the record). */
export type RosterView = 'current' | 'history';

/** Value of the 党小组 filter for members not assigned to any group. */
export const NO_GROUP = '__no_group__';

export interface RosterFilters {
  query: string;
  category?: MemberCategory;
  /** A party group id, or NO_GROUP. */
  partyGroupId?: string;
  status?: MemberStatus;
  departureReason?: DepartureReason;
  /** 只看资料不全: members with a gap or an ID 待核对 (memberGaps). */
  incompleteOnly?: boolean;
}

export const EMPTY_FILTERS: RosterFilters = { query: '' };

export function hasActiveFilters(filters: RosterFilters): boolean {
  return Boolean(filters.query.trim() || filters.category || filters.partyGroupId || filters.status || filters.departureReason || filters.incompleteOnly);
}

/** The rows of one view, in the order given (the store gives pinyin order). */
export function filterRoster(members: readonly Member[], view: RosterView, filters: RosterFilters): Member[] {
  const wantActive = view === 'current';
  return members.filter((m) => {
    if (isActiveMember(m) !== wantActive) {
      return false;
    }
    if (filters.category && m.category !== filters.category) {
      return false;
    }
    if (filters.partyGroupId) {
      const group = m.partyGroupId ?? NO_GROUP;
      if (group !== filters.partyGroupId) {
        return false;
      }
    }
    // 党员状态 describes members on the roster; 离开原因 those who left.
    if (wantActive && filters.status && m.status !== filters.status) {
      return false;
    }
    if (!wantActive && filters.departureReason && m.departure?.reason !== filters.departureReason) {
      return false;
    }
    if (filters.incompleteOnly && !isIncomplete(m)) {
      return false;
    }
    return matchesPersonQuery(m, filters.query);
  });
}

export interface RosterCounts {
  active: number;
  full: number;
  probationary: number;
  history: number;
  /** 在册党员 whose record is 资料不全 (a gap or an ID 待核对). */
  incomplete: number;
}

export function countRoster(members: readonly Member[]): RosterCounts {
  const counts: RosterCounts = { active: 0, full: 0, probationary: 0, history: 0, incomplete: 0 };
  for (const m of members) {
    if (!isActiveMember(m)) {
      counts.history += 1;
    } else {
      counts.active += 1;
      // Without a 党员类别 a member is neither: never guessed into one.
      if (m.category === '预备党员') {
        counts.probationary += 1;
      } else if (m.category === '正式党员') {
        counts.full += 1;
      }
      counts.incomplete += isIncomplete(m) ? 1 : 0;
    }
  }
  return counts;
}

/** E.g. 在册党员 25 人：正式党员 23 人，预备党员 2 人；资料不全 3 人（当前显示 3 人）. */
export function rosterSummary(counts: RosterCounts, view: RosterView, shown: number, filtered: boolean): string {
  const unknown = counts.active - counts.full - counts.probationary;
  const base =
    view === 'current'
      ? `在册党员 ${counts.active} 人：正式党员 ${counts.full} 人，预备党员 ${counts.probationary} 人` +
        (unknown > 0 ? `，未填党员类别 ${unknown} 人` : '') +
        (counts.incomplete > 0 ? `；资料不全 ${counts.incomplete} 人` : '')
      : `历史党员 ${counts.history} 人`;
  return filtered ? `${base}（当前显示 ${shown} 人）` : base;
}
