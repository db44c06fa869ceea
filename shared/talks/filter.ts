import type { Branch } from '../model/branch';
import type { Talk, TalkKind, TalkRelation } from '../model/talk';
import { relationsOfTalk } from './relation';

export interface TalkFilters {
  kind?: TalkKind;
  /** 谈话人. */
  talkerId?: string;
  relation?: TalkRelation;
}

/** First and last day of a year, for the `[branchId+date]` index. */
export function talkYearRange(year: number): [string, string] {
  return [`${year}-01-01`, `${year}-12-31`];
}

/** The talks matching every filter given; a 集中 talk matches a relation when any of its pairs has it. */
export function filterTalks(talks: readonly Talk[], filters: TalkFilters, branch: Pick<Branch, 'committee'>): Talk[] {
  const { kind, talkerId, relation } = filters;
  return talks.filter(
    (t) =>
      (!kind || t.kind === kind) &&
      (!talkerId || t.talkerId === talkerId) &&
      (!relation || relationsOfTalk(t, branch).includes(relation)),
  );
}

/** Newest first; the same day by the time the record was made, newest first. */
export function sortTalksNewestFirst(talks: readonly Talk[]): Talk[] {
  return [...talks].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0,
  );
}
