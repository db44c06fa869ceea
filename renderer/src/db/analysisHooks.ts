/**
 * Live queries and the bound repository of 思想动态分析; pages import these, never dexie.
 */
import Dexie from 'dexie';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AnalysisSettings, Rectification, Talk } from '@shared/model';
import * as analyses from './analyses';
import { db } from './index';

export type { AnalysisInput } from './analyses';

export const analysisStore = {
  add: (branchId: string, input: analyses.AnalysisInput, options?: { previousId?: string }) => analyses.addAnalysis(db, branchId, input, options),
  update: (id: string, input: analyses.AnalysisInput) => analyses.updateAnalysis(db, id, input),
  remove: (id: string) => analyses.deleteAnalysis(db, id),
  saveSettings: (settings: AnalysisSettings) => analyses.putAnalysisSettings(db, settings),
};

/** A branch's analyses, newest period first; `undefined` while loading. */
export function useAnalyses(branchId: string | undefined) {
  return useLiveQuery(async () => (branchId ? analyses.listAnalyses(db, branchId) : []), [branchId]);
}

/** One analysis; `null` when it does not exist, `undefined` while loading. */
export function useAnalysis(id: string | undefined) {
  return useLiveQuery(async () => (id ? ((await db.analyses.get(id)) ?? null) : null), [id]);
}

export function useAnalysisHistory(id: string | undefined) {
  return useLiveQuery(async () => (id ? analyses.analysisHistory(db, id) : []), [id]);
}

/** 思想状况 list and 定期 period in force; `undefined` while loading. */
export function useAnalysisSettings() {
  return useLiveQuery(() => analyses.getAnalysisSettings(db), []);
}

/** A branch's talks dated from `from` on (all without it), oldest first: to link, and for 需关注 follow-up. */
export function useBranchTalksFrom(branchId: string | undefined, from?: string): Talk[] | undefined {
  return useLiveQuery(
    async () =>
      branchId ? db.talks.where('[branchId+date]').between([branchId, from ?? Dexie.minKey], [branchId, Dexie.maxKey], true, true).toArray() : [],
    [branchId, from],
  );
}

/** A branch's 整改任务 in entry order, to link. */
export function useBranchRectifications(branchId: string | undefined): Rectification[] | undefined {
  return useLiveQuery(async () => {
    if (!branchId) {
      return [];
    }
    const tasks = await db.rectifications.where('branchId').equals(branchId).toArray();
    return tasks.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }, [branchId]);
}
