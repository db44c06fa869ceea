/**
 * Live queries and the bound repository of 谈心谈话; pages import these, never dexie.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Meeting, ReviewResult } from '@shared/model';
import type { RuleSettings } from '@shared/rules/settings';
import { db } from './index';
import { useRuleSettings } from './ruleSettings';
import * as talks from './talks';

export type { TalkInput } from './talks';

export const talkStore = {
  add: (branchId: string, input: talks.TalkInput) => talks.addTalk(db, branchId, input),
  update: (id: string, input: talks.TalkInput) => talks.updateTalk(db, id, input),
  remove: (id: string) => talks.deleteTalk(db, id),
};

/** A branch's talks of one year (all years without one), newest first; `undefined` while loading. */
export function useTalks(branchId: string | undefined, year?: number) {
  return useLiveQuery(async () => (branchId ? talks.listTalks(db, branchId, year) : []), [branchId, year]);
}

/** One talk; `null` when it does not exist, `undefined` while loading. */
export function useTalk(id: string | undefined) {
  return useLiveQuery(async () => (id ? ((await db.talks.get(id)) ?? null) : null), [id]);
}

export function useTalkHistory(id: string | undefined) {
  return useLiveQuery(async () => (id ? talks.talkHistory(db, id) : []), [id]);
}

/** The 整改 task a talk links to; `null` when none (or it was deleted). */
export function useRectification(id: string | undefined) {
  return useLiveQuery(async () => (id ? ((await db.rectifications.get(id)) ?? null) : null), [id]);
}

export interface TalkRuleRecords {
  /** Talks from the first day of the year on: a 必谈 of the year may be held early the next. */
  talks: Awaited<ReturnType<typeof talks.listTalksFrom>>;
  /** Meetings of the year (the 民主评议党员 one triggers 年度总结谈话). */
  meetings: Meeting[];
  /** 民主评议结果 (all years: a January meeting decides the year before's): a result fed back closes its 必谈. */
  reviews: ReviewResult[];
  settings: RuleSettings;
}

/**
 * What talkCoverage and the 必谈 rule read besides the branch and its members, for one year; `undefined` while
 * loading. The settings are those of 设置 → 规则 (useRuleSettings).
 */
export function useTalkRuleRecords(branchId: string | undefined, year: number): TalkRuleRecords | undefined {
  const settings = useRuleSettings();
  const records = useLiveQuery(async () => {
    if (!branchId) {
      return { talks: [], meetings: [], reviews: [] };
    }
    const [yearTalks, meetings, reviews] = await Promise.all([
      talks.listTalksFrom(db, branchId, `${year}-01-01`),
      db.meetings
        .where('[branchId+startAt]')
        .between([branchId, `${year}-01-01`], [branchId, `${year}-12-31\uffff`], true, true)
        .toArray(),
      db.reviews.where('branchId').equals(branchId).toArray(),
    ]);
    return { talks: yearTalks, meetings, reviews };
  }, [branchId, year]);
  return useMemo(() => (records && settings ? { ...records, settings } : undefined), [records, settings]);
}
