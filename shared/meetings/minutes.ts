import type { Meeting } from '../model';
import { meetingCounts, NO_ATTENDANCE_LIST } from './attendance';
import { formatTimeRange } from './format';

/** The name shown for a member id ('' when unknown). */
export type NameOf = (memberId: string | undefined) => string;

export interface MinutesField {
  label: string;
  value: string;
}

export interface MinutesSection {
  heading: string;
  paragraphs: string[];
}

export interface MinutesResolution {
  text: string;
  /** `赞成20票，反对1票，弃权2票`; empty without a vote. */
  votes: string;
  /** `通过（…第十一条）`, from shared/rules when there is a verdict. */
  verdict?: string;
}

/**
 * One meeting laid out as a page of the 会议记录本 (DOMAIN §1.8: 时间、地点、主持人、出席人、列席人、记录人、会议主题、
 * 发言、表决、决议, and for a 党员大会 the absentees and each member's words). The print view and the Word
 * document both render this, so they say the same.
 */
export interface MeetingMinutes {
  branchName: string;
  heading: string;
  /** Rows of the header table; a row holds one or two fields. */
  headerRows: MinutesField[][];
  topics: string[];
  sections: MinutesSection[];
  /** Lines on quorum and voting rights, with the article that sets them (from shared/rules). */
  votingSummary: string[];
  resolutions: MinutesResolution[];
  signatures: string[];
}

export interface MinutesOptions {
  branchName: string;
  nameOf: NameOf;
  partyGroupName?: string;
  votingSummary?: string[];
  /** Per resolution, in order. */
  verdicts?: (string | undefined)[];
}

function namesOf(meeting: Meeting, state: '出席' | '请假' | '缺席', nameOf: NameOf, withReason: boolean): string {
  return (meeting.attendance ?? [])
    .filter((a) => a.state === state)
    .map((a) => (withReason && a.reason ? `${nameOf(a.memberId)}（${a.reason}）` : nameOf(a.memberId)))
    .join('、');
}

export function formatVotes(resolution: Meeting['resolutions'][number]): string {
  const { votesFor, votesAgainst, abstentions } = resolution;
  if (votesFor === undefined && votesAgainst === undefined && abstentions === undefined) {
    return '';
  }
  return `赞成${votesFor ?? 0}票，反对${votesAgainst ?? 0}票，弃权${abstentions ?? 0}票`;
}

export function buildMinutes(meeting: Meeting, options: MinutesOptions): MeetingMinutes {
  const { nameOf } = options;
  const counts = meetingCounts(meeting);
  const typeText = meeting.alsoCountsAs?.length ? `${meeting.type}（同时计为${meeting.alsoCountsAs.join('、')}）` : meeting.type;
  const headerRows: MinutesField[][] = [
    [{ label: '会议名称', value: meeting.title }],
    [
      { label: '会议类型', value: typeText },
      { label: '地点', value: meeting.location ?? '' },
    ],
    [{ label: '时间', value: formatTimeRange(meeting.startAt, meeting.endAt) }],
    [
      { label: '主持人', value: nameOf(meeting.hostId) },
      { label: '记录人', value: nameOf(meeting.recorderId) },
    ],
  ];
  if (options.partyGroupName) {
    headerRows.push([{ label: '党小组', value: options.partyGroupName }]);
  }
  if (counts?.source === 'headcount') {
    // The ledger gave numbers only: print them, and say the names were not imported (never a list made up).
    headerRows.push(
      [
        { label: '应到人数', value: `${counts.expected}人` },
        { label: '实到人数', value: `${counts.present}人` },
      ],
      [
        { label: '请假人数', value: meeting.headcount?.onLeave !== undefined ? `${counts.onLeave}人` : '' },
        { label: '缺席人数', value: `${counts.absent}人` },
      ],
      [{ label: '出席人员', value: NO_ATTENDANCE_LIST }],
    );
  } else if (counts && counts.expected > 0) {
    headerRows.push(
      [
        { label: '应到人数', value: `${counts.expected}人` },
        { label: '实到人数', value: `${counts.present}人` },
      ],
      [{ label: '缺席人数', value: counts.onLeave > 0 ? `${counts.absent}人（其中请假${counts.onLeave}人）` : `${counts.absent}人` }],
      [{ label: '出席人员', value: namesOf(meeting, '出席', nameOf, false) }],
      [{ label: '请假人员及原因', value: namesOf(meeting, '请假', nameOf, true) || '无' }],
      [{ label: '缺席人员及原因', value: namesOf(meeting, '缺席', nameOf, true) || '无' }],
    );
  }
  headerRows.push([{ label: '列席人员', value: meeting.attendees ?? '无' }]);

  const sections: MinutesSection[] = [];
  const paragraphs = (text: string | undefined) => (text ?? '').split(/\n+/).map((p) => p.trim()).filter(Boolean);
  if (meeting.studyContent) {
    sections.push({ heading: '学习内容', paragraphs: paragraphs(meeting.studyContent) });
  }
  if (meeting.speeches?.length) {
    sections.push({
      heading: '发言摘要',
      paragraphs: meeting.speeches.map((s) => `${s.speakerId ? nameOf(s.speakerId) : (s.speakerName ?? '')}：${s.text}`),
    });
  }
  if (meeting.content) {
    sections.push({ heading: '会议内容', paragraphs: paragraphs(meeting.content) });
  }

  return {
    branchName: options.branchName,
    heading: '会议记录',
    headerRows,
    topics: meeting.topics ?? [],
    sections,
    votingSummary: options.votingSummary ?? [],
    resolutions: (meeting.resolutions ?? []).map((r, index) => ({
      text: r.text,
      votes: formatVotes(r),
      verdict: options.verdicts?.[index],
    })),
    signatures: ['主持人签字', '记录人签字'],
  };
}
