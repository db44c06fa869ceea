import dayjs, { type Dayjs } from 'dayjs';
import { defaultHostAndRecorder, defaultMeetingTitle, expectedParticipantIds } from '@shared/meetings';
import type { Attendance, Branch, Meeting, Member } from '@shared/model';
import { quorumOf, voteProblems, type VoteField } from '@shared/rules/quorum';
import { DEFAULT_RULE_SETTINGS } from '@shared/rules/settings';
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
  /** 应到/实到/请假/缺席 of a meeting whose ledger gave counts only (出席名单未导入), kept until a list is recorded. */
  headcount?: { expected?: number | null; present?: number | null; onLeave?: number | null; absent?: number | null };
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
    headcount: meeting.attendance?.length ? undefined : meeting.headcount,
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
    headcount: headcountOf(values),
    attendees: values.attendees,
    topics: values.topics ?? [],
    studyContent: values.studyContent,
    // A speech row left empty is not a speech.
    speeches: (values.speeches ?? [])
      .filter((s) => s.speakerId || s.text?.trim())
      .map((s) => ({ speakerId: s.speakerId || undefined, text: s.text ?? '' })),
    content: values.content,
    resolutions: (values.resolutions ?? [])
      .filter(isResolutionRow)
      .map((r) => ({
        text: r.text ?? '',
        votesFor: number(r.votesFor),
        votesAgainst: number(r.votesAgainst),
        abstentions: number(r.abstentions),
      })),
  };
}

/** The counts as the record keeps them: only while no list is recorded, and only with 应到 and 实到 given. */
function headcountOf(values: MeetingFormValues): MeetingInput['headcount'] {
  const h = values.headcount;
  if (!h || (values.attendance ?? []).length > 0) {
    return undefined;
  }
  const expected = number(h.expected);
  const present = number(h.present);
  if (expected === undefined || present === undefined) {
    return undefined;
  }
  return { expected, present, onLeave: number(h.onLeave), absent: number(h.absent) };
}

/**
 * Problems of the vote counts, by form path (`resolutions.0.votesFor`): each count and their sum at most the 实到
 * with a vote on the meeting day (shared/rules voteProblems), from the list or the ledger's counts as typed now.
 */
export function voteFieldProblems(values: MeetingFormValues, members: readonly Member[], branch: Branch): Map<string, string> {
  const problems = new Map<string, string>();
  if (!values.start) {
    return problems;
  }
  // A stand-in record for the vote rules, which read the typed fields only (no id or timestamps yet).
  const meeting = { ...inputOfValues(values), id: '', branchId: branch.id, createdAt: '', updatedAt: '' } as Meeting;
  for (const problem of voteProblems(meeting, quorumOf(meeting, members, branch, DEFAULT_RULE_SETTINGS))) {
    // inputOfValues drops empty rows: map back to the row the user sees.
    const row = resolutionRows(values)[problem.index];
    problems.set(votePath(row, problem.field), problem.message);
  }
  return problems;
}

export function votePath(row: number, field: VoteField): string {
  return `resolutions.${row}.${field}`;
}

/** A resolution row the record keeps: it has a text or votes (an empty row is not a resolution). */
function isResolutionRow(r: MeetingFormValues['resolutions'][number]): boolean {
  return Boolean(r.text?.trim()) || [r.votesFor, r.votesAgainst, r.abstentions].some((v) => number(v) !== undefined);
}

/** Form rows kept by inputOfValues, in order (their positions in the form). */
function resolutionRows(values: MeetingFormValues): number[] {
  return (values.resolutions ?? []).flatMap((r, i) => (isResolutionRow(r) ? [i] : []));
}

/** Form paths where a repository problem is shown; others go to a message box. */
export const FORM_FIELDS = [
  'type', 'alsoCountsAs', 'title', 'startAt', 'endAt', 'location', 'hostId', 'recorderId', 'partyGroupId',
  'attendance', 'headcount', 'attendees', 'topics', 'studyContent', 'speeches', 'content', 'resolutions',
] as const;

/** Record field → form field name (the date fields hold the wall clock under other names). */
export function formFieldOf(field: string): string {
  return field === 'startAt' ? 'start' : field === 'endAt' ? 'end' : field;
}
