import { formatDate } from '../dates';
import { TALK_FIELD_LABELS } from '../model/talk';
import { keysOf } from '../oneOf';

export interface TalkChange {
  field: string;
  label: string;
  before: string;
  after: string;
}

const EMPTY = '（空）';

/** One stored value as the secretary reads it: names for people, 2025年3月5日 for the date. */
export function formatTalkValue(field: string, value: unknown, nameOf: (id: string) => string): string {
  if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) {
    return EMPTY;
  }
  if (field === 'date' && typeof value === 'string') {
    return formatDate(value);
  }
  if (field === 'talkerId' && typeof value === 'string') {
    return nameOf(value);
  }
  if (field === 'intervieweeIds' && Array.isArray(value)) {
    return value.map((id) => nameOf(String(id))).join('、');
  }
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** The field changes of an audit entry, in the form's order; bookkeeping fields are left out. */
export function describeTalkChanges(
  changes: Record<string, [unknown, unknown]> | undefined,
  nameOf: (id: string) => string,
): TalkChange[] {
  if (!changes) {
    return [];
  }
  return keysOf(TALK_FIELD_LABELS)
    .filter((field) => field in changes)
    .map((field) => ({
      field,
      label: TALK_FIELD_LABELS[field],
      before: formatTalkValue(field, changes[field][0], nameOf),
      after: formatTalkValue(field, changes[field][1], nameOf),
    }));
}
