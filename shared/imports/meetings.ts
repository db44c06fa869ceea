import { formatDateTime } from '../dates';
import type { ImportedMeeting } from '../ledgers/definitions/meetings';
import { hasRecord, type ParsedRow, type RowWithRecord } from '../ledgers/parseSheet';
import type { Branch } from '../model/branch';
import { MEETING_FIELD_LABELS, type Attendance, type Meeting, type MeetingFields } from '../model/meeting';
import { formatAbsentee, nameKey } from '../ledgers/definitions/common';
import {
  blockedRow,
  compact,
  diffFields,
  foldText,
  joinNotes,
  keepStoredWording,
  personProblem,
  sameText,
  Roster,
  type ConflictCandidate,
  type ImportContext,
  type KindPlanner,
  type PlannedRow,
} from './core';

/**
 * 三会一课 rows against the branch's meetings. Key: branch + 会议类型 + 会议时间 to the minute, + 党小组 for a
 * 党小组会 whose group is known (named, or inferred from its 主持人/缺席人员): two groups meeting at the same time
 * are two meetings; a stored 党小组会 without a group still matches. A row with only a date (or 上午/下午) matches a
 * meeting of that type on the same day, and keeps the stored time.
 * People are resolved by name in the target branch: an unknown 主持人/记录人 is a note (left out); 缺席人员 are
 * read against a stored meeting's own attendance list when the file's 应到/实到 agree with it. Otherwise the file's
 * counts become the meeting's headcount (出席名单未导入) and named absentees are kept in its content: attendance is
 * never filled from the roster, which holds today's members, not those of the meeting. Attendance compares as a set
 * keyed by member: the order of the list (roster order, pinyin order) is no change. Free text that says the same (core sameText) keeps its
 * stored wording. The reason says what was derived.
 */

export interface MeetingPlanContext {
  branch: Branch;
  roster: Roster;
  byDay: Map<string, Meeting[]>;
  today: string;
}

export function meetingPlanContext(ctx: ImportContext): MeetingPlanContext {
  const branch = ctx.branches.find((b) => b.id === ctx.branchId);
  if (!branch) {
    throw new Error(`branch ${ctx.branchId} is not in the import context`);
  }
  const members = ctx.members.filter((m) => m.branchId === branch.id);
  const byDay = new Map<string, Meeting[]>();
  for (const meeting of ctx.meetings) {
    if (meeting.branchId !== branch.id) continue;
    const key = `${meeting.type}|${meeting.startAt.slice(0, 10)}`;
    byDay.set(key, [...(byDay.get(key) ?? []), meeting]);
  }
  return {
    branch,
    roster: new Roster(members),
    byDay,
    today: ctx.today,
  };
}

interface Prepared {
  fields: MeetingFields;
  /** Fields the file did not say (kept from a stored meeting on update). */
  unsaid: Set<keyof MeetingFields>;
  notes: (string | undefined)[];
}

function resolveGroup(record: ImportedMeeting, pc: MeetingPlanContext, hostId: string | undefined, absentIds: string[]): { id?: string; note?: string } {
  if (record.type !== '党小组会') {
    return {};
  }
  const groups = pc.branch.partyGroups;
  const groupName = record.partyGroupName;
  if (groupName) {
    const found = groups.find((g) => nameKey(g.name) === nameKey(groupName));
    return found ? { id: found.id } : { note: `本支部没有“${record.partyGroupName}”党小组，党小组未导入` };
  }
  const led = groups.find((g) => hostId && g.leaderId === hostId);
  if (led) {
    return { id: led.id, note: `党小组按主持人推定为“${led.name}”` };
  }
  const ofAbsent = new Set(absentIds.map((id) => pc.roster.members.find((m) => m.id === id)?.partyGroupId));
  if (ofAbsent.size === 1) {
    const group = groups.find((g) => g.id === [...ofAbsent][0]);
    if (group) {
      return { id: group.id, note: `党小组按缺席人员推定为“${group.name}”` };
    }
  }
  return { note: '未能确定是哪个党小组的会议，请导入后在会议中选择党小组' };
}

/** `应到5人，出席4人，请假1人（王五）`. */
function attendanceSummary(attendance: readonly Attendance[], pc: MeetingPlanContext): string {
  const present = attendance.filter((a) => a.state === '出席').length;
  const names = (state: Attendance['state']) => {
    const list = attendance.filter((a) => a.state === state).map((a) => pc.roster.nameOf(a.memberId));
    return list.length > 0 ? `，${state}${list.length}人（${list.join('、')}）` : '';
  };
  return `应到${attendance.length}人，出席${present}人${names('请假')}${names('缺席')}`;
}

/**
 * The file's attendance read against a stored meeting's own list: the people named absent with their state and
 * reason, everyone else on the stored list 出席 (a file naming nobody keeps the stored list when its 应到/实到 are
 * the stored ones). Undefined when the file's 应到/实到 disagree with that list: the roster decides then.
 */
function attendanceFromStored(record: ImportedMeeting, absent: ReadonlyMap<string, Attendance>, stored: readonly Attendance[]): Attendance[] | undefined {
  if (stored.length === 0) {
    return undefined;
  }
  const agrees = (list: readonly Attendance[]) =>
    (record.expectedCount === undefined || record.expectedCount === list.length) &&
    (record.presentCount === undefined || record.presentCount === list.filter((a) => a.state === '出席').length);
  if (record.absentees.length === 0 && agrees(stored)) {
    return [...stored];
  }
  const list = stored.map((a) => absent.get(a.memberId) ?? (a.state === '出席' ? a : { memberId: a.memberId, state: '出席' as const }));
  for (const [id, entry] of absent) {
    if (!stored.some((a) => a.memberId === id)) list.push(entry);
  }
  return agrees(list) ? list : undefined;
}

/** A reason as compared: folded, and none when it only repeats the state (张三（请假）). */
function reasonKey(entry: Attendance): string {
  const reason = entry.reason ? foldText(entry.reason) : '';
  return reason === entry.state ? '' : reason;
}

function sameEntry(a: Attendance, b: Attendance): boolean {
  return a.memberId === b.memberId && a.state === b.state && reasonKey(a) === reasonKey(b);
}

/**
 * The imported attendance, compared with the stored one as a set keyed by member: when both say the same the stored
 * list (its order, its wording); otherwise the imported list, with the stored entry wherever it says the same.
 */
export function attendanceAgainstStored(stored: readonly Attendance[], incoming: readonly Attendance[]): Attendance[] {
  const byId = new Map(stored.map((a) => [a.memberId, a]));
  const kept = incoming.map((a) => {
    const old = byId.get(a.memberId);
    return old && sameEntry(old, a) ? old : a;
  });
  const sameSet =
    stored.length === incoming.length &&
    new Set(incoming.map((a) => a.memberId)).size === incoming.length &&
    kept.every((a, i) => a === byId.get(incoming[i].memberId));
  return sameSet ? [...stored] : kept;
}

function prepare(record: ImportedMeeting, pc: MeetingPlanContext, existing?: Meeting): Prepared {
  const notes: (string | undefined)[] = [];
  const unsaid = new Set<keyof MeetingFields>();
  const person = (role: string, name: string | undefined): string | undefined => {
    if (!name) return undefined;
    const found = pc.roster.find(name);
    if ('member' in found) return found.member.id;
    notes.push(`${personProblem(role, name, found)}，${role}未导入`);
    return undefined;
  };
  const hostId = person('主持人', record.hostName);
  const recorderId = person('记录人', record.recorderName);
  const absent = new Map<string, Attendance>();
  const unknownAbsent: string[] = [];
  for (const a of record.absentees) {
    const found = pc.roster.find(a.name);
    if ('member' in found) {
      absent.set(found.member.id, compact({ memberId: found.member.id, state: a.state, reason: a.reason }));
    } else {
      unknownAbsent.push(a.name);
    }
  }
  if (unknownAbsent.length > 0) {
    notes.push(`缺席人员“${unknownAbsent.join('、')}”不在本支部花名册中，未记入出席情况`);
  }
  const group = resolveGroup(record, pc, hostId, [...absent.keys()]);
  notes.push(group.note);

  // Attendance comes from what the file says, never from the roster (today's roster is not who was expected then).
  // A stored meeting keeps its own list when the file agrees with it; otherwise counts become the headcount.
  let attendance: Attendance[] = [];
  let headcount: MeetingFields['headcount'];
  const said = record.expectedCount !== undefined || record.presentCount !== undefined || record.absentees.length > 0;
  const fromStored = said && existing ? attendanceFromStored(record, absent, existing.attendance) : undefined;
  if (fromStored) {
    attendance = fromStored;
    notes.push(`出席情况按本会议已有的出席名单核对：${attendanceSummary(attendance, pc)}`);
  } else if (said && existing && existing.attendance.length > 0) {
    // The meeting has its own list and the file disagrees with it: the list stays, the figures are questioned.
    unsaid.add('attendance');
    notes.push(
      `文件中写的是应到${record.expectedCount ?? '—'}人、实到${record.presentCount ?? '—'}人，与本会议的出席名单（${attendanceSummary(existing.attendance, pc)}）不符，出席情况未改，请核对`,
    );
  } else {
    unsaid.add('attendance');
    headcount = headcountOf(record);
    if (headcount) {
      const parts = [`应到${headcount.expected}人`, `实到${headcount.present}人`];
      if (headcount.onLeave !== undefined) parts.push(`请假${headcount.onLeave}人`);
      if (headcount.absent !== undefined) parts.push(`缺席${headcount.absent}人`);
      notes.push(`出席人数按文件导入（${parts.join('，')}）；出席名单未导入`);
    } else if (said) {
      notes.push('文件中没有完整的应到和实到人数，出席名单未导入');
    } else {
      unsaid.add('headcount');
    }
    if (record.absentees.length > 0) {
      notes.push(`缺席人员“${record.absentees.map((a) => a.name).join('、')}”记入会议内容`);
    }
  }
  if (!headcount) unsaid.add('headcount');
  if (!hostId) unsaid.add('hostId');
  if (!recorderId) unsaid.add('recorderId');
  if (!group.id) unsaid.add('partyGroupId');
  if (record.titleGenerated) unsaid.add('title');
  if (!record.timeKnown) unsaid.add('startAt');
  for (const f of ['location', 'attendees', 'content'] as const) {
    if (!record[f]) unsaid.add(f);
  }
  if (record.topics.length === 0) unsaid.add('topics');
  if (record.resolutions.length === 0) unsaid.add('resolutions');
  const fields = compact<MeetingFields>({
    type: record.type,
    alsoCountsAs: [],
    title: record.title,
    startAt: record.startAt,
    location: record.location,
    hostId,
    recorderId,
    partyGroupId: group.id,
    attendance,
    headcount,
    attendees: record.attendees,
    topics: record.topics,
    speeches: [],
    content: fromStored || record.absentees.length === 0 ? record.content : withAbsentees(record),
    resolutions: record.resolutions.map((text) => ({ text })),
  });
  return { fields, unsaid, notes };
}

/**
 * 应到/实到 (and 请假/缺席 when the file gives them, as numbers or as named absentees) as the meeting's headcount;
 * undefined unless both 应到 and 实到 are known.
 */
function headcountOf(record: ImportedMeeting): MeetingFields['headcount'] {
  if (record.expectedCount === undefined || record.presentCount === undefined) {
    return undefined;
  }
  const named = (state: '请假' | '缺席') => {
    const n = record.absentees.filter((a) => a.state === state).length;
    return n > 0 ? n : undefined;
  };
  return compact({
    expected: record.expectedCount,
    present: record.presentCount,
    onLeave: record.onLeaveCount ?? named('请假'),
    absent: record.absentCount ?? named('缺席'),
  });
}

/** The named absentees of a counts-only meeting kept in its content as written: `缺席人员：张三（出差）`. */
function withAbsentees(record: ImportedMeeting): string {
  const line = `缺席人员：${record.absentees.map((a) => formatAbsentee(a.name, a.state, a.reason)).join('、')}`;
  return record.content ? `${record.content}\n${line}` : line;
}

function merged(existing: Meeting, prepared: Prepared): Meeting {
  const after: Record<string, unknown> = { ...existing };
  for (const [key, value] of Object.entries(prepared.fields)) {
    const field = key as keyof MeetingFields; // why: the keys of prepared.fields (Object.entries widens them to string)
    if (prepared.unsaid.has(field) || field === 'alsoCountsAs' || field === 'speeches') continue;
    if (field === 'resolutions') {
      // Keep the votes (and the wording) recorded for a resolution that says the same.
      const incoming = prepared.fields.resolutions.map((r) => existing.resolutions.find((e) => sameText(e.text, r.text)) ?? r);
      const unchanged = incoming.length === existing.resolutions.length && incoming.every((r, i) => r === existing.resolutions[i]);
      after.resolutions = unchanged ? existing.resolutions : incoming;
      continue;
    }
    if (field === 'attendance') {
      after.attendance = attendanceAgainstStored(existing.attendance, prepared.fields.attendance);
      continue;
    }
    if (field === 'startAt' && typeof value === 'string' && value.slice(0, 16) === existing.startAt.slice(0, 16)) {
      // A file holds the wall clock only; the stored time keeps the offset it was entered with (a package made on a
      // computer set to another zone, a CLI run in UTC), so the same minute is no change.
      continue;
    }
    after[field] = value;
  }
  // why: `after` is the stored meeting with some of its fields replaced by values of the same fields
  return compact(keepStoredWording(existing, after)) as Meeting;
}

export function meetingLabel(meeting: Pick<Meeting, 'title' | 'startAt'>): string {
  return `${meeting.title}（${formatDateTime(meeting.startAt)}）`;
}

export function meetingAsNew(row: RowWithRecord<ImportedMeeting>, pc: MeetingPlanContext, extra?: string): PlannedRow<'meetings'> {
  const prepared = prepare(row.record, pc);
  return {
    rowNumber: row.rowNumber,
    kind: 'meetings',
    action: '新增',
    blocked: false,
    target: { branchId: pc.branch.id },
    after: { branchId: pc.branch.id, ...prepared.fields },
    reason: joinNotes(extra, ...prepared.notes),
    source: row,
  };
}

export function meetingAsUpdate(row: RowWithRecord<ImportedMeeting>, existing: Meeting, pc: MeetingPlanContext): PlannedRow<'meetings'> {
  const prepared = prepare(row.record, pc, existing);
  const after = merged(existing, prepared);
  const changes = diffFields(existing, after, MEETING_FIELD_LABELS);
  const base = {
    rowNumber: row.rowNumber,
    kind: 'meetings' as const,
    blocked: false,
    target: { branchId: pc.branch.id },
    recordId: existing.id,
    before: existing,
    storedBefore: existing,
    source: row,
  };
  if (changes.length === 0) {
    return { ...base, action: '跳过', reason: joinNotes('与已有会议记录相同', ...prepared.notes) };
  }
  return { ...base, action: '更新', after, changes, reason: joinNotes(...prepared.notes) };
}

function candidatesOf(meetings: readonly Meeting[]): ConflictCandidate[] {
  return meetings.map((m) => ({ id: m.id, label: meetingLabel(m) }));
}

/** The 党小组 of a 党小组会 row when it is known (named, or inferred from its 主持人 or 缺席人员), for the key. */
function groupOfRow(record: ImportedMeeting, pc: MeetingPlanContext): string | undefined {
  if (record.type !== '党小组会') {
    return undefined;
  }
  const idOf = (name: string | undefined) => {
    const found = name ? pc.roster.find(name) : undefined;
    return found && 'member' in found ? found.member.id : undefined;
  };
  const absentIds = record.absentees.map((a) => idOf(a.name)).filter((id): id is string => id !== undefined);
  return resolveGroup(record, pc, idOf(record.hostName), absentIds).id;
}

export function planMeetingRows(rows: readonly ParsedRow[], ctx: ImportContext): PlannedRow<'meetings'>[] {
  const pc = meetingPlanContext(ctx);
  const seen = new Map<string, { rowNumber: number; minute?: string; group?: string }[]>();
  return rows.map((parsed): PlannedRow<'meetings'> => {
    const row = parsed as ParsedRow<ImportedMeeting>; // why: a meeting sheet's rows
    if (!hasRecord(row)) {
      return blockedRow(row, 'meetings', pc.branch.id);
    }
    const record = row.record;
    const dayKey = `${record.type}|${record.startAt.slice(0, 10)}`;
    const minute = record.timeKnown ? record.startAt.slice(0, 16) : undefined;
    const group = groupOfRow(record, pc);
    const earlier = (seen.get(dayKey) ?? []).find(
      // A date-only row and a timed one are two meetings (2019.2.3 vs 2019/2/3 14:30): times stay distinct.
      (e) => (e.minute ?? 'day') === (minute ?? 'day') && (!e.group || !group || e.group === group),
    );
    seen.set(dayKey, [...(seen.get(dayKey) ?? []), { rowNumber: row.rowNumber, minute, group }]);
    if (earlier) {
      return {
        rowNumber: row.rowNumber,
        kind: 'meetings',
        action: '冲突',
        blocked: false,
        target: { branchId: pc.branch.id },
        reason: `与文件第${earlier.rowNumber}行是同一次会议（会议类型${group ? '、党小组' : ''}和时间相同）`,
        duplicateOf: earlier.rowNumber,
        candidates: [],
        source: row,
      };
    }
    const sameDay = pc.byDay.get(dayKey) ?? [];
    let matches = minute ? sameDay.filter((m) => m.startAt.slice(0, 16) === minute) : sameDay;
    if (group) {
      // Another group's meeting at that time is another meeting; a stored one without a group may be this one.
      const ofGroup = matches.filter((m) => m.partyGroupId === group);
      matches = ofGroup.length > 0 ? ofGroup : matches.filter((m) => !m.partyGroupId);
    }
    if (matches.length === 0) {
      return meetingAsNew(row, pc);
    }
    if (matches.length > 1) {
      return {
        rowNumber: row.rowNumber,
        kind: 'meetings',
        action: '冲突',
        blocked: false,
        target: { branchId: pc.branch.id },
        reason: `同一天已有${matches.length}次${record.type}（${matches.map(meetingLabel).join('；')}），请选择要更新哪一次，或作为新会议导入`,
        candidates: candidatesOf(matches),
        source: row,
      };
    }
    return meetingAsUpdate(row, matches[0], pc);
  });
}

export const meetingsPlanner: KindPlanner<'meetings'> = {
  plan: planMeetingRows,
  replan(row, choice, ctx) {
    const source = row.source as ParsedRow<ImportedMeeting> | undefined; // why: a meeting row's parsed row
    if (!source || !hasRecord(source)) return undefined;
    const pc = meetingPlanContext(ctx);
    if (choice === 'new') return meetingAsNew(source, pc, '按新会议导入');
    const meeting = ctx.meetings.find((m) => m.id === choice);
    return meeting ? meetingAsUpdate(source, meeting, pc) : undefined;
  },
};
