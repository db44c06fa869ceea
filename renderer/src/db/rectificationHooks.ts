/**
 * Live queries and the bound repository of 整改台账; pages import these, never dexie.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Analysis, Meeting, RectificationOrigin, Talk } from '@shared/model';
import type { RectificationAction } from '@shared/rectifications';
import { db } from './index';
import * as rectifications from './rectifications';

export type { RectificationInput, StatusChangeInput, EvidenceInput } from './rectifications';

export const rectificationStore = {
  add: (branchId: string, input: rectifications.RectificationInput, origin?: RectificationOrigin) =>
    rectifications.addRectification(db, branchId, input, origin),
  update: (id: string, input: rectifications.RectificationInput) => rectifications.updateRectification(db, id, input),
  remove: (id: string) => rectifications.deleteRectification(db, id),
  changeStatus: (id: string, action: RectificationAction, input?: rectifications.StatusChangeInput) =>
    rectifications.changeStatus(db, id, action, input),
  addProgress: (id: string, entry: { date?: string; text?: string }) => rectifications.addProgress(db, id, entry),
  removeProgress: (id: string, index: number) => rectifications.removeProgress(db, id, index),
  addEvidence: (id: string, file: rectifications.EvidenceInput) => rectifications.addEvidence(db, id, file),
  removeEvidence: (attachmentId: string) => rectifications.removeEvidence(db, attachmentId),
};

/** A branch's tasks in entry order; `undefined` while loading. */
export function useRectifications(branchId: string | undefined) {
  return useLiveQuery(async () => (branchId ? rectifications.listRectifications(db, branchId) : []), [branchId]);
}

/** One task; `null` when it does not exist, `undefined` while loading. */
export function useRectification(id: string | undefined) {
  return useLiveQuery(async () => (id ? ((await db.rectifications.get(id)) ?? null) : null), [id]);
}

export function useRectificationHistory(id: string | undefined) {
  return useLiveQuery(async () => (id ? rectifications.rectificationHistory(db, id) : []), [id]);
}

/** The task's 佐证材料 with their Blobs, oldest first. */
export function useEvidence(id: string | undefined) {
  return useLiveQuery(async () => (id ? rectifications.listEvidence(db, id) : []), [id]);
}

/** Files of 佐证材料 per task of the branch. */
export function useEvidenceCounts(branchId: string | undefined) {
  return useLiveQuery(async () => (branchId ? rectifications.evidenceCounts(db, branchId) : new Map<string, number>()), [branchId]);
}

export type OriginRecord =
  | { table: 'meetings'; record: Meeting }
  | { table: 'talks'; record: Talk }
  | { table: 'analyses'; record: Analysis };

/** The record a task was raised from; `null` when there is none or it was deleted, `undefined` while loading. */
export function useOriginRecord(origin: RectificationOrigin | undefined) {
  const table = origin?.table;
  const id = origin?.id;
  return useLiveQuery(async (): Promise<OriginRecord | null> => {
    if (!table || !id) {
      return null;
    }
    if (table === 'meetings') {
      const record = await db.meetings.get(id);
      return record ? { table, record } : null;
    }
    if (table === 'talks') {
      const record = await db.talks.get(id);
      return record ? { table, record } : null;
    }
    const record = await db.analyses.get(id);
    return record ? { table, record } : null;
  }, [table, id]);
}
