import type { Meeting } from '../model';

export interface MeetingFilters {
  /** A meeting counts for its type and for every type in 同时计为. */
  type?: string;
  year?: number;
  /** 1–12; only with a year. */
  month?: number;
  /** Words looked for in 会议名称, 议题 and 会议内容 (学习内容, 发言, 决议 included). */
  query?: string;
}

type Searchable = Pick<Meeting, 'title' | 'topics' | 'content' | 'studyContent' | 'speeches' | 'resolutions'>;

/** All text the search box looks through, lower-cased once. */
export function meetingSearchText(meeting: Searchable): string {
  const parts = [
    meeting.title,
    ...(meeting.topics ?? []),
    meeting.studyContent ?? '',
    ...(meeting.speeches ?? []).map((s) => s.text),
    meeting.content ?? '',
    ...(meeting.resolutions ?? []).map((r) => r.text),
  ];
  return parts.join('\n').toLowerCase();
}

/**
 * Substring search: Chinese has no spaces between words, so 学习 must find 学习贯彻. Several words (separated by
 * spaces) must all occur.
 */
export function matchesMeetingQuery(meeting: Searchable, query: string | undefined): boolean {
  const terms = (query ?? '').trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) {
    return true;
  }
  const text = meetingSearchText(meeting);
  return terms.every((term) => text.includes(term));
}

export function countsAsType(meeting: Pick<Meeting, 'type' | 'alsoCountsAs'>, type: string): boolean {
  return meeting.type === type || (meeting.alsoCountsAs ?? []).includes(type);
}

/** The first and last instant-prefix of a year or month, for a range query on `startAt` strings. */
export function startAtRange(year?: number, month?: number): [string, string] | undefined {
  if (!year) {
    return undefined;
  }
  if (!month) {
    return [`${year}-01-01`, `${year}-12-31\uffff`];
  }
  const mm = String(month).padStart(2, '0');
  return [`${year}-${mm}-01`, `${year}-${mm}-31\uffff`];
}

export function filterMeetings<T extends Searchable & Pick<Meeting, 'type' | 'alsoCountsAs' | 'startAt'>>(
  meetings: readonly T[],
  filters: MeetingFilters,
): T[] {
  const range = startAtRange(filters.year, filters.month);
  const query = filters.query?.trim();
  return meetings.filter(
    (m) =>
      (!filters.type || countsAsType(m, filters.type)) &&
      (!range || (m.startAt >= range[0] && m.startAt <= range[1])) &&
      (!query || matchesMeetingQuery(m, query)),
  );
}
