import type { Attendance, Branch, Meeting, Member } from '../model';

/** 应到 / 实到 / 缺席 of one meeting; 缺席 includes 请假, as the 记录本 counts it (实到 + 缺席 = 应到). */
export interface AttendanceCounts {
  /** 应到: everyone listed in the attendance. */
  expected: number;
  /** 实到. */
  present: number;
  /** 请假 (part of absent). */
  onLeave: number;
  /** 缺席 without leave (part of absent). */
  absentWithoutLeave: number;
  /** 缺席 = 请假 + 无故缺席. */
  absent: number;
}

export function attendanceCounts(attendance: readonly Attendance[] | undefined): AttendanceCounts {
  let present = 0;
  let onLeave = 0;
  let absentWithoutLeave = 0;
  for (const entry of attendance ?? []) {
    if (entry.state === '出席') {
      present += 1;
    } else if (entry.state === '请假') {
      onLeave += 1;
    } else {
      absentWithoutLeave += 1;
    }
  }
  return {
    expected: present + onLeave + absentWithoutLeave,
    present,
    onLeave,
    absentWithoutLeave,
    absent: onLeave + absentWithoutLeave,
  };
}

/** Said wherever a meeting has counts and no names: the ledger it came from gave numbers only. */
export const NO_ATTENDANCE_LIST = '出席名单未导入';

export interface MeetingCounts extends AttendanceCounts {
  /** `list`: counted from the attendance list; `headcount`: the numbers a ledger gave (出席名单未导入). */
  source: 'list' | 'headcount';
}

/**
 * 应到/实到/请假/缺席 of a meeting: from its attendance list, else from its `headcount` (never a list made up from
 * the roster); undefined when neither was recorded. With counts only, 缺席 is the ledger's figure or else 应到 − 实到,
 * and 请假 is part of it as in the list (实到 + 缺席 = 应到).
 */
export function meetingCounts(meeting: Pick<Meeting, 'attendance' | 'headcount'>): MeetingCounts | undefined {
  if ((meeting.attendance ?? []).length > 0) {
    return { ...attendanceCounts(meeting.attendance), source: 'list' };
  }
  const headcount = meeting.headcount;
  if (!headcount) {
    return undefined;
  }
  const onLeave = headcount.onLeave ?? 0;
  const absent = headcount.absent ?? Math.max(0, headcount.expected - headcount.present);
  return {
    expected: headcount.expected,
    present: headcount.present,
    onLeave,
    absentWithoutLeave: Math.max(0, absent - onLeave),
    absent,
    source: 'headcount',
  };
}

/** `25/23`: how the list shows 应到/实到 (from the list or the ledger's counts); empty when neither was taken. */
export function formatAttendanceRatio(meeting: Pick<Meeting, 'attendance' | 'headcount'>): string {
  const counts = meetingCounts(meeting);
  return !counts || counts.expected === 0 ? '' : `${counts.expected}/${counts.present}`;
}

/**
 * Who is expected (应到) at a new meeting of this type: the whole roster for 党员大会/党课/主题党日/组织生活会,
 * the 支部委员会 for 支委会, the members of the 党小组 for 党小组会. 历史党员 never; the order is the
 * roster's (pass members already sorted).
 */
export function expectedParticipantIds(
  type: string,
  members: readonly Pick<Member, 'id' | 'departure' | 'partyGroupId'>[],
  branch: Pick<Branch, 'committee'>,
  partyGroupId?: string,
): string[] {
  const active = members.filter((m) => !m.departure);
  if (type === '支部委员会') {
    const committee = new Set(branch.committee.members.map((c) => c.memberId));
    return active.filter((m) => committee.has(m.id)).map((m) => m.id);
  }
  if (type === '党小组会') {
    return partyGroupId ? active.filter((m) => m.partyGroupId === partyGroupId).map((m) => m.id) : [];
  }
  // 党员大会, 党课, 主题党日, 组织生活会 and the rest: the whole branch (支部条例 第十一、十六、十七条).
  return active.map((m) => m.id);
}

/**
 * The attendance list for `expectedIds`, keeping what was already entered for people still expected (a type or
 * 党小组 changed in the form must not lose the 请假 already marked); newcomers are 出席.
 */
export function mergeAttendance(expectedIds: readonly string[], current: readonly Attendance[]): Attendance[] {
  const byId = new Map(current.map((a) => [a.memberId, a]));
  return expectedIds.map((memberId) => byId.get(memberId) ?? { memberId, state: '出席' });
}

/** Attendance entries of one state, for the 出席/请假/缺席 lines of a record. */
export function attendanceOfState(meeting: Pick<Meeting, 'attendance'>, state: Attendance['state']): Attendance[] {
  return (meeting.attendance ?? []).filter((a) => a.state === state);
}
