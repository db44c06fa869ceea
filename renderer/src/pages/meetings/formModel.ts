import dayjs, { type Dayjs } from 'dayjs';
import { defaultHostAndRecorder, defaultMeetingTitle, expectedParticipantIds } from '@shared/meetings';
import type { Attendance, Branch, Meeting, Member } from '@shared/model';
import type { MeetingInput } from '../../db/meetingHooks';
import type { PreparedFile } from './attachmentFiles';

/** What the form holds: the date fields' `YYYY-MM-DD HH:mm` wall clock, everything else as the record keeps it. */
export interface MeetingFormValues {
  type: string;
  alsoCountsAs: string[];
  title: string;
  start: string;
  end?: string | null;
  location?: string;
  hostId?: string;
  recorderId?: string;
  partyGroupId?: string;
  attendance: Attendance[];
  attendees?: string;
  topics: string[];
  studyContent?: string;
  speeches: { speakerId?: string; text?: string }[];
  content?: string;
  resolutions: { text?: string; votesFor?: number | null; votesAgainst?: number | null; abstentions?: number | null }[];
  /** Only while creating: files stored right after the meeting. */
  pendingFiles?: PreparedFile[];
}

/** The field's wall-clock time (`2025-03-05 14:30`) with this computer's offset, e.g. 2025-03-05T14:30:00+08:00. */
function toIso(value: string): string {
  return dayjs(value).second(0).millisecond(0).format('YYYY-MM-DDTHH:mm:ssZ');
}

/** A stored time back into the field, keeping the wall-clock time as written (not converted to this zone). */
function fromIso(value: string): string {
  return value.slice(0, 16).replace('T', ' ');
}

export function defaultsForType(
  type: string,
  branch: Branch,
  members: readonly Member[],
  start: string,
  partyGroupId?: string,
): Pick<MeetingFormValues, 'title' | 'hostId' | 'recorderId' | 'attendance'> {
  const groupName = branch.partyGroups.find((g) => g.id === partyGroupId)?.name;
  return {
    title: defaultMeetingTitle(type, start.slice(0, 10), groupName),
    ...defaultHostAndRecorder(type, branch, partyGroupId),
    attendance: expectedParticipantIds(type, members, branch, partyGroupId).map((memberId) => ({ memberId, state: '出席' as const })),
  };
}

/** A new meeting of `type`: title, 主持人, 记录人 and the expected participants filled in. */
export function newMeetingValues(
  type: string,
  branch: Branch,
  members: readonly Member[],
  partyGroupId?: string,
  now: Dayjs = dayjs(),
): MeetingFormValues {
  const start = `${now.format('YYYY-MM-DD')} 14:30`;
  const group = type === '党小组会' ? (partyGroupId ?? branch.partyGroups[0]?.id) : undefined;
  return {
    type,
    alsoCountsAs: [],
    start,
    end: null,
    partyGroupId: group,
    topics: [''],
    speeches: [],
    resolutions: [],
    pendingFiles: [],
    ...defaultsForType(type, branch, members, start, group),
  };
}

export function valuesOfMeeting(meeting: Meeting): MeetingFormValues {
  return {
    type: meeting.type,
    alsoCountsAs: meeting.alsoCountsAs ?? [],
    title: meeting.title,
    start: fromIso(meeting.startAt),
    end: meeting.endAt ? fromIso(meeting.endAt) : null,
    location: meeting.location,
    hostId: meeting.hostId,
    recorderId: meeting.recorderId,
    partyGroupId: meeting.partyGroupId,
    attendance: meeting.attendance ?? [],
    attendees: meeting.attendees,
    topics: meeting.topics?.length ? meeting.topics : [''],
    studyContent: meeting.studyContent,
    speeches: meeting.speeches ?? [],
    content: meeting.content,
    resolutions: meeting.resolutions ?? [],
  };
}

const number = (value: number | null | undefined) => (typeof value === 'number' ? value : undefined);

export function inputOfValues(values: MeetingFormValues): MeetingInput {
  return {
    type: values.type,
    alsoCountsAs: (values.alsoCountsAs ?? []).filter((t) => t !== values.type),
    title: values.title ?? '',
    startAt: values.start ? toIso(values.start) : '',
    endAt: values.end ? toIso(values.end) : undefined,
    location: values.location,
    hostId: values.hostId || undefined,
    recorderId: values.recorderId || undefined,
    partyGroupId: values.type === '党小组会' ? values.partyGroupId || undefined : undefined,
    attendance: values.attendance ?? [],
    attendees: values.attendees,
    topics: values.topics ?? [],
    studyContent: values.studyContent,
    // A speech row left empty is not a speech.
    speeches: (values.speeches ?? [])
      .filter((s) => s.speakerId || s.text?.trim())
      .map((s) => ({ speakerId: s.speakerId || undefined, text: s.text ?? '' })),
    content: values.content,
    resolutions: (values.resolutions ?? [])
      .filter((r) => r.text?.trim() || number(r.votesFor) !== undefined)
      .map((r) => ({
        text: r.text ?? '',
        votesFor: number(r.votesFor),
        votesAgainst: number(r.votesAgainst),
        abstentions: number(r.abstentions),
      })),
  };
}

/** Form paths where a repository problem is shown; others go to a message box. */
export const FORM_FIELDS = [
  'type', 'alsoCountsAs', 'title', 'startAt', 'endAt', 'location', 'hostId', 'recorderId', 'partyGroupId',
  'attendance', 'attendees', 'topics', 'studyContent', 'speeches', 'content', 'resolutions',
] as const;

/** Record field → form field name (the date fields hold the wall clock under other names). */
export function formFieldOf(field: string): string {
  return field === 'startAt' ? 'start' : field === 'endAt' ? 'end' : field;
}
