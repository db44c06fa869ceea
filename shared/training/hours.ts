import type { Branch } from '../model/branch';
import type { PartyPost } from '../model/enums';
import type { Meeting } from '../model/meeting';
import type { Member } from '../model/member';
import type { TrainingForm, TrainingRecord } from '../model/training';
import { partyPostsOf } from '../branch/posts';
import { countsAs, meetingDate, wasOnRosterBetween } from '../rules/roster';
import { sortByPinyin } from '../text/pinyin';
import type { TrainingSettings } from './settings';

/** Posts that are 班子成员 (书记 and the other 支委): the 56-学时 goal. 党小组长 and 党员 have 32. */
const MEMBER_POSTS: readonly PartyPost[] = ['党小组长', '党员'];

export function isLeaderPost(post: PartyPost): boolean {
  return !MEMBER_POSTS.includes(post);
}

export interface MemberHours {
  member: Member;
  post: PartyPost;
  hours: number;
  goal: number;
  /** Hours still missing to the goal, 0 when met. */
  gap: number;
}

/**
 * 学时 per member in a year against the goal: every member on the roster at some time in the year, in pinyin
 * order. The post (书记/支委 → 56) is today's committee in 支部信息 (shared/branch/posts.ts). The goal is the
 * full year's even for someone who arrived during it: the 规划 sets no pro-rata, and a short year shows as a gap
 * the secretary can explain.
 */
export function hoursByMember(
  branch: Pick<Branch, 'committee' | 'partyGroups'>,
  members: readonly Member[],
  records: readonly TrainingRecord[],
  year: number,
  settings: Pick<TrainingSettings, 'memberGoalHours' | 'leaderGoalHours'>,
): MemberHours[] {
  const postOf = partyPostsOf(branch);
  const prefix = `${year}-`;
  const totals = new Map<string, number>();
  for (const record of records) {
    if (record.date.startsWith(prefix)) {
      // Half hours are exact in binary: the sum needs no rounding.
      totals.set(record.memberId, (totals.get(record.memberId) ?? 0) + record.hours);
    }
  }
  const rows = members
    .filter((m) => wasOnRosterBetween(m, `${year}-01-01`, `${year}-12-31`))
    .map((member): MemberHours => {
      const post = postOf(member.id);
      const goal = isLeaderPost(post) ? settings.leaderGoalHours : settings.memberGoalHours;
      const hours = totals.get(member.id) ?? 0;
      return { member, post, hours, goal, gap: Math.max(0, goal - hours) };
    });
  return sortByPinyin(rows, (r) => r.member.name);
}

/** Meetings that credit 学时 to those present, and the 形式 they are recorded as. */
export const CREDITING_MEETING_FORMS: Readonly<Record<string, TrainingForm>> = {
  集中学习: '支部学习',
  党课: '专题讲座',
};

/** The 形式 a meeting credits, or undefined when it is not a 集中学习 or 党课. */
export function creditingFormOf(meeting: Pick<Meeting, 'type' | 'alsoCountsAs'>): TrainingForm | undefined {
  const type = Object.keys(CREDITING_MEETING_FORMS).find((t) => countsAs(meeting, t));
  return type ? CREDITING_MEETING_FORMS[type] : undefined;
}

export interface CreditOptions {
  now: string;
  newId: () => string;
  /** Records already on file: members already credited for this meeting are not credited twice. */
  existing?: readonly TrainingRecord[];
}

export type CreditResult =
  | { ok: true; records: TrainingRecord[]; alreadyCredited: number }
  | { ok: false; message: string };

/**
 * A 集中学习 or 党课 credits `hours` to each member marked 出席 in one step. A meeting with only a headcount
 * (出席名单未导入) credits nobody: the app never guesses who was there; the message says to add the list.
 */
export function creditMeeting(meeting: Meeting, hours: number, options: CreditOptions): CreditResult {
  const form = creditingFormOf(meeting);
  if (!form) {
    return { ok: false, message: `${meeting.type}不计入学习培训学时，只有集中学习和党课可以一键计入` };
  }
  if (!(hours > 0) || !Number.isInteger(hours * 2)) {
    return { ok: false, message: '学时应大于0，以0.5为单位' };
  }
  const present = meeting.attendance.filter((a) => a.state === '出席').map((a) => a.memberId);
  if (present.length === 0) {
    return {
      ok: false,
      message: meeting.headcount
        ? '该会议只记录了出席人数，没有出席名单，无法按人计入学时：请先在会议记录中填写出席情况'
        : '该会议没有出席人员，无法计入学时',
    };
  }
  const credited = new Set((options.existing ?? []).filter((r) => r.meetingId === meeting.id).map((r) => r.memberId));
  const date = meetingDate(meeting);
  const records = present
    .filter((memberId) => !credited.has(memberId))
    .map(
      (memberId): TrainingRecord => ({
        id: options.newId(),
        branchId: meeting.branchId,
        createdAt: options.now,
        updatedAt: options.now,
        date,
        memberId,
        activity: meeting.title,
        form,
        hours,
        meetingId: meeting.id,
      }),
    );
  return { ok: true, records, alreadyCredited: present.length - records.length };
}
