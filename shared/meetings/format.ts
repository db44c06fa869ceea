import { formatDate } from '../dates';

/**
 * `2025-03-05T14:30:00+08:00` → `2025年3月5日 14:30`. The wall-clock time as recorded: a meeting at 14:30 in
 * Beijing stays 14:30 wherever the ledger is opened.
 */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) {
    return '';
  }
  const time = /T(\d{2}:\d{2})/.exec(value)?.[1];
  return time ? `${formatDate(value.slice(0, 10))} ${time}` : formatDate(value);
}

/** `2025年3月5日 14:30—16:00`, or both full when the meeting ran over midnight. */
export function formatTimeRange(startAt: string, endAt?: string): string {
  const start = formatDateTime(startAt);
  if (!endAt) {
    return start;
  }
  if (endAt.slice(0, 10) === startAt.slice(0, 10)) {
    return `${start}—${endAt.slice(11, 16)}`;
  }
  return `${start}—${formatDateTime(endAt)}`;
}

/** Characters Windows refuses in file names, and control characters. */
const UNSAFE_IN_FILE_NAME = /[\\/:*?"<>|\u0000-\u001f]+/g;

/**
 * `2025-03-05_支部党员大会_2025年3月支部党员大会.docx`. The date is ISO so that files sort by date in Explorer
 * (`2025年10月` would sort before `2025年3月`).
 */
export function minutesFileName(meeting: { startAt: string; type: string; title: string }, extension = 'docx'): string {
  const title = meeting.title.replace(UNSAFE_IN_FILE_NAME, '_').replace(/\s+/g, ' ').trim().slice(0, 60);
  const type = meeting.type.replace(UNSAFE_IN_FILE_NAME, '_');
  return `${meeting.startAt.slice(0, 10)}_${type}_${title}.${extension}`;
}
