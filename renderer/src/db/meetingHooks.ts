/**
 * Live queries and the bound repository of 会议记录; pages import these, never dexie.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { filterMeetings, type MeetingFilters } from '@shared/meetings/search';
import type { AttachmentKind, AttachmentOwnerTable } from '@shared/model';
import { db } from './index';
import * as attachments from './attachments';
import * as meetings from './meetings';

export type { MeetingInput } from './meetings';
export type { AttachmentInput } from './attachments';
/** The rule settings (quorum and pass thresholds …) in force: one hook for every page, in ruleSettings.ts. */
export { useRuleSettings } from './ruleSettings';
export type { MeetingFilters } from '@shared/meetings/search';

export const meetingStore = {
  add: (branchId: string, input: meetings.MeetingInput) => meetings.addMeeting(db, branchId, input),
  update: (id: string, input: meetings.MeetingInput) => meetings.updateMeeting(db, id, input),
  remove: (id: string) => meetings.deleteMeeting(db, id),
  addAttachment: (input: attachments.AttachmentInput) => attachments.addAttachment(db, input),
  setAttachmentKind: (id: string, kind: AttachmentKind) => attachments.setAttachmentKind(db, id, kind),
  removeAttachment: (id: string) => attachments.removeAttachment(db, id),
};

/**
 * A branch's meetings, newest first. Year and month narrow the IndexedDB query; type and the search words filter
 * in memory, so typing in the search box does not go back to the database. `undefined` while loading.
 */
export function useMeetings(branchId: string | undefined, filters: MeetingFilters = {}) {
  const { year, month, type, query } = filters;
  const loaded = useLiveQuery(
    async () => (branchId ? meetings.listMeetings(db, branchId, year, month) : []),
    [branchId, year, month],
  );
  return useMemo(() => (loaded ? filterMeetings(loaded, { type, query }) : undefined), [loaded, type, query]);
}

/** One meeting; `null` when it does not exist, `undefined` while loading. */
export function useMeeting(id: string | undefined) {
  return useLiveQuery(async () => (id ? ((await db.meetings.get(id)) ?? null) : null), [id]);
}

export function useMeetingHistory(id: string | undefined) {
  return useLiveQuery(async () => (id ? meetings.meetingHistory(db, id) : []), [id]);
}

/** A record's attachments (with Blobs), oldest first. */
export function useAttachments(ownerTable: AttachmentOwnerTable, ownerId: string | undefined) {
  return useLiveQuery(async () => (ownerId ? attachments.listAttachments(db, ownerTable, ownerId) : []), [ownerTable, ownerId]);
}
